// Process: test (any). Import files as the exports write them (test/fixtures/import/): each format read, mapped and
// planned into the contacts a user would see, duplicates found, bad rows named by their line, bad files refused.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportFileError, MAX_IMPORT_BYTES } from '../../shared/import/decode-text.ts';
import { normaliseBirthday, type ImportOptions } from '../../shared/import/import-mapping.ts';
import { countImport, finishImport, planImport, reviewOf, type ExistingContact, type Resolution } from '../../shared/import/import-plan.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'import', name));
const options: ImportOptions = { category: 'business', ring: 'know', region: 'US' };

function planOf(name: string, existing: ExistingContact[] = [], opts = options) {
  const read = readImportFile(fixture(name));
  return { read, plan: planImport(read.table, read.mapping, opts, existing) };
}
const byName = (plan: ReturnType<typeof planOf>['plan'], name: string) => plan.entries.find((e) => e.draft.name === name)?.draft;

describe('Google Contacts CSV', () => {
  it('reads the current header set: BOM, CRLF, quoted commas and line breaks, labels, several values in a cell', () => {
    const { read, plan } = planOf('google-current.csv');
    expect([read.table.format, read.table.variant, read.encoding]).toEqual(['google', 'current headers', 'UTF-8 with BOM']);
    expect(byName(plan, 'José Álvarez')).toEqual({
      name: 'José Álvarez', category: 'business', ring: 'know', organisation: 'Smith, Jones & Co', title: 'Partner',
      emails: ['jose@example.es', 'j.alvarez@work.example'], phones: ['+14155550101', '+14155550102'], tags: ['Business'],
      notes: 'Met at the "Open House"\nLikes golf', birthday: '--11-02',
    });
    // Family name first for Chinese; right-to-left names as written; an organisation's row is named by it.
    expect(plan.entries.map((e) => e.draft.name)).toEqual(['Ann Lee', 'José Álvarez', '王小明', 'محمد علي', 'נועה כהן', 'Plumbing Pros', 'Ann Lee']);
    expect(byName(plan, 'נועה כהן')?.phones).toEqual(['+97235551234']);
    // A quoted field with line breaks moves the line count: the rows after it keep their real line numbers.
    expect(plan.entries.map((e) => e.line)).toEqual([2, 3, 5, 6, 7, 8, 11]);
    expect(plan.errors).toEqual([{ line: 12, reason: '"not-an-email" is not an email address' }]);
  });

  it('finds the same person twice in the file by email in another case', () => {
    const { plan } = planOf('google-current.csv');
    expect(plan.entries[6]!.match).toEqual({ kind: 'file', entry: 0, line: 2, name: 'Ann Lee', reason: 'email' });
    const merged = finishImport(plan, () => 'merge');
    expect(merged.summary).toMatchObject({ imported: 6, merged: 1, skipped: 0 });
    const ann = merged.batch.contacts.find((c) => c.name === 'Ann Lee')!;
    expect(ann.phones).toEqual(['+14155550100', '+14155550199']);
    expect(ann.notes).toBe('Second card');
    expect(finishImport(plan, () => 'keep').summary).toMatchObject({ imported: 7, merged: 0 });
    expect(finishImport(plan, () => 'skip').summary).toMatchObject({ imported: 6, skipped: 1 });
  });

  it('reads the older header set (Given Name, Group Membership, Organization 1 - Name)', () => {
    const { read, plan } = planOf('google-older.csv');
    expect([read.table.format, read.table.variant]).toEqual(['google', 'older headers']);
    expect(plan.entries.map((e) => e.draft)).toEqual([
      { name: 'Björn Ångström', category: 'business', ring: 'know', emails: ['bjorn@example.se'], phones: ['+46812345678'], tags: ['Family'], notes: 'Sailing, fishing', birthday: '1975-06-01' },
      { name: 'Priya Patel', category: 'business', ring: 'know', emails: ['priya@example.in', 'priya.p@example.com'], phones: [], tags: ['Coworkers'], organisation: 'Patel Realty', title: 'Owner' },
    ]);
  });
});

