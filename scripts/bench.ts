// Process: dev tool (Node). `npm run bench [-- --json FILE]`: every benchmark, printed as ratios to a peer measured in the same run.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { runStorageBench, type Figure } from '../test/bench/storage-bench.ts';
import { runGraphBench, runTeamSphereBench, type TeamSphereFigures } from '../test/bench/graph-bench.ts';
import { runSyncBench, type SyncFigures } from '../test/bench/sync-bench.ts';
import { runInsightsBench, type InsightsFigures } from '../test/bench/insights-bench.ts';
import { runImportBench, type ImportFigures } from '../test/bench/import-bench.ts';

const { values } = parseArgs({ options: { json: { type: 'string' }, only: { type: 'string' }, contacts: { type: 'string' } } });

/** Sub-millisecond figures keep three digits, so a reader can see what a ratio was taken of. */
function ms(value: number): string {
  return value >= 10 ? value.toFixed(1) : value.toPrecision(3);
}

function print(title: string, figures: Figure[]): void {
  console.log(`\n${title}`);
  console.log(`${'measure'.padEnd(30)} ${'ours ms'.padStart(10)} ${'peer ms'.padStart(10)}  ${'ratio'.padStart(8)}  peer (reference)`);
  for (const f of figures) {
    const reference = f.reference ? `  (RxDB premium SQLite: ~${f.reference}x)` : '';
    console.log(`${f.name.padEnd(30)} ${ms(f.ours).padStart(10)} ${ms(f.peer).padStart(10)}  ${(f.ratio.toFixed(2) + 'x').padStart(8)}  ${f.peerName}${reference}`);
  }
}

function printSync({ sizes, pullRuns, servers }: SyncFigures): void {
  console.log(`\nTeam sync over loopback: ${sizes.contacts} contacts, ${sizes.ties} ties, ${sizes.touches} touches, ${sizes.deals} deals (${sizes.total} documents)`);
  console.log(`${'measure'.padEnd(34)} ${servers.map((s) => s.database.padStart(10)).join(' ')}  target`);
  const row = (name: string, value: (s: SyncFigures['servers'][number]) => string, target: string) =>
    console.log(`${name.padEnd(34)} ${servers.map((s) => value(s).padStart(10)).join(' ')}  ${target}`);
  row(`first pull, documents/s (median ${pullRuns})`, (s) => s.pull.docsPerSecond.toFixed(0), '>= 5000');
  row('  peer alongside, documents/s', (s) => s.pull.peerDocsPerSecond.toFixed(0), 'RxDB replication-websocket server, memory storage; client stores in SQLite');
  row('  ratio to peer (higher is better)', (s) => `${s.pull.ratioToPeer.toFixed(2)}x`, '>= 1x');
  row('  peer into memory, documents/s', (s) => s.pull.memoryPeerDocsPerSecond.toFixed(0), 'the same, client on memory storage (stores nothing)');
  row('  ratio to it', (s) => `${s.pull.ratioToMemoryPeer.toFixed(2)}x`, '');
  row('  wall time, s', (s) => s.pull.seconds.toFixed(2), '');
  row(`${servers[0]?.offline.edits ?? 0} offline edits: on server, s`, (s) => s.offline.secondsToServer.toFixed(2), '');
  row('  edits/s after reconnect', (s) => s.offline.editsPerSecond.toFixed(0), '');
  row('  client up to date, s', (s) => s.offline.secondsToUpToDate.toFixed(2), '');
  row('edit to other device, median ms', (s) => s.latency.medianMs.toFixed(0), '');
  row(`  p95 ms (${servers[0]?.latency.edits ?? 0} edits)`, (s) => s.latency.p95Ms.toFixed(0), '< 1000');
  row('seed through push, s', (s) => s.seedSeconds.toFixed(2), '');
}

