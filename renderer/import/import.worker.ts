// Process: renderer Web Worker. Reads and plans an import off the UI thread. The table stays here between the
// steps, and so does the plan: only the first rows, the duplicates and errors, and at last the batch cross to the window. Cancelling terminates the worker.
import { finishImport, planImport, reviewOf, type ImportPlan } from '../../shared/import/import-plan.ts';
import type { ImportTable } from '../../shared/import/import-table.ts';
import { readImportFile } from '../../shared/import/read-import-file.ts';
import type { FromImportWorker, ToImportWorker } from './import-worker-protocol.ts';

/** Rows shown in the preview. */
const SAMPLE_ROWS = 5;

let table: ImportTable | undefined;
let plan: ImportPlan | undefined;
const post = (message: FromImportWorker) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'read') {
      const read = readImportFile(new Uint8Array(message.bytes), message.format);
      table = read.table;
      post({
        type: 'read',
        summary: {
          format: table.format, variant: table.variant, encoding: read.encoding, columns: table.columns, mapping: read.mapping,
          rows: table.rows.length, sample: table.rows.slice(0, SAMPLE_ROWS),
        },
      });
    } else if (message.type === 'finish') {
      if (!plan) throw new Error('Check the file for duplicates first.');
      const choices = new Map(message.choices);
      post({ type: 'finished', ...finishImport(plan, (_entry, i) => choices.get(i) ?? message.forAll) });
    } else {
      if (!table) throw new Error('Choose a file first.');
      let last = 0;
      plan = planImport(table, message.mapping, message.options, message.existing, (done, total) => {
        // A message per thousand rows is plenty for a progress bar and cheap for the window.
        if (done - last >= 1000 || done === total) {
          last = done;
          post({ type: 'progress', done, total });
        }
      });
      post({ type: 'planned', review: reviewOf(plan) });
    }
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
