// Process: test (Node). Raw bytes to a browser host: HTTP requests and WebSocket frames that no well-behaved client
// library would send, for the tests that check one request can never end the host.
import crypto from 'node:crypto';
import net from 'node:net';

/**
 * Sends bytes, returns what came back until the host closed (or `idleMs` passed without a byte): '' if nothing.
 * `halfClose` ends our side after the bytes, so that a request left incomplete is not waited on (fuzzing).
 */
export function rawExchange(port: number, bytes: Buffer | string, { idleMs = 2000, halfClose = false } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const done = () => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.setTimeout(idleMs, done);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
    // Not end() by default: a client that half-closes gets no answer from Node's HTTP server.
    if (halfClose) socket.end(bytes);
    else socket.write(bytes);
  });
}

/** The status code of a raw HTTP answer, or 0 when the host closed without one. */
export function statusOf(answer: string): number {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return match ? Number(match[1]) : 0;
}

/** A request with this exact target, from the host's own origin. */
export function rawRequest(port: number, target: string, extra = ''): Promise<string> {
  return rawExchange(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${extra}\r\n`);
}

export function upgradeHeaders(port: number): string {
  return `Host: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\n`;
}

/** An open WebSocket as a plain TCP socket, after a real handshake with the session cookie (`name=value`). */
export function rawSocket(port: number, cookie: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.write(`GET /channel HTTP/1.1\r\n${upgradeHeaders(port)}Cookie: ${cookie}\r\n\r\n`);
    let head = '';
    const onData = (c: Buffer) => {
      head += c.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(head.split('\r\n')[0]));
    };
    socket.on('data', onData);
  });
}

/** A masked client frame; `claimedLength` lets a header announce more than it carries. */
export function clientFrame(opcode: number, payload: Buffer, claimedLength = payload.length, fin = true): Buffer {
  const mask = crypto.randomBytes(4);
  let header: Buffer;
  if (claimedLength < 126) header = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | claimedLength]);
  else if (claimedLength < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt8((fin ? 0x80 : 0) | opcode, 0);
    header.writeUInt8(0x80 | 126, 1);
    header.writeUInt16BE(claimedLength, 2);
  } else {
    header = Buffer.alloc(10);
    header.writeUInt8((fin ? 0x80 : 0) | opcode, 0);
    header.writeUInt8(0x80 | 127, 1);
    header.writeBigUInt64BE(BigInt(claimedLength), 2);
  }
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

/** Waits until the host closes this socket (it must, after a frame it cannot accept). */
export function closed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.on('error', () => {});
    socket.once('close', () => resolve());
    socket.resume();
  });
}