function printInsights({ sizes, parts, coldMs, coldCpuMs, totalMs, afreshMs, afterTieMs, peerMs, timeline, host }: InsightsFigures): void {
  console.log(`\nInsights: ${sizes.contacts} contacts, ${sizes.ties} ties, ${sizes.touches} touches, ${sizes.deals} deals`);
  console.log(`${'measure'.padEnd(34)} ${'ms'.padStart(10)}  target`);
  for (const p of parts) console.log(`  ${p.name.padEnd(32)} ${ms(p.ms).padStart(10)}`);
  console.log(`${'every insight, nothing reused'.padEnd(34)} ${ms(afreshMs).padStart(10)}  < 200 ms (median of 5, centrality too)`);
  console.log(`${'  after a tie is removed, median'.padEnd(34)} ${ms(afterTieMs).padStart(10)}  < 200 ms (the kept graph one edge less)`);
  console.log(`${'  first time in a fresh process'.padEnd(34)} ${ms(coldMs).padStart(10)}  < 200 ms (code not yet compiled)`);
  console.log(`${'  the same, this thread\'s CPU time'.padEnd(34)} ${ms(coldCpuMs).padStart(10)}  less inflated by a busy machine`);
  console.log(`${'  after an edit (same ties), median'.padEnd(34)} ${ms(totalMs).padStart(10)}  < 200 ms`);
  console.log(`${'  peer: exact PageRank+betweenness'.padEnd(34)} ${ms(peerMs).padStart(10)}  graphology-metrics alone, same ties`);
  console.log(`${'  ratio to peer (lower is better)'.padEnd(34)} ${(coldMs / peerMs).toFixed(3).padStart(9)}x`);
  console.log('through a host (store file, worker thread):');
  console.log(`${'  host thread stall, idle'.padEnd(34)} ${ms(host.stallIdleMs).padStart(10)}  a 1 ms timer's lateness with nothing to do`);
  console.log(`${'  host thread stall, first: here'.padEnd(34)} ${ms(host.stallHereMs).padStart(10)}  on the host's thread (code warm, ties seen)`);
  console.log(`${'  host thread stall, first: worker'.padEnd(34)} ${ms(host.stallWorkerMs).padStart(10)}  < 16 ms (a frame)`);
  console.log(`${'    host thread CPU meanwhile'.padEnd(34)} ${ms(host.hostCpuWorkerMs).padStart(10)}  its share: the worker's start, the answer's copy, 1 ms timers`);
  console.log(`${'  first answer, cold worker'.padEnd(34)} ${ms(host.firstAskWorkerMs).padStart(10)}  worker start, whole file read, computed`);
  console.log(`${'  ready after warm() resolved'.padEnd(34)} ${ms(host.readyAfterWarmMs).padStart(10)}  worked out ahead in the worker`);
  console.log(`${'  panel opened after host warmed'.padEnd(34)} ${ms(host.panelAfterWarmMs).padStart(10)}  < 200 ms`);
  console.log(`${'  panel after an edit, warm worker'.padEnd(34)} ${ms(host.afterEditMs).padStart(10)}  < 200 ms`);
  console.log(`${'  panel after a new tie, warm worker'.padEnd(34)} ${ms(host.afterTieMs).padStart(10)}  < 200 ms (centrality again)`);
  console.log(`${'timeline: build'.padEnd(34)} ${ms(timeline.buildMs).padStart(10)}`);
  console.log(`${'  one frame, median / p95'.padEnd(34)} ${`${ms(timeline.frameMedianMs)} / ${ms(timeline.frameP95Ms)}`.padStart(10)}  >= 30 fps (${timeline.fps.toFixed(0)} fps from p95)`);
}

function printTeam(t: TeamSphereFigures): void {
  console.log(`\nTeam sphere in Chromium: ${t.contacts} contacts, ${t.ties} ties (peer: sigma.js, WebGL, same positions)`);
  console.log(`${'measure'.padEnd(34)} ${'ours'.padStart(10)} ${'peer'.padStart(10)}  ${'ratio'.padStart(7)}  target`);
  const row = (name: string, ours: number, peer: number | null, unit: string, target: string) =>
    console.log(`${name.padEnd(34)} ${(ours.toFixed(0) + unit).padStart(10)} ${(peer === null ? '—' : peer.toFixed(0) + unit).padStart(10)}  ${(peer === null ? '' : (ours / peer).toFixed(2) + 'x').padStart(7)}  ${target}`);
  row('opening until hover answered', t.answerMs, t.sigmaPaintMs, ' ms', '<= 5000 ms (peer: its first paint)');
  row('sphere complete (ties too)', t.completeMs, t.sigmaPaintMs, ' ms', '');
  row('pan/zoom, frames a second (median)', 1000 / t.frames.medianMs, 1000 / t.sigmaFrames.medianMs, ' fps', '>= 30 fps');
  row('pan/zoom frame p95', t.frames.p95Ms, null, ' ms', '');
  row(`drop -> stored p95 (${t.stored.drops} drops)`, t.stored.p95Ms, null, ' ms', '< 100 ms');
  row('search keystroke -> results, p95', t.searchMs.p95Ms, null, ' ms', '< 50 ms');
  row('  median', t.searchMs.medianMs, null, ' ms', '');
  row('window JavaScript heap', t.heapMb, null, ' MB', '');
}

