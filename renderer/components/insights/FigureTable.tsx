// Process: renderer. A ranking or summary shown as a table, with the same CSV and PNG exports as the charts.
import type { ReactNode } from 'react';
import { useSaveInsight } from './save-context.ts';
import { saveTablePng } from './table-image.ts';

type Props = {
  title: string;
  header: string[];
  /** What the exports hold: plain text and numbers. */
  rows: (string | number | null)[][];
  /** What the window shows, row by row (links, buttons); the export rows when absent. */
  cells?: ReactNode[][];
  testId?: string;
  empty: string;
};

export function FigureTable({ title, header, rows, cells, testId, empty }: Props) {
  const { save, saveCsv } = useSaveInsight();
  const file = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (rows.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <figure className="figure-table" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        <span className="chart-actions">
          <button type="button" onClick={() => saveCsv(`${file}.csv`, header, rows)}>CSV</button>
          <button type="button" onClick={() => saveTablePng(save, `${file}.png`, title, header, rows)}>PNG</button>
        </span>
      </figcaption>
      <table>
        <thead><tr>{header.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{(cells ?? rows).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c ?? '–'}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
