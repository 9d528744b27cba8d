// Process: team server (Node). `npm run server -- --port P --data-dir D` serves; `npm run server -- admin …` administers.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { AccountError } from './accounts.ts';
import { ADMIN_USAGE, runAdmin } from './admin.ts';
import { createTeamServer } from './app.ts';
import { openDatabase } from './open-database.ts';

const argv = process.argv.slice(2);
const databaseUrl = process.env.DATABASE_URL || undefined;

/** The whole of standard input, without the line break a shell `echo` or a heredoc adds. */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

if (argv.includes('admin')) {
  const at = argv.indexOf('admin');
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  const dirAt = rest.indexOf('--data-dir');
  const dataDir = dirAt >= 0 ? rest[dirAt + 1] : undefined;
  if (dirAt >= 0) rest.splice(dirAt, 2);
  try {
    const db = await openDatabase({ databaseUrl, dataDir });
    try {
      console.log(JSON.stringify(await runAdmin(db, rest, readStdin)));
    } finally {
      await db.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.log(JSON.stringify({ error: message }));
    process.exit(error instanceof AccountError || error instanceof TypeError ? 2 : 1);
  }
} else {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      'trust-proxy': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(`npm run server -- --port P (--data-dir D | DATABASE_URL=…) [--host H] [--tls-cert F --tls-key F] [--trust-proxy ADDRS]\n${ADMIN_USAGE}`);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a number from 0 to 65535, not ${values.port}`);
    process.exit(2);
  }
  if (!values['tls-cert'] !== !values['tls-key']) {
    console.error('HTTPS needs both --tls-cert and --tls-key');
    process.exit(2);
  }
  const https = values['tls-cert'] && values['tls-key'] ? { cert: fs.readFileSync(values['tls-cert']), key: fs.readFileSync(values['tls-key']) } : undefined;
  let server;
  try {
    const db = await openDatabase({ databaseUrl, dataDir: values['data-dir'] });
    server = await createTeamServer({ db, https, logLevel: values['log-level'], trustProxy: values['trust-proxy'] });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  const running = server;
  let stopping = false;
  // Installed before the "listening" line: whoever reads that line may send SIGTERM at once.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`${signal}: finishing requests in flight, then stopping`);
      void running.close().then(() => process.exit(0), (error: unknown) => {
        console.error(error);
        process.exit(1);
      });
    });
  }
  const address = await server.listen(port, values.host);
  // The address as Fastify bound it, with the real port when --port 0 asked for any free one.
  const { port: bound } = new URL(address);
  const shown = values.host.includes(':') ? `[${values.host}]` : values.host;
  console.log(`Sphere team server listening on ${https ? 'https' : 'http'}://${shown}:${bound}/`);
}
