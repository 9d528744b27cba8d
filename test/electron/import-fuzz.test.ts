// Process: test (Node). Property-based fuzzing of every import path (fast-check): arbitrary bytes, and CSV and
// vCard files that are nearly right (quotes, commas, line breaks, encodings, cut short, bytes flipped). Every file
// is either refused with the import's own message or read into rows and errors; what is planned always passes the
// host command's schema; and against a real store, a command either stores everything it says or nothing at all.
// `npm test` runs a few hundred cases; SPHERE_FUZZ_RUNS=10000 runs the long job.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreService } from '../../electron/store/store-service.ts';
import { DomainCommandSchema } from '../../shared/commands/domain-command.ts';
import { ImportFileError } from '../../shared/import/decode-text.ts';
import { countImport, finishImport, planImport, reviewOf, type Resolution } from '../../shared/import/import-plan.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';
import type { ImportFormat } from '../../shared/import/import-table.ts';

const RUNS = Number(process.env.SPHERE_FUZZ_RUNS ?? 150);
const encoder = new TextEncoder();

/** Text with what breaks parsers: quotes, delimiters, line ends, BOMs, controls, accents, CJK, right-to-left. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', ';', '\t', '\r\n', '\n', '\r', ':', '=', '\\', ' ', '\ufeff', '\u0000', '@', '+', '-', '/', '.'),
    fc.constantFrom('é', 'ß', '王', '明', 'م', 'ש', '😀', '\u202e'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
  maxLength: 40,
});
// Mostly good values, so that most rows are imported and the rest are errors by line.
const email = fc.oneof({ arbitrary: fc.emailAddress(), weight: 5 }, { arbitrary: fc.constant(''), weight: 2 }, { arbitrary: nasty, weight: 1 });
const phone = fc.oneof({ arbitrary: fc.constantFrom('+1 415 555 0100', '(415) 555-0101', '020 7946 0958', '+49 30 1234567', '12', ''), weight: 5 }, { arbitrary: nasty, weight: 1 });

const GOOGLE = ['First Name', 'Last Name', 'Organization Name', 'Birthday', 'Notes', 'Labels', 'E-mail 1 - Value', 'Phone 1 - Value'];
const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const csvFile = fc.record({
  rows: fc.array(fc.tuple(nasty, nasty, nasty, fc.constantFrom('1980-04-23', '--04-23', '4/23/1980', 'soon'), nasty, nasty, email, phone), { minLength: 1, maxLength: 12 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
}).map(({ rows, crlf, bom }) => (bom ? '\ufeff' : '') + [GOOGLE, ...rows].map((r) => r.map(quote).join(',')).join(crlf ? '\r\n' : '\n'));

const vcardFile = fc.array(fc.record({
  fn: nasty, email, phone, note: nasty, bday: fc.constantFrom('1980-04-23', '--0423', '19800423', 'April'), version: fc.constantFrom('3.0', '4.0', '2.1'),
  qp: fc.boolean(), grouped: fc.boolean(), fold: fc.integer({ min: 10, max: 80 }),
}), { minLength: 1, maxLength: 6 }).map((cards) => cards.map((c) => {
  const lines = ['BEGIN:VCARD', `VERSION:${c.version}`, `FN:${c.fn}`, `${c.grouped ? 'item1.' : ''}EMAIL;type=INTERNET:${c.email}`, `TEL;CELL:${c.phone}`, `BDAY:${c.bday}`,
    c.qp ? `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${[...encoder.encode(c.note)].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}=\r\n=41` : `NOTE:${c.note}`,
    'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD', 'END:VCARD'];
  return lines.flatMap((l) => (l.length > c.fold ? [l.slice(0, c.fold), ` ${l.slice(c.fold)}`] : [l])).join('\r\n');
}).join('\r\n'));

/** A near-valid file spoilt a little: cut short, a byte flipped, re-encoded, or left as it is. */
const spoilt = (text: fc.Arbitrary<string>) => fc.tuple(text, fc.constantFrom('none', 'cut', 'flip', 'utf16', 'latin1'), fc.nat(), fc.nat({ max: 255 })).map(([t, how, at, byte]) => {
  const bytes = how === 'utf16' ? utf16(t) : how === 'latin1' ? Uint8Array.from([...t].map((ch) => ch.charCodeAt(0) & 0xff)) : encoder.encode(t);
  if (how === 'cut') return bytes.subarray(0, bytes.length === 0 ? 0 : at % bytes.length);
  if (how === 'flip' && bytes.length > 0) bytes[at % bytes.length] = byte;
  return bytes;
});

