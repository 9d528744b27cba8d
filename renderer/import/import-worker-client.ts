// Process: renderer. The Import dialog's handle on its worker: read a file, plan it with a mapping, or cancel,
// which terminates the worker at once (nothing has been sent to the host before the user confirms).
import type { FieldTarget, ImportOptions } from '../../shared/import/import-mapping.ts';
import type { ExistingContact, ImportBatch, ImportSummary, PlanReview, Resolution } from '../../shared/import/import-plan.ts';
import type { ImportFormat } from '../../shared/import/import-table.ts';
import type { FromImportWorker, ReadSummary, ToImportWorker } from './import-worker-protocol.ts';

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export class ImportWorker {
  private worker: Worker | null = null;
  private pending: { reject(err: Error): void } | null = null;

  read(bytes: ArrayBuffer, format: ImportFormat | 'auto'): Promise<ReadSummary> {
    // A new file gets a new worker: whatever the last one held is gone with it.
    this.cancel();
    return this.ask({ type: 'read', bytes, format }, [bytes], (m) => (m.type === 'read' ? m.summary : undefined));
  }

  plan(mapping: FieldTarget[], options: ImportOptions, existing: ExistingContact[], progress: (done: number, total: number) => void): Promise<PlanReview> {
    return this.ask({ type: 'plan', mapping, options, existing }, [], (m) => {
      if (m.type === 'progress') progress(m.done, m.total);
      return m.type === 'planned' ? m.review : undefined;
    });
  }

  finish(choices: ReadonlyMap<number, Resolution>, forAll: Resolution): Promise<{ batch: ImportBatch; summary: ImportSummary }> {
    return this.ask({ type: 'finish', choices: [...choices], forAll }, [], (m) => (m.type === 'finished' ? { batch: m.batch, summary: m.summary } : undefined));
  }

  /** Stops whatever the worker is doing; the promise of that work rejects with ImportCancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.pending?.reject(new ImportCancelled('The import was cancelled.'));
    this.pending = null;
  }

  private ask<T>(message: ToImportWorker, transfer: Transferable[], answer: (m: FromImportWorker) => T | undefined): Promise<T> {
    const worker = (this.worker ??= new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }));
    return new Promise<T>((resolve, reject) => {
      this.pending = { reject };
      worker.onmessage = (e: MessageEvent<FromImportWorker>) => {
        if (e.data.type === 'failed') {
          this.pending = null;
          return reject(new Error(e.data.message));
        }
        const result = answer(e.data);
        if (result !== undefined) {
          this.pending = null;
          resolve(result);
        }
      };
      worker.onerror = (e) => {
        this.pending = null;
        reject(new Error(e.message || 'The import could not run.'));
      };
      worker.postMessage(message, transfer);
    });
  }
}
