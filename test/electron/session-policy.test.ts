// Process: test (Node). The session's rules, applied to a recording stand-in for Electron's Session (the binary
// cannot run here): every permission is refused, whether requested or only checked, and nothing is fetched.
import { describe, expect, it } from 'vitest';
import type { Session } from 'electron';
import { lockDownSession, type LockableSession } from '../../electron/session-policy.ts';

type Handlers = {
  request?: Parameters<Session['setPermissionRequestHandler']>[0];
  check?: Parameters<Session['setPermissionCheckHandler']>[0];
  device?: Parameters<Session['setDevicePermissionHandler']>[0];
  filter?: (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;
};

function recordingSession(): { session: LockableSession; handlers: Handlers } {
  const handlers: Handlers = {};
  const session = {
    setPermissionRequestHandler: (h: Handlers['request']) => void (handlers.request = h),
    setPermissionCheckHandler: (h: Handlers['check']) => void (handlers.check = h),
    setDevicePermissionHandler: (h: Handlers['device']) => void (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Handlers['filter']) => void (handlers.filter = h) },
  } as unknown as LockableSession;
  return { session, handlers };
}

describe('the locked-down session', () => {
  it('refuses permission requests and permission checks alike', () => {
    const { session, handlers } = recordingSession();
    lockDownSession(session, { devTools: false });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal'] as const) {
      let granted: boolean | undefined;
      handlers.request!(null as never, permission, (answer) => (granted = answer), {} as never);
      expect(granted, permission).toBe(false);
    }
    expect(handlers.check, 'a permission check handler is installed').toBeDefined();
    for (const permission of ['media', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb'] as const) {
      expect(handlers.check!(null, permission, 'app://sphere', {} as never), permission).toBe(false);
    }
    expect(handlers.device!({} as never)).toBe(false);
  });

  it('cancels every request that is not the app, including look-alike origins', () => {
    const { session, handlers } = recordingSession();
    lockDownSession(session, { devTools: false });
    const cancelled = (url: string) => {
      let answer: boolean | undefined;
      handlers.filter!({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    expect(cancelled('app://sphere/index.html')).toBe(false);
    expect(cancelled('app://sphere.evil/index.html')).toBe(true);
    expect(cancelled('https://example.com/')).toBe(true);
    expect(cancelled('devtools://devtools/bundled/devtools_app.html')).toBe(true);
  });
});
