// Process: test (Node). A writer killed with SIGKILL mid-stream loses no acknowledged write and leaves a sound file.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { getRxStorageSqlite } from '../../electron/store/sqlite-storage.ts';
import { createInstance, personSchema, tempDir, type Person } from './storage-fixtures.ts';

const writer = path.join(import.meta.dirname, 'crash-writer.ts');

function runAndKill(directory: string, killAfterAcks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, directory], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = -1;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match) acked = Number(match[1]);
      }
      if (acked >= killAfterAcks) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
    });
    setTimeout(() => child.kill('SIGKILL'), 30_000).unref();
  });
}

describe('a crash at any moment', () => {
  it.each([3, 17, 40])('keeps every acknowledged write when the writer is killed after %i batches', async (killAfter) => {
    const directory = tempDir('crash');
    const lastAcked = await runAndKill(directory, killAfter);
    expect(lastAcked).toBeGreaterThanOrEqual(killAfter);

    const db = new Database(path.join(directory, 'db.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const instance = await createInstance<Person>(getRxStorageSqlite({ directory }), personSchema);
    const ids = Array.from({ length: lastAcked + 1 }, (_, batch) => Array.from({ length: 20 }, (_, i) => `w${batch}-${i}`)).flat();
    const found = await instance.findDocumentsById(ids, false);
    expect(found.length).toBe(ids.length);
    // Writes are whole batches: a batch is either all there or not there at all.
    const { documents } = await instance.getChangedDocumentsSince!(1_000_000);
    expect(documents.length % 20).toBe(0);
    await instance.close();
  });
});
