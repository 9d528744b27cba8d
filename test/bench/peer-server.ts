// Process: benchmark child (Node). The peer of the first-pull figure: RxDB's own replication-websocket server on
// its memory storage, holding the bench's team (`node peer-server.ts CONTACTS`), in a process of its own as our
// team server is. Says "peer listening on ws://…" once it serves, and stops on SIGTERM.
import { startWebsocketServer } from 'rxdb/plugins/replication-websocket';
import { SYNCED_COLLECTIONS } from '../../shared/sync/protocol.ts';
import { benchSphere, peerDatabase } from './sync-bench.ts';

const contacts = Number(process.argv[2]);
if (!Number.isInteger(contacts) || contacts <= 0) {
  console.error('usage: node peer-server.ts CONTACTS');
  process.exit(2);
}
const sphere = benchSphere(contacts);
const master = await peerDatabase('peer-server');
for (const c of SYNCED_COLLECTIONS) await master[c].bulkInsert(sphere[c] as unknown[]);
const wss = startWebsocketServer({ database: master, host: '127.0.0.1', port: 0 });
await new Promise<void>((resolve) => (wss.server.address() ? resolve() : wss.server.once('listening', () => resolve())));
process.on('SIGTERM', () => process.exit(0));
console.log(`peer listening on ws://127.0.0.1:${(wss.server.address() as { port: number }).port}`);
