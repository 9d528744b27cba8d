// Process: Electron main. The session's rules, written against the few Session methods they use so that unit tests
// can apply them to a recording stand-in under plain Node (Electron is imported for types only).
import type { Session } from 'electron';
import { isRequestAllowed } from './navigation-policy.ts';

export type LockableSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>;
};

/**
 * No remote content and no permissions: the app needs neither camera nor notifications nor the web. Requests are
 * refused, and so are checks: Chromium asks the check handler (not the request handler) for things such as
 * clipboard reads or media device lists, and without one it answers yes.
 */
export function lockDownSession(session: LockableSession, options: { devTools: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isRequestAllowed(details.url, options) }));
}
