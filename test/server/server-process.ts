// Process: test (Node). The team server and its admin CLI as real processes, as a person or a script runs them.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Place } from './support.ts';

const root = path.resolve(import.meta.dirname, '../..');
const main = path.join(root, 'server', 'main.ts');

export type Finished = { code: number | null; stdout: string; stderr: string };

function finish(child: ReturnType<typeof spawn>, stdin?: string): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin!.end(stdin ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `node server/main.ts admin …` on the place, with stdin given (for --password-stdin). */
export function admin(place: Place, args: string[], stdin?: string): Promise<Finished> {
  const child = spawn(process.execPath, [main, 'admin', ...args, ...place.args], { env: { ...process.env, ...place.env }, stdio: 'pipe' });
  return finish(child, stdin);
}

/** The same through npm, exactly as the README says (`--silent` keeps npm's banner off stdout). */
export function npmAdmin(place: Place, args: string[]): Promise<Finished> {
  const child = spawn('npm', ['run', '--silent', 'server', '--', 'admin', ...args, ...place.args], { cwd: root, env: { ...process.env, ...place.env }, stdio: 'pipe' });
  return finish(child);
}

export type ServerProcess = {
  base: string;
  stop(): Promise<Finished>;
  /** Sends the signal (SIGKILL: the process dies at once, mid-request) and waits for the exit. */
  kill(signal: NodeJS.Signals): Promise<Finished>;
  output(): string;
};

/** Starts `node server/main.ts --port 0 …` and waits for its "listening on" line. */
export function startServerProcess(place: Place, extra: string[] = []): Promise<ServerProcess> {
  const child = spawn(process.execPath, [main, '--port', '0', '--log-level', 'warn', ...place.args, ...extra], { env: { ...process.env, ...place.env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const match = /Sphere team server listening on (https?:\/\/[^/\s]+)\//.exec(stdout);
      if (match) {
        resolve({
          base: match[1]!,
          output: () => stdout,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
          kill: (signal) => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((f) => reject(new Error(`the server exited (${f.code}) before listening: ${f.stderr}`)));
  });
}
