// Process: renderer. A figure that is a table (the matrix, the rankings) as a PNG: drawn cell by cell on a
// canvas, so it needs no screenshot permission and reads the same in any viewer.
import type { SaveInsight } from './save-context.ts';

export function saveTablePng(save: SaveInsight, name: string, title: string, header: string[], rows: (string | number | null)[][]): void {
  const font = '13px system-ui, sans-serif';
  const pad = 8;
  const rowHeight = 24;
  const probe = document.createElement('canvas').getContext('2d')!;
  probe.font = font;
  const text = (v: string | number | null) => (v === null ? '–' : String(v));
  const widths = header.map((h, i) => Math.min(320, Math.max(probe.measureText(h).width, ...rows.map((r) => probe.measureText(text(r[i] ?? null)).width)) + pad * 2));
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = (widths.reduce((s, w) => s + w, 0) + pad * 2) * scale;
  canvas.height = (rowHeight * (rows.length + 2) + pad * 2) * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#2b2a27';
  ctx.font = `600 ${font}`;
  ctx.fillText(title, pad, pad + 16);
  const drawRow = (cells: (string | number | null)[], y: number, bold: boolean) => {
    ctx.font = bold ? `600 ${font}` : font;
    let x = pad;
    cells.forEach((cell, i) => {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y - 16, widths[i]!, rowHeight);
      ctx.clip();
      ctx.fillText(text(cell), x + pad, y);
      ctx.restore();
      x += widths[i]!;
    });
    ctx.strokeStyle = '#ddd7ca';
    ctx.beginPath();
    ctx.moveTo(pad, y + 7);
    ctx.lineTo(x, y + 7);
    ctx.stroke();
  };
  drawRow(header, pad + rowHeight + 16, true);
  rows.forEach((r, i) => drawRow(r, pad + rowHeight * (i + 2) + 16, false));
  canvas.toBlob((blob) => blob && save({ name, mime: 'image/png', data: blob }), 'image/png');
}
