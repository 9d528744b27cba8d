// Process: renderer. How an insight's CSV or PNG reaches the user: the panel provides the one way files are saved
// (renderer/platform/save-file.ts: a save dialog in Electron, a download in the browser host), so each chart and
// table needs no host client of its own.
import { createContext, useContext } from 'react';
import { csvText } from '../../../shared/export/csv-text.ts';
import type { FileToSave } from '../../platform/save-file.ts';

export type SaveInsight = (file: FileToSave) => void;

export const SaveInsightContext = createContext<SaveInsight>(() => {
  throw new Error('an insight was saved outside the Insights panel');
});

export function useSaveInsight(): { save: SaveInsight; saveCsv(name: string, header: string[], rows: (string | number | null)[][]): void } {
  const save = useContext(SaveInsightContext);
  return { save, saveCsv: (name, header, rows) => save({ name, mime: 'text/csv', data: csvText(header, rows) }) };
}
