// Process: renderer (main thread and Web Worker). The messages between the Import dialog and its worker, which
// reads and plans the file off the UI thread: a 50,000-row file must not freeze the window. The table and the
// plan stay in the worker; only what the user looks at crosses, and the batch once they confirm.
import type { FieldTarget, ImportOptions } from '../../shared/import/import-mapping.ts';
import type { ExistingContact, ImportBatch, ImportSummary, PlanReview, Resolution } from '../../shared/import/import-plan.ts';
import type { ImportFormat, ImportTable, TableRow } from '../../shared/import/import-table.ts';

export type ToImportWorker =
  | { type: 'read'; bytes: ArrayBuffer; format: ImportFormat | 'auto' }
  | { type: 'plan'; mapping: FieldTarget[]; options: ImportOptions; existing: ExistingContact[] }
  /** The user's answers for the duplicates (by entry index; the rest take `forAll`): the batch to send to the host. */
  | { type: 'finish'; choices: [number, Resolution][]; forAll: Resolution };

/** What the dialog needs of a read file: its shape and first rows; the rows stay in the worker. */
export type ReadSummary = {
  format: ImportTable['format'];
  variant?: string;
  encoding: string;
  columns: string[];
  mapping: FieldTarget[];
  rows: number;
  sample: TableRow[];
};

export type FromImportWorker =
  | { type: 'read'; summary: ReadSummary }
  | { type: 'progress'; done: number; total: number }
  | { type: 'planned'; review: PlanReview }
  | { type: 'finished'; batch: ImportBatch; summary: ImportSummary }
  | { type: 'failed'; message: string };
