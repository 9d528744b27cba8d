// Process: dev tool (Node). `npm run test:kills -- --writers 100 --hosts 60 --backups 30`: issue 12's kill figures,
// repeated on today's code (see test/support/kill-trials.ts). Prints the figures; exits non-zero if any write was
// lost, any integrity check failed, or any partial backup was listed. Needs the renderer built (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupTrials, hostTrials, writerTrials } from '../test/support/kill-trials.ts';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '100' },
    hosts: { type: 'string', default: '60' },
    backups: { type: 'string', default: '30' },
    contacts: { type: 'string', default: '1500' },
    verbose: { type: 'boolean', default: false },
  },
});
const count = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} is a whole number of kills, not ${text}`);
    process.exit(2);
  }
  return n;
};
const writers = count('writers', values.writers);
const hosts = count('hosts', values.hosts);
const backups = count('backups', values.backups);
const contacts = count('contacts', values.contacts);
if (hosts > 0 && !fs.existsSync(path.join(import.meta.dirname, '..', 'dist', 'renderer', 'index.html'))) {
  console.error('The host kills start scripts/host.ts, which needs the renderer built: run `npm run build` first.');
  process.exit(1);
}
const log = values.verbose ? (line: string) => console.error(line) : undefined;
const thousands = (n: number) => n.toLocaleString('en-US');

let failed = false;
if (writers > 0) {
  const f = await writerTrials(writers, { log });
  failed ||= f.lost > 0 || f.integrityFailures > 0;
  console.log(`writer kills: ${f.kills}, acknowledged writes: ${thousands(f.acknowledged)}, lost: ${f.lost}, integrity failures: ${f.integrityFailures}`);
}
if (hosts > 0) {
  const f = await hostTrials(hosts, { log });
  failed ||= f.lost > 0 || f.integrityFailures > 0;
  console.log(`browser host kills: ${f.kills}, acknowledged writes: ${thousands(f.acknowledged)}, lost: ${f.lost}, integrity failures: ${f.integrityFailures}`);
}
if (backups > 0) {
  const f = await backupTrials(backups, { log, contacts });
  failed ||= f.partialListed > 0;
  console.log(`backup kills: ${f.kills} (${f.midBackup} mid-copy), listed backups checked: ${f.listedChecked}, partial backups listed or offered: ${f.partialListed}`);
}
process.exit(failed ? 1 : 0);