describe('Outlook, LinkedIn and spreadsheets', () => {
  it('reads Outlook in Windows-1252 and in UTF-16, with its M/D/YYYY birthdays and 0/0/00 for none', () => {
    const { read, plan } = planOf('outlook.csv');
    expect([read.table.format, read.encoding]).toEqual(['outlook', 'Windows-1252']);
    expect(byName(plan, 'François Dupré')).toMatchObject({ organisation: 'Café Crème', title: 'Gérant', birthday: '1980-04-23', tags: ['Clients', 'Golf'], address: '3 Rue de la Paix, Paris', notes: 'Prefers “morning” calls' });
    expect(byName(plan, 'Zoë Müller')).toEqual({ name: 'Zoë Müller', category: 'business', ring: 'know', emails: ['zoe@example.de'], phones: ['+12125550123'], tags: [] });
    const utf16 = planOf('outlook-utf16.csv');
    expect(utf16.read.encoding).toBe('UTF-16 LE');
    expect(utf16.plan.entries[0]!.draft).toMatchObject({ name: 'Sakura Yamada', organisation: '山田商事', birthday: '1990-12-25', phones: ['+81312345678'] });
  });

  it('finds LinkedIn\'s header under the notes it puts above it', () => {
    const { read, plan } = planOf('linkedin-connections.csv');
    expect(read.table.format).toBe('linkedin');
    expect(plan.entries.map((e) => [e.line, e.draft.name, e.draft.organisation, e.draft.title])).toEqual([
      [5, 'Grace Hopper', 'Navy, US', 'Rear Admiral'], [6, 'Li Wei', '字节跳动', '工程师'], [7, 'Ann Lee', 'Acme', 'Broker'],
    ]);
    expect(plan.errors).toEqual([]);
  });

  it('guesses a spreadsheet\'s columns, reads category and ring from them, and names bad rows by line', () => {
    const { read, plan } = planOf('spreadsheet.csv');
    expect(read.table.format).toBe('csv');
    expect(read.mapping).toEqual(['name', 'email', 'phone', 'organisation', 'category', 'ring', 'birthday']);
    expect(plan.entries.map((e) => [e.draft.name, e.draft.category, e.draft.ring])).toEqual([
      ['Olivia Brown', 'family', 'trust'], ['Noah Wilson', 'friends', 'like'], ['Mia Clark', 'servicers', 'prospect'],
    ]);
    expect(plan.errors).toEqual([
      { line: 4, reason: 'category "Clients" is not one of Family, Business, Friends, Acquaintance, Servicers' },
      { line: 6, reason: '"liam@example" is not an email address' },
    ]);
  });

  it('follows a changed mapping: a column left out is not imported, one mapped in is', () => {
    const read = readImportFile(fixture('linkedin-connections.csv'));
    const mapping = [...read.mapping];
    mapping[read.table.columns.indexOf('URL')] = 'ignore';
    mapping[read.table.columns.indexOf('Company')] = 'tags';
    const plan = planImport(read.table, mapping, options, []);
    expect(plan.entries[0]!.draft).toEqual({ name: 'Grace Hopper', category: 'business', ring: 'know', emails: ['grace@example.com'], phones: [], tags: ['Navy', 'US'], title: 'Rear Admiral' });
  });
});

