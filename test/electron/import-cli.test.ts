// Process: test (Node). The command line's import against a real store in a throw-away data folder: the summary
// it prints, the store it leaves, and the one-line failures for files it cannot read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CliError, type CliContext } from '../../cli/cli-command.ts';
import { importCommand } from '../../cli/commands/import.ts';
import { StoreService } from '../../electron/store/store-service.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '..', 'fixtures', 'import', name);
let stores: StoreService[] = [];
afterEach(() => {
  for (const s of stores) s.close();
  stores = [];
});

function context(): CliContext & { store: StoreService; seen: number[] } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-cli-import-'));
  const store = new StoreService(dataDir);
  stores.push(store);
  const seen: number[] = [];
  return { dataDir, store, seen, openStore: async () => ({ store, commands: store.commands }), progress: (done) => seen.push(done) };
}

const names = async (store: StoreService) => (await store.commands.read((r) => r.find('contacts', {}))).map((c) => c.name).sort();

describe('npm run cli -- import', () => {
  it('imports a Google CSV, reporting the bad row by line, and merges the same file again', async () => {
    const ctx = context();
    const first = await importCommand.run([fixture('google-current.csv'), '--category', 'Friends', '--ring', 'like'], ctx);
    expect(first).toEqual({ imported: 6, merged: 1, skipped: 0, errors: [{ line: 12, reason: '"not-an-email" is not an email address' }] });
    const stored = await ctx.store.commands.read((r) => r.find('contacts', {}));
    expect(stored.every((c) => c.category === 'friends' && c.ring === 'like')).toBe(true);
    expect(ctx.seen.at(-1)).toBe(8);
    // The same file again: everyone is already there.
    expect(await importCommand.run([fixture('google-current.csv'), '--duplicates', 'skip'], ctx)).toMatchObject({ imported: 0, merged: 0, skipped: 7 });
    expect(await importCommand.run([fixture('google-current.csv'), '--duplicates', 'merge'], ctx)).toMatchObject({ imported: 0, merged: 7 });
    expect(await names(ctx.store)).toHaveLength(6);
  });

  it('reads a vCard file and a forced format', async () => {
    const ctx = context();
    expect(await importCommand.run([fixture('apple-3.0.vcf'), '--duplicates', 'keep'], ctx)).toMatchObject({ imported: 5, merged: 0, errors: [] });
    expect(await importCommand.run([fixture('linkedin-connections.csv'), '--format', 'linkedin'], ctx)).toMatchObject({ imported: 2, merged: 1 });
    expect(await names(ctx.store)).toContain('Grace Hopper');
  });

  it('fails with one line and changes nothing for a file it cannot read or options it does not know', async () => {
    const ctx = context();
    const binary = path.join(ctx.dataDir, 'photo.png');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]));
    await expect(importCommand.run([binary], ctx)).rejects.toThrow(/photo\.png: This is a PNG image, not a CSV or vCard file\./);
    await expect(importCommand.run([path.join(ctx.dataDir, 'missing.csv')], ctx)).rejects.toThrow(/no such file/);
    await expect(importCommand.run([fixture('google-current.csv'), '--errors', 'stop'], ctx)).rejects.toThrow('nothing imported: line 12: "not-an-email" is not an email address');
    await expect(importCommand.run([fixture('google-current.csv'), '--ring', 'inner'], ctx)).rejects.toThrow(CliError);
    await expect(importCommand.run([fixture('google-current.csv'), '--duplicates', 'maybe'], ctx)).rejects.toThrow(/--duplicates must be one of merge, skip, keep/);
    expect(await names(ctx.store)).toEqual([]);
  });
});
