// Process: renderer. Start-up: connect to the host, open the database, render. Failures are shown, never a blank page.
// When the host comes back after being away, the database is opened again on the new connection and handed to the
// same App: React keeps its state, so open forms and what was typed in them stay as they were.
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { connectPlatform, type Platform } from './platform/platform.ts';
import { openSphereDatabase } from './db/sphere-database.ts';
import { markStartup } from './perf/startup-marks.ts';
import { requestOpeningPicture } from './graph/opening-picture.ts';
import { storeReady } from './db/store-ready.ts';
import { UpgradeFailed, UpgradeProgress } from './components/StoreUpgrade.tsx';
import type { SphereDatabase } from '../shared/schemas/index.ts';

const root = createRoot(document.getElementById('root')!);
/** Once the window has said what went wrong, nothing renders over it (a reconnection would hide the reason). */
let failed = false;

async function start(): Promise<void> {
  const platform = await connectPlatform();
  markStartup('connected');
  // A live query whose read failed never delivers: without this the window would wait on its sphere forever.
  platform.readFailures.subscribe((reason) => showFailure(new Error(`The Sphere host could not read your sphere: ${reason}`)));
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
  let db = await openSphereDatabase(platform.storage);
  markStartup('database-open');
  const show = () => {
    if (failed) return;
    root.render(
      <>
        <ConnectionBanner connection={platform.connection} />
        <App db={db} api={platform.api} host={platform.host} opening={opening} />
      </>,
    );
  };
  show();
  reopenOnReturn(platform, () => db, (next) => {
    db = next;
    show();
  });
}

/**
 * The host that came back holds none of this window's storage connections: the old database is closed (its
 * connections are refused locally) and a new one opened, which reads everything afresh from the store.
 */
function reopenOnReturn(platform: Platform, current: () => SphereDatabase, replace: (db: SphereDatabase) => void): void {
  let running = false;
  let wanted = false;
  const reopen = async () => {
    if (running) return void (wanted = true);
    running = true;
    try {
      do {
        wanted = false;
        if (!platform.connection.state.up) break;
        await current().close().catch(() => false);
        try {
          replace(await openSphereDatabase(platform.storage));
        } catch (err) {
          // Lost again while opening: the next return tries again.
          console.warn(`Reopening the database failed: ${(err as Error).message}`);
        }
      } while (wanted);
    } finally {
      running = false;
    }
  };
  platform.connection.subscribe((state) => {
    if (state.up && state.generation > 1) void reopen();
  });
}

function showFailure(err: unknown): void {
  console.error(err);
  if (failed) return;
  failed = true;
  root.render(
    <div className="fatal" role="alert">
      <h1>Sphere could not open your sphere</h1>
      <p>{err instanceof Error ? err.message : String(err)}</p>
      <p>Your data has not been changed. Restart Sphere; if this keeps happening, the data folder holds your file and its backups.</p>
    </div>,
  );
}

start().catch(showFailure);
