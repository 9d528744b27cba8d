// Process: test (Node). Reading a JSON backup: whatever the file holds, the answer is the documents or a
// BackupError that says what is wrong, never a crash; migration runs each collection's steps in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackupError, makeBackup, readBackup, type BackupSpecs } from '../../shared/export/sphere-backup.ts';
import { generateSphere } from '../../shared/sample-sphere.ts';

const specs = (version: number, steps: Record<number, (doc: Record<string, unknown>) => unknown>): BackupSpecs =>
  ({ notes: { schema: { version } as never, migrationStrategies: steps as never } });

describe('reading a JSON backup', () => {
  it('gives back the documents it was made from', () => {
    const sample = generateSphere({ seed: 3, contacts: 40 });
    const { docs } = readBackup(JSON.parse(JSON.stringify(makeBackup({ ...sample, settings: [] }, 5))));
    expect(docs.contacts).toEqual([...sample.contacts].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(docs.touches!.length).toBe(sample.touches.length);
  });

  it('migrates version by version with the declared steps, drops what a step drops, and refuses a gap', () => {
    const steps = { 1: (d: Record<string, unknown>) => ({ ...d, one: true }), 2: (d: Record<string, unknown>) => (d.id === 'gone' ? null : { ...d, two: d.one }) };
    const backup = { format: 'sphere-backup', formatVersion: 1, collections: { notes: { schemaVersion: 0, docs: [{ id: 'a' }, { id: 'gone' }] } } };
    expect(readBackup(backup, specs(2, steps)).docs.notes).toEqual([{ id: 'a', one: true, two: true }]);
    expect(readBackup({ ...backup, collections: { notes: { schemaVersion: 2, docs: [{ id: 'a' }] } } }, specs(2, steps)).docs.notes).toEqual([{ id: 'a' }]);
    expect(() => readBackup(backup, specs(2, { 2: steps[2] }))).toThrow(/cannot migrate notes to schema version 1/);
    expect(() => readBackup({ ...backup, collections: { notes: { schemaVersion: 3, docs: [] } } }, specs(2, steps))).toThrow(/newer version of Sphere \(notes at schema version 3; this version reads up to 2\)/);
    expect(() => readBackup({ ...backup, collections: { notes: { schemaVersion: 0, docs: [{ id: 'a' }, { id: 'a' }] } } }, specs(2, steps))).toThrow(/twice/);
  });

  it('answers anything at all with documents or a BackupError, never a crash', () => {
    const nearlyValid = fc.record({
      format: fc.oneof(fc.constant('sphere-backup'), fc.string()),
      formatVersion: fc.oneof(fc.constant(1), fc.integer(), fc.double(), fc.string()),
      exportedAt: fc.oneof(fc.double(), fc.constantFrom(1e20, -1, 8.64e15 + 1), fc.anything()),
      collections: fc.oneof(
        fc.dictionary(fc.constantFrom('contacts', 'ties', 'touches', 'deals', 'settings', 'other'), fc.record({ schemaVersion: fc.oneof(fc.constantFrom(0, 1, 2), fc.anything()), docs: fc.oneof(fc.array(fc.oneof(fc.record({ id: fc.string() }), fc.anything()), { maxLength: 5 }), fc.anything()) }, { requiredKeys: [] })),
        fc.anything(),
      ),
    }, { requiredKeys: [] });
    fc.assert(fc.property(fc.oneof(nearlyValid, fc.anything(), fc.jsonValue()), (input) => {
      try {
        const { docs, exportedAt } = readBackup(input);
        expect(typeof docs).toBe('object');
        // The restore's label prints the date: it must be one.
        expect(() => new Date(exportedAt).toISOString()).not.toThrow();
      } catch (err) {
        expect(err).toBeInstanceOf(BackupError);
        expect((err as Error).message.split('\n')).toHaveLength(1);
      }
    }), { numRuns: 2000 });
  });
});
