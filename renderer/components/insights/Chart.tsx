// Process: renderer. One chart: uPlot (46 KB, canvas, fast with thousands of bars) inside a figure whose table
// alternative holds the same numbers for screen readers and for anyone who wants them exactly, plus CSV and PNG.
import { useEffect, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useSaveInsight } from './save-context.ts';

export type ChartSeries = { label: string; values: (number | null)[]; kind: 'bars' | 'line'; colour: string; scale?: string };

type Props = {
  /** Used for the file names and as the figure's caption. */
  title: string;
  xLabels: string[];
  /** What the x axis counts ("Customer rank"): the legend's first entry. */
  xTitle: string;
  series: ChartSeries[];
  /** Scale names to their axis labels and formats; the first is on the left, a second on the right. */
  axes: { scale: string; label: string; format(v: number): string }[];
  table: { header: string[]; rows: (string | number | null)[][] };
  height?: number;
  testId?: string;
};

export function Chart({ title, xTitle, xLabels, series, axes, table, height = 200, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [showTable, setShowTable] = useState(false);
  const { save, saveCsv } = useSaveInsight();
  const fileName = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const bars = uPlot.paths.bars!({ size: [0.7, 40] });
    const options: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      // Half a step of room at each end, so the first and last bars are drawn whole.
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        { values: (_u, splits) => splits.map((i) => xLabels[Math.round(i)] ?? '') , gap: 4, size: 30 },
        ...axes.map((a, i) => ({ scale: a.scale, label: a.label, side: i === 0 ? 3 : 1, values: (_u: uPlot, splits: number[]) => splits.map(a.format), grid: { show: i === 0 }, size: 60 })),
      ],
      series: [
        { label: xTitle, value: (_u, v) => (v === null ? '' : (xLabels[v] ?? '')) },
        ...series.map((s) => ({
          label: s.label,
          scale: s.scale ?? axes[0]!.scale,
          stroke: s.colour,
          fill: s.kind === 'bars' ? `${s.colour}cc` : undefined,
          width: s.kind === 'line' ? 2 : 0,
          paths: s.kind === 'bars' ? bars : undefined,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v === null ? '–' : (axes.find((a) => a.scale === (s.scale ?? axes[0]!.scale)) ?? axes[0]!).format(v)),
        })),
      ],
    };
    const data = [xLabels.map((_, i) => i), ...series.map((s) => s.values)] as uPlot.AlignedData;
    const u = new uPlot(options, data, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(240, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [xTitle, xLabels, series, axes, height]);

  const png = () => {
    const canvas = plot.current?.ctx.canvas;
    if (!canvas) return;
    // The plot's canvas has no background of its own: paint white under it so the PNG reads in any viewer.
    const out = document.createElement('canvas');
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext('2d')!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    out.toBlob((blob) => blob && save({ name: `${fileName}.png`, mime: 'image/png', data: blob }), 'image/png');
  };

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <span>{title}</span>
        <span className="chart-actions">
          <button type="button" onClick={() => setShowTable((v) => !v)} aria-pressed={showTable}>Table</button>
          <button type="button" onClick={() => saveCsv(`${fileName}.csv`, table.header, table.rows)}>CSV</button>
          <button type="button" onClick={png}>PNG</button>
        </span>
      </figcaption>
      <div ref={box} className="chart-canvas" aria-hidden="true" />
      <table className={showTable ? 'chart-table' : 'chart-table visually-hidden'}>
        <caption className="visually-hidden">{title}</caption>
        <thead><tr>{table.header.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
        <tbody>{table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c ?? '–'}</td>)}</tr>)}</tbody>
      </table>
    </figure>
  );
}
