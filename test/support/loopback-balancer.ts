// Process: test (Node). A loopback TCP load balancer in front of several team server processes: each new
// connection goes to the server in use, and when that one refuses, to the next that accepts. It knows nothing
// of HTTP, so what the clients see when a server dies is what they would see behind a real TCP balancer: their
// open connections are cut, and their next ones reach a live server.
import net from 'node:net';

export type Balancer = {
  /** http://127.0.0.1:PORT, the address clients sign in to. */
  base: string;
  /** The port of the server new connections go to now. */
  current(): number;
  close(): Promise<void>;
};

export async function startBalancer(ports: number[]): Promise<Balancer> {
  let at = 0;
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };

  /** Connects to the server in use, moving on to the next when one refuses; undefined when none accepts. */
  async function connectUpstream(): Promise<net.Socket | undefined> {
    for (let tried = 0; tried < ports.length; tried++) {
      const port = ports[at]!;
      const upstream = await new Promise<net.Socket | undefined>((resolve) => {
        const socket = net.connect({ port, host: '127.0.0.1' });
        socket.once('connect', () => resolve(socket));
        socket.once('error', () => resolve(undefined));
      });
      if (upstream) return upstream;
      at = (at + 1) % ports.length;
    }
    return undefined;
  }

  const server = net.createServer((client) => {
    track(client);
    client.pause();
    client.on('error', () => client.destroy());
    void connectUpstream().then((upstream) => {
      if (!upstream || client.destroyed) {
        upstream?.destroy();
        client.destroy();
        return;
      }
      track(upstream);
      // A cut on either side cuts the other: a client must notice that its server died, not wait on a dead line.
      upstream.on('error', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    current: () => ports[at]!,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
