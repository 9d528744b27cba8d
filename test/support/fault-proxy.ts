// Process: test (Node). A real HTTP proxy on loopback between a device and the team server, that misbehaves on
// demand the way networks and servers do: it forwards a request and drops the answer, holds an answer, cuts the
// live streams, answers in the server's place (401, 426), or refuses every connection (a partition).
import http from 'node:http';
import type net from 'node:net';

export type Seen = { method: string; path: string; status: number | 'dropped' | 'refused' | 'cut' };

/** What the proxy does with a request it matches; each fault applies `times` times (Infinity by default). */
export type Fault =
  | { kind: 'dropResponse' }
  | { kind: 'answer'; status: number; body: unknown }
  | { kind: 'hold'; release: Promise<void> }
  /** Sends the request to another path (another schema version, say): the real server answers it. */
  | { kind: 'rewrite'; from: RegExp; to: string }
  /** Forwards the request whole, then calls `sent` (to kill the server while it works on it). */
  | { kind: 'tap'; sent: () => void };

type Rule = { match: (method: string, path: string) => boolean; fault: Fault; times: number; hits: number };

export class FaultProxy {
  readonly seen: Seen[] = [];
  /** Every request as it arrives ("GET /api/…"), before the proxy does anything with it. */
  readonly arrived: string[] = [];
  /** The same with their query strings (a pull's checkpoint). */
  readonly urls: string[] = [];
  private readonly target: URL;
  private readonly server: http.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly streams = new Set<http.ServerResponse>();
  private readonly frozen = new Set<http.ServerResponse>();
  private rules: Rule[] = [];
  private partitioned = false;
  private listeners: ((seen: Seen) => void)[] = [];

  private constructor(target: string) {
    this.target = new URL(target);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      // A partition refuses the connection outright, as an unplugged cable does.
      if (this.partitioned) return socket.destroy();
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(target: string): Promise<FaultProxy & { base: string }> {
    const proxy = new FaultProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.server.address() as net.AddressInfo;
    return Object.assign(proxy, { base: `http://127.0.0.1:${port}` });
  }

  /** Where requests go from now on (a restarted server may listen on another port). */
  retarget(target: string): void {
    const next = new URL(target);
    this.target.host = next.host;
  }

  /** Applies `fault` to the next `times` requests that match. Returns a function that removes the rule. */
  fault(match: RegExp | ((method: string, path: string) => boolean), fault: Fault, times = Infinity): () => void {
    const rule: Rule = { match: typeof match === 'function' ? match : (m, p) => match.test(`${m} ${p}`), fault, times, hits: 0 };
    this.rules.push(rule);
    return () => (this.rules = this.rules.filter((r) => r !== rule));
  }

  /** Resolves with the next request that matches, once the proxy has dealt with it. */
  next(match: RegExp): Promise<Seen> {
    return new Promise((resolve) => {
      const listener = (seen: Seen) => {
        if (!match.test(`${seen.method} ${seen.path}`)) return;
        this.listeners = this.listeners.filter((l) => l !== listener);
        resolve(seen);
      };
      this.listeners.push(listener);
    });
  }

  /** Cuts every connection now (open live streams included); with `on`, refuses new ones until called with false. */
  partition(on: boolean): void {
    this.partitioned = on;
    if (on) this.cutAll();
  }

  /** Ends every open live stream mid-flight, as a dropped connection does; other requests go on. */
  cutStreams(): number {
    const count = this.streams.size;
    for (const res of this.streams) res.socket?.destroy();
    return count;
  }

  /**
   * Open live streams go silent without closing, as a connection does when a NAT or a sleeping laptop forgets it:
   * nothing more reaches the device, and no end either.
   */
  /** Live streams open now. */
  openStreams(): number {
    return this.streams.size;
  }

  freezeStreams(): number {
    for (const res of this.streams) this.frozen.add(res);
    return this.streams.size;
  }

  cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(seen: Seen): void {
    this.seen.push(seen);
    for (const listener of [...this.listeners]) listener(seen);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    this.arrived.push(`${method} ${path}`);
    this.urls.push(`${method} ${req.url ?? '/'}`);
    const rule = this.rules.find((r) => r.hits < r.times && r.match(method, path));
    if (rule) rule.hits += 1;
    const fault = rule?.fault;
    if (fault?.kind === 'answer') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': 'application/json' }).end(JSON.stringify(fault.body));
      return this.record({ method, path, status: fault.status });
    }
    const url = fault?.kind === 'rewrite' ? (req.url ?? '/').replace(fault.from, fault.to) : req.url;
    const upstream = http.request(
      { host: this.target.hostname, port: this.target.port, method, path: url, headers: { ...req.headers, host: this.target.host }, agent: false },
      (answer) => {
        if (fault?.kind === 'dropResponse') {
          // The server has done the work; its answer never reaches the device.
          answer.resume();
          answer.on('end', () => {
            res.socket?.destroy();
            this.record({ method, path, status: 'dropped' });
          });
          return;
        }
        const pass = () => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          if (/\/stream$/.test(path) && answer.statusCode === 200) {
            this.streams.add(res);
            res.on('close', () => this.streams.delete(res));
          }
          // Piped by hand so that a frozen stream can swallow what comes.
          answer.on('data', (chunk: Buffer) => void (this.frozen.has(res) || res.write(chunk)));
          answer.on('end', () => void (this.frozen.has(res) || res.end()));
          // The server died mid-answer: the device's connection breaks too, as it would without a proxy between.
          answer.on('aborted', () => res.socket?.destroy());
          answer.on('error', () => res.socket?.destroy());
          answer.on('end', () => this.record({ method, path, status: answer.statusCode ?? 502 }));
          res.on('close', () => {
            if (!answer.complete) this.record({ method, path, status: 'cut' });
            answer.destroy();
          });
        };
        if (fault?.kind === 'hold') void fault.release.then(pass);
        else pass();
      },
    );
    upstream.on('error', () => {
      res.socket?.destroy();
      this.record({ method, path, status: 'refused' });
    });
    req.pipe(upstream);
    if (fault?.kind === 'tap') req.on('end', () => setImmediate(fault.sent));
  }
}
