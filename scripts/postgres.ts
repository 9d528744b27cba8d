// Process: dev tool (Node). A private PostgreSQL cluster on loopback for tests: started in a temp folder, deleted after.
// `node scripts/postgres.ts` starts one and prints its DATABASE_URL until Ctrl-C.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type PostgresCluster = {
  /** The superuser's URL: for creating databases, never for the server (row-level security does not bind superusers). */
  adminUrl: string;
  /** The server's URL: role `sphere`, not a superuser, owner of database `sphere`. */
  databaseUrl: string;
  /** A new empty database owned by `sphere`; its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
};

const isRoot = process.getuid?.() === 0;
/** runuser lives in sbin, which a non-login root shell (a CI job's environment) may not have on PATH. */
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => fs.existsSync(p)) ?? 'runuser';

function findBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** Debian's `postgresql`, installed when missing and we are root (as in CI); says what it did. */
function findOrInstall(log: (line: string) => void): string {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): install Debian\'s postgresql package, or run the tests as root so they install it');
  log('PostgreSQL is missing: installing Debian\'s postgresql with apt-get (without its default cluster)');
  // The package would otherwise create and start a cluster of its own on port 5432; the tests need none.
  fs.mkdirSync('/etc/postgresql-common', { recursive: true });
  if (!fs.existsSync('/etc/postgresql-common/createcluster.conf')) fs.writeFileSync('/etc/postgresql-common/createcluster.conf', 'create_main_cluster = false\n');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  const installed = findBinDir();
  if (!installed) throw new Error('apt-get installed postgresql, but no initdb under /usr/lib/postgresql/*/bin');
  log(`installed PostgreSQL from ${installed}`);
  return installed;
}

/**
 * Runs a PostgreSQL tool; as root through the postgres user, since initdb and postgres refuse to run as root. It
 * runs in the cluster's folder: the postgres user may not be allowed into the checkout (a root-only home in CI).
 */
function run(bin: string, args: string[], cwd: string) {
  const [cmd, argv] = isRoot ? [RUNUSER, ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const result = spawnSync(cmd, argv, { encoding: 'utf8', cwd });
  if (result.status !== 0) throw new Error(`${path.basename(bin)} failed (${result.error ? `${cmd} could not run: ${result.error.message}` : `exit ${result.status}`}): ${result.stderr || result.stdout || ''}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(log: (line: string) => void = () => undefined): Promise<PostgresCluster> {
  const bin = findOrInstall(log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-pg-'));
  const data = path.join(dir, 'data');
  const socket = path.join(dir, 'socket');
  fs.mkdirSync(socket);
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], dir);
      } catch (error) {
        log(`stopping PostgreSQL: ${(error as Error).message}`);
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale'], dir);
    const port = await freePort();
    // Loopback only, sockets in the temp folder; fsync off because this cluster is thrown away after the run.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off -c max_connections=200`;
    run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'], dir);
    started = true;
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query('CREATE ROLE sphere LOGIN NOSUPERUSER NOBYPASSRLS');
      await admin.query('CREATE DATABASE sphere OWNER sphere');
    } finally {
      await admin.end();
    }
    log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port} in ${dir}`);
    return {
      adminUrl,
      databaseUrl: `postgres://sphere@127.0.0.1:${port}/sphere`,
      async createDatabase(name) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE ${name} OWNER sphere`);
        } finally {
          await client.end();
        }
        return `postgres://sphere@127.0.0.1:${port}/${name}`;
      },
      stop,
    };
  } catch (error) {
    stop();
    throw error;
  }
}

if (import.meta.main) {
  const cluster = await startPostgres((line) => console.error(line));
  console.log(`DATABASE_URL=${cluster.databaseUrl}`);
  const stop = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Nothing else keeps Node running: the cluster is a daemon of its own, not a child of this process.
  setInterval(() => undefined, 1 << 30);
}
