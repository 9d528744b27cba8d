// Process: renderer. Signing in to a team server and running sync. The password goes to the host, which keeps
// only the token it gets back (never shown to this window); plain http to another machine needs a yes first.
import { useState, type FormEvent } from 'react';
import type { AppApiClient } from '../../../shared/app-api.ts';
import { useSyncStatus } from '../../hooks/useSyncStatus.ts';
import { describeSync } from '../SyncIndicator.tsx';
import { Dialog } from './Dialog.tsx';

const isPlainRemote = (server: string) => {
  try {
    const url = new URL(server);
    return url.protocol === 'http:' && !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
  } catch {
    return false;
  }
};

export function SyncForm({ api, onClose }: { api: AppApiClient; onClose(): void }) {
  const status = useSyncStatus(api);
  const [server, setServer] = useState('https://');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (err) {
      setFailure((err as Error).message.replace(/^sync\.\w+: /, ''));
    } finally {
      setBusy(false);
    }
  };

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await api.call('sync.signIn', { server: server.trim(), email: email.trim(), password, allowPlainHttp });
      setPassword('');
    });
  };

  const signedIn = status && status.state !== 'signedOut';
  return (
    <Dialog title="Team sync" testId="sync-form" onClose={onClose}>
      {status ? <p className="muted" data-testid="sync-detail">{describeSync(status).detail}</p> : null}
      {signedIn ? (
        <div>
          <dl>
            <dt>Server</dt><dd>{status.server}</dd>
            <dt>Signed in as</dt><dd>{status.email}</dd>
            <dt>Team</dt><dd>{status.team?.name ?? '—'}</dd>
            <dt>Not yet sent</dt><dd data-testid="sync-pending">{status.pending}</dd>
          </dl>
          {failure ? <p className="failure" role="alert">{failure}</p> : null}
          <div className="actions">
            <button type="button" disabled={busy} data-testid="sync-sign-out" onClick={() => void act(() => api.call('sync.signOut'))}>Sign out</button>
            <button type="button" disabled={busy} data-testid="sync-toggle" onClick={() => void act(() => api.call('sync.setEnabled', { enabled: status.state === 'off' }))}>
              {status.state === 'off' ? 'Switch sync on' : 'Switch sync off'}
            </button>
            <button type="button" className="primary" onClick={onClose}>Done</button>
          </div>
        </div>
      ) : (
        <form onSubmit={signIn} noValidate>
          <label className="field"><span>Team server</span><input data-testid="sync-server" value={server} onChange={(e) => setServer(e.target.value)} autoFocus placeholder="https://sphere.example.com" /></label>
          <label className="field"><span>Email</span><input data-testid="sync-email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} /></label>
          <label className="field"><span>Password</span><input data-testid="sync-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></label>
          {isPlainRemote(server) ? (
            <label className="check"><input type="checkbox" data-testid="sync-allow-http" checked={allowPlainHttp} onChange={(e) => setAllowPlainHttp(e.target.checked)} />
              This address is not encrypted (http://): anyone on the network could read my password. I trust this network.</label>
          ) : null}
          {failure ? <p className="failure" role="alert">{failure}</p> : null}
          <div className="actions">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="submit" className="primary" disabled={busy} data-testid="sync-sign-in">{busy ? 'Signing in…' : 'Sign in'}</button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