describe('vCard', () => {
  it('reads Apple\'s 3.0 cards: groups, folded lines, a photo, QP in UTF-8, BDAY without a year', () => {
    const { read, plan } = planOf('apple-3.0.vcf');
    expect(read.table.format).toBe('vcard');
    expect(plan.entries[0]!.draft).toEqual({
      name: 'Ann Lee', category: 'business', ring: 'know', organisation: 'Acme', title: 'Broker', emails: ['ann@example.com'], phones: ['+14155550100'],
      tags: ['Friends', 'Buyers'], address: '1 Main Street, San Francisco, CA, 94105, United States', birthday: '--04-23',
      notes: 'Met at the spring open house, brought her brother along. She is looking for a three-bedroom house near a good school and a park.',
    });
    expect(byName(plan, '山田 太郎')).toMatchObject({ organisation: '山田商事, 営業部', birthday: '1985-11-03', phones: ['+81312345678'] });
    expect(byName(plan, 'ليلى حداد')?.birthday).toBe('1992-03-15');
    expect(byName(plan, 'Jürgen Müller')).toMatchObject({ notes: 'Ruft gern am Wochenende an. Grüße an die Familie.', phones: ['+49301234567'], emails: ['juergen@example.de'] });
    expect(plan.entries[4]!.match).toMatchObject({ kind: 'file', entry: 0, reason: 'email' });
    expect(plan.errors).toEqual([]);
  });

  it('decodes quoted-printable in the charset the card names', () => {
    const card = 'BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Dupr=E9;Fran=E7ois\r\nFN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:Fran=E7ois Dupr=E9\r\nTEL;WORK;VOICE:+33 1 42 68 53 00\r\nEND:VCARD\r\n';
    const read = readImportFile(new TextEncoder().encode(card));
    expect(planImport(read.table, read.mapping, options, []).entries[0]!.draft).toMatchObject({ name: 'François Dupré', phones: ['+33142685300'] });
  });

  it('reads 4.0 cards (tel: URIs, --MMDD) and names a card cut short by its line', () => {
    const { plan } = planOf('contacts-4.0.vcf');
    expect(plan.entries.map((e) => [e.draft.name, e.draft.birthday, e.draft.phones])).toEqual([
      ['Amélie Laurent', '--04-23', ['+33612345678']], ['Kwame Mensah', '1978-12-01', []],
    ]);
    expect(plan.errors).toEqual([{ line: 17, reason: 'the last card has no END:VCARD (is the file cut short?)' }]);
  });
});

describe('duplicates against the sphere', () => {
  const existing: ExistingContact[] = [
    { id: 'ann', name: 'Ann Lee', emails: ['Ann@example.com'], phones: [] },
    { id: 'zoe', name: 'Zoe M.', emails: [], phones: ['+12125550123'] },
    { id: 'fr', name: 'Francois Dupre', organisation: 'cafe creme', emails: [], phones: [] },
  ];

  it('matches by email in any case, by phone in E.164, and by name with organisation (accents aside)', () => {
    const google = planOf('google-current.csv', existing).plan;
    expect(google.entries[0]!.match).toEqual({ kind: 'store', contactId: 'ann', name: 'Ann Lee', reason: 'email' });
    // The repeat of Ann in the file matches the stored Ann too, not only the row before.
    expect(google.entries[6]!.match).toMatchObject({ kind: 'store', contactId: 'ann' });
    const outlook = planOf('outlook.csv', existing).plan;
    expect(outlook.entries.map((e) => e.match && [e.match.kind, (e.match as { contactId: string }).contactId, e.match.reason])).toEqual([
      ['store', 'fr', 'name and organisation'], ['store', 'zoe', 'phone'],
    ]);
  });

  it('merges both rows of one person into the one stored contact, skips or keeps both as told', () => {
    const { plan } = planOf('google-current.csv', existing);
    const merged = finishImport(plan, () => 'merge');
    expect(merged.batch.merges).toHaveLength(1);
    expect(merged.batch.merges[0]!.contactId).toBe('ann');
    expect(merged.batch.merges[0]!.contact.phones).toEqual(['+14155550100', '+14155550199']);
    expect(merged.summary).toMatchObject({ imported: 5, merged: 2, skipped: 0 });
    expect(finishImport(plan, () => 'skip').summary).toMatchObject({ imported: 5, merged: 0, skipped: 2 });
    // Per match: the first Ann kept as a new contact, the second merged into that one.
    const mixed = finishImport(plan, (_e, i) => (i === 0 ? 'keep' : 'merge'));
    expect(mixed.batch.merges).toHaveLength(1);
    expect(mixed.summary).toMatchObject({ imported: 6, merged: 1 });
  });
});

