// Process: renderer. What the window shows while the host upgrades the store to this version, and if it could not.
import type { StoreUpgrade } from '../../shared/app-api.ts';

export function UpgradeProgress({ upgrade }: { upgrade: Extract<StoreUpgrade, { state: 'running' }> }) {
  return (
    <p className="boot" role="status" data-testid="upgrade-progress">
      Upgrading your sphere… {upgrade.total > 0 ? `${upgrade.done} of ${upgrade.total}` : 'making a backup first'}
    </p>
  );
}

export function UpgradeFailed({ upgrade, file }: { upgrade: Extract<StoreUpgrade, { state: 'failed' }>; file: string }) {
  return (
    <div className="fatal" role="alert" data-testid="upgrade-failed">
      <h1>Sphere could not open your sphere</h1>
      <p>
        Your sphere could not be upgraded to this version: {upgrade.reason}. Nothing was changed; your data is in <code>{file}</code>.
      </p>
      {upgrade.backup ? <p>A copy made just before trying is in the backups folder as <code>{upgrade.backup}</code>.</p> : null}
      <p>The previous version of Sphere still opens it. If this keeps happening, keep the file and tell us the reason above.</p>
    </div>
  );
}