function utf16(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) out.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
  return out;
}

const anyFile = fc.oneof(fc.uint8Array({ maxLength: 600 }), spoilt(csvFile), spoilt(vcardFile));
const formats = fc.constantFrom<ImportFormat | 'auto'>('auto', 'auto', 'google', 'outlook', 'linkedin', 'csv', 'vcard');
const resolution = fc.constantFrom<Resolution>('merge', 'skip', 'keep');
const options = { category: 'business', ring: 'know', region: 'US' } as const;

/** Reads and plans as the dialog and the command line do; a refusal must be the import's own, with a message. */
function attempt(bytes: Uint8Array, format: ImportFormat | 'auto', existing: Parameters<typeof planImport>[3], choice: Resolution) {
  let read;
  try {
    read = readImportFile(bytes, format);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as Error).message.length).toBeGreaterThan(10);
    return null;
  }
  for (const row of read.table.rows) expect(row.line).toBeGreaterThan(0);
  const plan = planImport(read.table, read.mapping, options, existing);
  for (const e of plan.errors) expect(e.reason).not.toBe('');
  const done = finishImport(plan, (_e, i) => (i % 3 === 0 ? choice : i % 3 === 1 ? 'merge' : 'skip'));
  // The dialog counts from the review alone; it must say what finishing will do.
  const { errors: _errors, ...summary } = done.summary;
  expect(countImport(reviewOf(plan), (i) => (i % 3 === 0 ? choice : i % 3 === 1 ? 'merge' : 'skip'))).toEqual(summary);
  return done;
}

describe('fuzzing every import path', () => {
  it('reads or refuses any bytes, and plans only what the host command accepts', () => {
    fc.assert(fc.property(anyFile, formats, resolution, (bytes, format, choice) => {
      const done = attempt(bytes, format, [{ id: 'x', name: 'Ann', emails: ['ann@example.com'], phones: ['+14155550100'] }], choice);
      if (!done) return;
      const parsed = DomainCommandSchema.safeParse({ type: 'contact.import', source: 'fuzz.csv', ...done.batch });
      expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
    }), { numRuns: RUNS });
  });

  it('reads most near-valid files into contacts, so the properties above are about real imports', () => {
    let withContacts = 0;
    fc.assert(fc.property(fc.oneof(csvFile, vcardFile).map((t) => encoder.encode(t)), (bytes) => {
      const done = attempt(bytes, 'auto', [], 'keep');
      if (done && done.batch.contacts.length > 0) withContacts++;
    }), { numRuns: 200, seed: 13 });
    expect(withContacts).toBeGreaterThan(60);
  });

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-import-fuzz-'));
  const store = new StoreService(dataDir);
  afterAll(() => store.close());
  const stored = () => store.commands.read((r) => r.find('contacts', {}));

  it('stores all of a planned import or none of it, on a real store', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(spoilt(csvFile), spoilt(vcardFile)), resolution, async (bytes, choice) => {
      const before = await stored();
      const done = attempt(bytes, 'auto', before, choice);
      if (!done || (done.batch.contacts.length === 0 && done.batch.merges.length === 0)) return;
      let ran = true;
      try {
        await store.commands.run({ type: 'contact.import', source: 'fuzz', ...done.batch });
      } catch {
        ran = false;
      }
      const after = await stored();
      // Merges never add a contact (their targets exist); only the new ones do, and only all together.
      expect(after.length).toBe(ran ? before.length + done.batch.contacts.length : before.length);
      if (!ran) expect(after).toEqual(before);
    }), { numRuns: Math.max(10, Math.round(RUNS / 10)) });
  });
});
