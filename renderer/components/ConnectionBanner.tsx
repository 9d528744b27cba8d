// Process: renderer. Says plainly that the window lost its store and is reconnecting; gone once the store is back.
import { useEffect, useState } from 'react';
import type { ConnectionState, ConnectionWatch } from '../platform/connection.ts';

export function ConnectionBanner({ connection }: { connection: ConnectionWatch }) {
  const [state, setState] = useState<ConnectionState>(connection.state);
  useEffect(() => connection.subscribe(setState), [connection]);
  // The countdown to the next try moves while the banner is up.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (state.up) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [state.up]);
  if (state.up) return null;
  const seconds = Math.max(0, Math.ceil((state.retryAt - now) / 1000));
  return (
    <div className="banner connection-lost" role="alert" data-testid="connection-lost">
      <p>
        <strong>Lost the connection to your sphere&apos;s store — reconnecting…</strong>{' '}
        {seconds > 0 ? `Attempt ${state.attempt} in ${seconds} s.` : `Attempt ${state.attempt} now.`}{' '}
        Changes cannot be saved until it is back; what you type in an open form stays here.
      </p>
    </div>
  );
}
