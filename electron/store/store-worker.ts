// Process: main or browser host (Node), and the worker threads it starts. A worker thread that reads the store file
// with its own connection and answers one job at a time (the opening picture, the insights): the host's side
// sends jobs and awaits their answers; the worker's side serves them. Shared, so both kinds fail and stop alike.
import { parentPort, Worker } from 'node:worker_threads';

type Job<T> = { id: number; job: T };
type Answer<T> = { id: number; value: T } | { id: number; error: string };

export type StoreWorker<J, A> = {
  /** The worker's answer to `job`; rejects if the worker fails or stops meanwhile. */
  ask(job: J): Promise<A>;
  close(): void;
};

/** One long-lived worker per store, started on first ask; it never keeps the process alive by itself. `name` is said in its errors. */
export function storeWorker<J, A>(script: URL | string, file: string, name: string): StoreWorker<J, A> {
  let worker: Worker | null = null;
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: A): void; reject(err: Error): void }>();
  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
    worker = null;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(script, { workerData: { file } });
    w.unref();
    w.on('message', (answer: Answer<A>) => {
      const entry = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('error' in answer) entry?.reject(new Error(answer.error));
      else entry?.resolve(answer.value);
    });
    w.on('error', failAll);
    w.on('exit', (code) => failAll(new Error(`the ${name} worker stopped (exit code ${code})`)));
    return (worker = w);
  };
  return {
    ask(job) {
      const w = started();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ id, job } satisfies Job<J>);
      });
    },
    close() {
      const w = worker;
      worker = null;
      void w?.terminate();
    },
  };
}

/** In the worker thread: answers each job with `work`'s value, or with the message of what it threw. */
export function serveStoreJobs<J, A>(work: (job: J) => A): void {
  parentPort!.on('message', ({ id, job }: Job<J>) => {
    let answer: Answer<A>;
    try {
      answer = { id, value: work(job) };
    } catch (err) {
      answer = { id, error: err instanceof Error ? err.message : String(err) };
    }
    parentPort!.postMessage(answer);
  });
}
