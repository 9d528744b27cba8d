// Process: browser host (Node). Serves the built renderer: only files under its folder, with a strict CSP.
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../shared/content-security-policy.ts';
import { readRequestTarget } from './request-target.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function serveRenderer(root: string, port: number) {
  const rootDir = path.resolve(root);
  const indexFile = path.join(rootDir, 'index.html');
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const target = readRequestTarget(req.url);
    if (!target) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request target');
      return;
    }
    const wanted = target.path === '/' ? indexFile : path.join(rootDir, target.path);
    const file = path.resolve(wanted);
    if (file !== rootDir && !file.startsWith(rootDir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    const headers: Record<string, string> = {
      // The socket on this port is the only thing the page may connect to.
      'Content-Security-Policy': contentSecurityPolicy(`ws://127.0.0.1:${port}`),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (file === indexFile) {
      if (!fs.existsSync(indexFile)) {
        res.writeHead(503, { 'Content-Type': 'text/plain' }).end('The renderer is not built yet: run `npm run build`.');
        return;
      }
      // The page carries no credential: whoever may ask for it (another local user too) learns nothing from it.
      const html = fs.readFileSync(indexFile, 'utf8');
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.html']! }).end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': stat.size });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  };
}
