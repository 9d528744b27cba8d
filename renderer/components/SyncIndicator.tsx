// Process: renderer. The top bar's word on team sync: offline, syncing (with the first sync's progress), up to
// date, or the error to act on; with the local changes not yet sent and the time of the last sync.
import type { SyncStatus } from '../../shared/app-api.ts';

const since = (at: number) => {
  const minutes = Math.round((Date.now() - at) / 60_000);
  return minutes < 1 ? 'just now' : minutes < 60 ? `${minutes} min ago` : new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
};

export function describeSync(status: SyncStatus): { text: string; tone: 'quiet' | 'busy' | 'good' | 'bad'; detail: string } {
  const pending = status.pending > 0 ? ` · ${status.pending} to send` : '';
  const last = status.lastSyncAt ? `Last synced ${since(status.lastSyncAt)}.` : 'Not synced yet.';
  switch (status.state) {
    case 'signedOut': return { text: 'Not syncing', tone: 'quiet', detail: 'Sphere works on this device alone. Sign in to a team server to share your sphere.' };
    case 'off': return { text: 'Sync off', tone: 'quiet', detail: `Signed in to ${status.server}; sync is switched off. ${last}` };
    case 'offline': return { text: `Offline${pending}`, tone: 'quiet', detail: `Working offline; your changes are kept and sent when ${status.server} is back. ${last}` };
    case 'syncing': return { text: status.lastSyncAt ? `Syncing…${pending}` : `Syncing… ${status.received.toLocaleString()} received`, tone: 'busy', detail: `With ${status.team?.name ?? 'your team'} on ${status.server}. ${last}` };
    case 'upToDate': return { text: 'Up to date', tone: 'good', detail: `With ${status.team?.name ?? 'your team'} on ${status.server}. ${last}` };
    case 'error': return { text: status.error?.startsWith('Sign in again') ? 'Sign in again' : 'Sync stopped', tone: 'bad', detail: status.error ?? 'Sync stopped.' };
  }
}

export function SyncIndicator({ status, onOpen }: { status: SyncStatus | null; onOpen(): void }) {
  if (!status) return null;
  const { text, tone, detail } = describeSync(status);
  return (
    <button type="button" className={`sync-indicator ${tone}`} data-testid="sync-indicator" data-state={status.state} onClick={onOpen} title={detail}>
      <span className="dot" aria-hidden="true" /><span className="sync-text">{text}</span>
    </button>
  );
}