const results: Record<string, Figure[] | SyncFigures | TeamSphereFigures | InsightsFigures | ImportFigures> = {};
if (!values.only || values.only === 'storage') {
  results.storage = await runStorageBench({ log: (line) => console.log(line) });
  print('Storage: ours (SQLite) relative to its peer; lower is better', results.storage);
}
if (!values.only || values.only === 'graph') {
  // The graph is measured in the built renderer; build it first so the figures are of this code.
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, [new URL('./build.ts', import.meta.url).pathname], { stdio: 'inherit' });
  results.graph = await runGraphBench({ contacts: values.contacts ? Number(values.contacts) : undefined, log: (line) => console.log(line) });
  print('Graph in Chromium: ours relative to the same graph in stock Cytoscape; lower is better', results.graph);
}
if (!values.only || values.only === 'graph' || values.only === 'team') {
  // A sphere the size of a merged team's, unless a size was asked for (that one is the graph run above).
  if (!values.contacts || values.only === 'team') {
    if (values.only === 'team') {
      const { spawnSync } = await import('node:child_process');
      spawnSync(process.execPath, [new URL('./build.ts', import.meta.url).pathname], { stdio: 'inherit' });
    }
    const team = await runTeamSphereBench({ contacts: values.only === 'team' && values.contacts ? Number(values.contacts) : undefined, log: (line) => console.log(line) });
    results.team = team;
    printTeam(team);
  }
}
if (values.only === 'sync' || !values.only) {
  const sync = await runSyncBench({ contacts: values.contacts ? Number(values.contacts) : undefined, log: (line) => console.log(line) });
  results.sync = sync;
  printSync(sync);
}
if (values.only === 'insights' || !values.only) {
  const insights = await runInsightsBench({ contacts: values.contacts ? Number(values.contacts) : undefined, log: (line) => console.log(line) });
  results.insights = insights;
  printInsights(insights);
}
if (values.only === 'import' || !values.only) {
  // The dialog is measured in the built renderer; build it first so the figures are of this code.
  const { spawnSync } = await import('node:child_process');
  spawnSync(process.execPath, [new URL('./build.ts', import.meta.url).pathname], { stdio: 'inherit' });
  const figures = await runImportBench({ rows: values.contacts ? Number(values.contacts) : undefined, log: (line) => console.log(line) });
  results.import = figures;
  console.log(`\nImport: ${figures.rows} rows of Google CSV (${figures.megabytes.toFixed(1)} MB) to stored; higher is better`);
  console.log(`${'rows/s, read + plan + store'.padEnd(34)} ${figures.rowsPerSecond.toFixed(0).padStart(10)}`);
  console.log(`${'  peer: papaparse alone, rows/s'.padEnd(34)} ${figures.peerRowsPerSecond.toFixed(0).padStart(10)}  (${(figures.rowsPerSecond / figures.peerRowsPerSecond).toFixed(2)}x)`);
  console.log(`${'  read / plan / store, ms'.padEnd(34)} ${[figures.phases.readMs, figures.phases.planMs, figures.phases.storeMs].map((m) => m.toFixed(0)).join(' / ')}`);
  if (figures.ui) {
    console.log(`${'UI longest frame while checking, ms'.padEnd(34)} ${figures.ui.checkLongestFrameMs.toFixed(0).padStart(10)}  (worker; ${figures.ui.checkSeconds.toFixed(1)} s)`);
    console.log(`${'  longest frame held by'.padEnd(34)} ${figures.ui.checkLongestWhere}`);
    console.log(`${'UI longest frame while saving, ms'.padEnd(34)} ${figures.ui.saveLongestFrameMs.toFixed(0).padStart(10)}  (host write + graph takes ${figures.rows} contacts; ${figures.ui.saveSeconds.toFixed(1)} s)`);
    console.log(`${'  longest frame held by'.padEnd(34)} ${figures.ui.saveLongestWhere}`);
  }
}
if (values.json) {
  fs.writeFileSync(values.json, JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
  console.log(`\nwrote ${values.json}`);
}
