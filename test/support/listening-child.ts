// Process: test or benchmark (Node). A server started as a process of its own, ready once it prints the line that
// says where it listens: the team server (`server/main.ts`) and the sync bench's peer (test/bench/peer-server.ts).
import { spawn } from 'node:child_process';

export type ListeningChild = {
  /** The listening line's match: its groups say where. */
  match: RegExpExecArray;
  /** Sends the signal (SIGTERM to stop, SIGKILL to die mid-request) and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
};

/** `node ...args`; resolves at the first stdout line `listening` matches, rejects if the process ends before. */
export function startListeningChild(args: string[], listening: RegExp, env: NodeJS.ProcessEnv = {}): Promise<ListeningChild> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = listening.exec(out);
      if (match) resolve({ match, exited, stop: (signal = 'SIGTERM') => (child.kill(signal), exited) });
    });
    void exited.then((code) => reject(new Error(`${args[0]} exited (${code}) before listening: ${err}`)));
  });
}