describe('what the dialog counts before confirming', () => {
  it('says what finishing will do, a merge into a skipped row included', () => {
    const resolvers: ((i: number) => Resolution)[] = [() => 'merge', () => 'skip', () => 'keep', (i) => (i === 0 ? 'skip' : 'merge'), (i) => (i === 0 ? 'keep' : 'skip')];
    for (const existing of [[], [{ id: 'ann', name: 'Ann Lee', emails: ['ann@example.com'], phones: [] }]]) {
      for (const name of ['google-current.csv', 'apple-3.0.vcf']) {
        const { plan } = planOf(name, existing);
        for (const resolve of resolvers) {
          const { errors: _e, ...summary } = finishImport(plan, (_entry, i) => resolve(i)).summary;
          expect(countImport(reviewOf(plan), resolve)).toEqual(summary);
        }
      }
    }
    // The second row is the first by phone; the first is the stored Ann by email. Skipping the first skips the
    // second's merge into it too, and both counts agree.
    const read = readImportFile(new TextEncoder().encode('Name,Email,Phone\nAnn Lee,ann@example.com,+1 415 555 0100\nAnn L.,other@example.com,415-555-0100\n'));
    const plan = planImport(read.table, read.mapping, options, [{ id: 'ann', name: 'Ann Lee', emails: ['ann@example.com'], phones: [] }]);
    expect(plan.entries.map((e) => e.match?.kind)).toEqual(['store', 'file']);
    const resolve = (i: number): Resolution => (i === 0 ? 'skip' : 'merge');
    expect(finishImport(plan, (_e, i) => resolve(i))).toEqual({ batch: { contacts: [], merges: [] }, summary: { imported: 0, merged: 0, skipped: 2, errors: [] } });
    expect(countImport(reviewOf(plan), resolve)).toEqual({ imported: 0, merged: 0, skipped: 2 });
    // Merged instead, both rows go into the stored Ann as one.
    const merged = finishImport(plan, () => 'merge');
    expect(merged.batch.merges).toEqual([{ contactId: 'ann', contact: expect.objectContaining({ emails: ['ann@example.com', 'other@example.com'], phones: ['+14155550100'] }) }]);
    expect(countImport(reviewOf(plan), () => 'merge')).toEqual({ imported: 0, merged: 2, skipped: 0 });
  });
});

describe('files that are not a sphere', () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      readImportFile(bytes);
    } catch (err) {
      expect(err).toBeInstanceOf(ImportFileError);
      return (err as Error).message;
    }
    throw new Error('the file was not refused');
  };

  it('says why: empty, binary, an Excel workbook, too large, only a header, an encoding it cannot read', () => {
    expect(refusal(new Uint8Array())).toMatch(/empty/);
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('This is a ZIP archive (Excel and Numbers workbooks are ZIP archives), not a CSV or vCard file. Save the sheet as CSV and choose that file.');
    expect(refusal(Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256))).toMatch(/not text/);
    expect(refusal(new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024).fill(0x41))).toMatch(/^The file is 21\.0 MB; an import takes at most 20\.0 MB/);
    expect(refusal(new TextEncoder().encode('Name,Email\r\n'))).toMatch(/no contacts under it/);
    expect(refusal(new TextEncoder().encode('   \n\n'))).toMatch(/no text/);
    // Small enough in bytes, but more people than one command may carry.
    expect(refusal(new TextEncoder().encode('Email\n' + 'a@b.co\n'.repeat(100_001)))).toBe('The file holds 100,001 rows; one import takes at most 100,000. Split it into smaller files.');
    // UTF-8 marked, but not UTF-8 inside.
    expect(refusal(new Uint8Array([0xef, 0xbb, 0xbf, 0x4e, 0x61, 0x6d, 0x65, 0xff, 0xfe, 0xc3, 0x28]))).toMatch(/not valid UTF-8/);
  });

  it('names an unclosed quote by the line it starts on', () => {
    const text = 'Name,Email\nAnn,ann@example.com\n"Bo,bo@example.com\nCy,cy@example.com\n';
    const read = readImportFile(new TextEncoder().encode(text));
    expect(read.table.rows.map((r) => r.line)).toEqual([2]);
    expect(read.table.errors).toEqual([{ line: 3, reason: 'a quoted field is never closed (a stray " character?)' }]);
  });
});

describe('birthdays', () => {
  it('takes the forms exports write and refuses what is not a date', () => {
    expect(['1980-04-23', '19800423', '--0423', '--04-23', '1980-04-23T00:00:00Z', '4/23/1980', '23/4/1980', '1604-04-23', '0/0/00', 'April 23', '1980-13-01'].map(normaliseBirthday))
      .toEqual(['1980-04-23', '1980-04-23', '--04-23', '--04-23', '1980-04-23', '1980-04-23', '1980-04-23', '--04-23', '', null, null]);
  });
});
