// Process: renderer. Hands the user a file made in the window (a chart's CSV or PNG): a download the browser
// (or Electron's download handling) saves where the user says. Nothing leaves the machine.
export function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The click has started the download; the object URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** RFC 4180 text: every cell quoted where it must be, so names with commas and line breaks survive. */
export function csvText(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    // A leading =, +, - or @ would run as a formula in a spreadsheet: prefix it so it reads as text.
    const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function saveCsv(name: string, header: string[], rows: (string | number | null)[][]): void {
  saveFile(name, new Blob([csvText(header, rows)], { type: 'text/csv;charset=utf-8' }));
}
