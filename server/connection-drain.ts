// Process: team server (Node). Closes keep-alive connections as they fall idle once the server is shutting down.
// Node's server.close() ends only the connections idle at the moment it is called (and not always those: clients
// that kept a pool of sockets held shutdown for the whole keep-alive timeout); requests in flight must finish.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

export function drainConnections(app: FastifyInstance): { drain(): void } {
  const sockets = new Set<Socket>();
  const inFlight = new Map<Socket, number>();
  let draining = false;

  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      inFlight.delete(socket);
    });
  });
  app.addHook('onRequest', async (request) => {
    inFlight.set(request.raw.socket, (inFlight.get(request.raw.socket) ?? 0) + 1);
  });
  // After the answer was handed to the socket: ending it now loses nothing.
  app.addHook('onResponse', async (request) => {
    const socket = request.raw.socket;
    const left = (inFlight.get(socket) ?? 1) - 1;
    if (left > 0) inFlight.set(socket, left);
    else {
      inFlight.delete(socket);
      if (draining) socket.end();
    }
  });

  return {
    drain() {
      draining = true;
      for (const socket of sockets) if (!inFlight.get(socket)) socket.end();
    },
  };
}
