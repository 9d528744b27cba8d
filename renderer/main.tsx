// Process: renderer. Start-up: connect to the host, open the database, render. Failures are shown, never a blank page.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { connectPlatform } from './platform/platform.ts';
import { openSphereDatabase } from './db/sphere-database.ts';
import { markStartup } from './perf/startup-marks.ts';
import { requestOpeningPicture } from './graph/opening-picture.ts';
import { storeReady } from './db/store-ready.ts';
import { UpgradeFailed, UpgradeProgress } from './components/StoreUpgrade.tsx';

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const platform = await connectPlatform();
  markStartup('connected');
  // The host may be upgrading the store to this version's schemas: the database opens only once that is done.
  let upgraded = false;
  const status = await storeReady(platform.api, (upgrade) => {
    upgraded = true;
    root.render(<UpgradeProgress upgrade={upgrade} />);
  });
  if (status.upgrade?.state === 'failed') {
    root.render(<UpgradeFailed upgrade={status.upgrade} file={status.file} />);
    return;
  }
  if (upgraded) root.render(<p className="boot">Opening your sphere…</p>);
  const opening = requestOpeningPicture(platform.api);
  const db = await openSphereDatabase(platform.storage);
  markStartup('database-open');
  root.render(<App db={db} api={platform.api} host={platform.host} opening={opening} />);
}

start().catch((err: unknown) => {
  console.error(err);
  root.render(
    <div className="fatal" role="alert">
      <h1>Sphere could not open your sphere</h1>
      <p>{err instanceof Error ? err.message : String(err)}</p>
      <p>Your data has not been changed. Restart Sphere; if this keeps happening, the data folder holds your file and its backups.</p>
    </div>,
  );
});
