// Process: any (pure). The one Content-Security-Policy every Sphere page gets, from either host.
// The hosts differ only in what the page may connect to: Electron's page talks over IPC and needs no socket,
// the browser host's page needs its own loopback WebSocket.

/** `socketOrigin` is the one WebSocket origin the page may open (e.g. ws://127.0.0.1:5173), or null for none. */
export function contentSecurityPolicy(socketOrigin: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    socketOrigin ? `connect-src 'self' ${socketOrigin}` : "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
