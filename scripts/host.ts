// Process: browser host (Node). `npm run host -- --port PORT --data-dir DIR`: Sphere without Electron.
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { startBrowserHost } from '../electron/host/browser-host.ts';
import { defaultDataDir } from '../electron/data-dir.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
  process.exit(2);
}
const rendererDir = path.join(root, 'dist', 'renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built yet: run `npm run build` first (npm start does it for you).');
  process.exit(1);
}
const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

const host = await startBrowserHost({ dataDir, rendererDir, port, version, log: (line) => console.error(line) });
const problem = host.store.status().problem;
if (problem) console.error(`Your store could not be opened (${problem.reason}); it was kept as ${problem.setAsideAs} and a fresh one started.`);
const { readOnly } = host.store.status();
if (readOnly) console.error(`Your store is open read-only: ${readOnly}.`);
const refusal = host.store.refusal();
if (refusal) console.error(refusal);
console.log(`Data folder: ${dataDir}`);
// The full address carries a one-time token the page trades for its session; the next one is in launch-address.
console.log(`Sphere is running at ${host.launchAddress()}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
