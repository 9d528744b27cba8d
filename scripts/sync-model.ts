// Process: dev tool (Node). `npm run test:sync-model`: the sync model test's long job, 1,000 schedules unless
// SYNC_SCHEDULES says otherwise (SYNC_SEED replays a run, SYNC_SHRINK=1 shrinks a failure to its smallest steps).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const schedules = process.env.SYNC_SCHEDULES ?? '1000';
const result = spawnSync(process.execPath, [vitest, 'run', 'test/electron/sync-model.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SYNC_SCHEDULES: schedules },
});
process.exit(result.status ?? 1);
