// Process: dev tool (Node). The packaging check (`npm run package:check`, and a stage of `npm test`): runs
// electron-builder --dir for Linux with this repository's electron-builder.yml, against the real Electron where its
// binary was downloaded and a stand-in everywhere else, then holds the result to scripts/package-rules.ts: the asar
// holds only what runs, the native module is unpacked and loads, the fuses are flipped, the sizes fit the budget.
// Expects a build in dist/ (`npm run build`); fully offline (no Electron download, no header download).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { electronBinary } from './electron-binary.ts';
import { ASAR_BUDGET_BYTES, UNPACKED_BUDGET_BYTES, asarFindings, fuseFindings, namesSourceMap, type AsarFile } from './package-rules.ts';

const root = path.resolve(import.meta.dirname, '..');
// Both ship with electron-builder and are CommonJS; they are what electron-builder itself packs and flips with.
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as typeof import('@electron/asar');
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');
const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };

if (process.platform !== 'linux') {
  console.log(`package check skipped: it packages for Linux with a stand-in Electron, and this is ${process.platform}`);
  process.exit(0);
}
const target = { platform: 'linux', arch: process.arch };
const started = performance.now();
const findings: string[] = [];
const note = (line: string) => console.log(`  ${line}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sphere-package-'));
const electronDist = electronDistFolder(work);
const out = path.join(work, 'out');
const builder = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-builder'), [
  '--config', 'electron-builder.yml', '--linux', '--dir', `--${target.arch}`,
  `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`,
], { cwd: root, encoding: 'utf8' });
if (builder.status !== 0) {
  console.log(builder.stdout, builder.stderr);
  finish([`electron-builder --dir failed (exit ${builder.status})`]);
}

const appOut = path.join(out, `linux-${target.arch === 'x64' ? '' : target.arch + '-'}unpacked`);
const resources = path.join(appOut, 'resources');
const archive = path.join(resources, 'app.asar');
const unpacked = path.join(resources, 'app.asar.unpacked');

// The asar holds only what runs, and no shipped script names a source map.
const files = asarFiles(archive);
findings.push(...asarFindings(files, shippedDist(), target));
for (const file of files.filter((f) => /\.(c?js|html)$/.test(f.path) && !f.unpacked)) {
  if (namesSourceMap(asar.extractFile(archive, file.path).toString('utf8'))) findings.push(`${file.path} names a source map that is not shipped`);
}
note(`asar: ${files.length} files, ${files.filter((f) => f.unpacked).length} of them unpacked`);

// The native module is unpacked and loads. It is better-sqlite3's N-API prebuild, so this machine's Node loads the
// same file Electron will (N-API is ABI-stable across Node and Electron; no rebuild for Electron's ABI is needed).
const sqlite = path.join(unpacked, 'node_modules', 'better-sqlite3');
const load = spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(sqlite)}); const db = new D(':memory:'); console.log(db.prepare('select sqlite_version() as v').get().v); db.close();`], { encoding: 'utf8' });
if (load.status === 0) note(`better-sqlite3 loads from app.asar.unpacked (SQLite ${load.stdout.trim()}, Node ${process.versions.node})`);
else findings.push(`better-sqlite3 does not load from app.asar.unpacked: ${load.stderr.trim().split('\n')[0]}`);

// The fuses read back as shipping requires.
const executable = path.join(appOut, 'sphere');
try {
  findings.push(...fuseFindings(await fuses.getCurrentFuseWire(executable)));
  note(`fuses read back from ${path.relative(work, executable)}`);
} catch (err) {
  findings.push(`fuses cannot be read from ${executable}: ${(err as Error).message}`);
}

// The size budget.
const asarBytes = fs.statSync(archive).size;
const unpackedBytes = sizeOf(unpacked);
note(`app.asar ${mib(asarBytes)} (budget ${mib(ASAR_BUDGET_BYTES)}), app.asar.unpacked ${mib(unpackedBytes)} (budget ${mib(UNPACKED_BUDGET_BYTES)})`);
if (asarBytes > ASAR_BUDGET_BYTES) findings.push(`app.asar is ${mib(asarBytes)}, over its budget of ${mib(ASAR_BUDGET_BYTES)}`);
if (unpackedBytes > UNPACKED_BUDGET_BYTES) findings.push(`app.asar.unpacked is ${mib(unpackedBytes)}, over its budget of ${mib(UNPACKED_BUDGET_BYTES)}`);

finish(findings);

function finish(problems: string[]): never {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length === 0) {
    fs.rmSync(work, { recursive: true, force: true });
    console.log(`package check passed in ${seconds} s`);
    process.exit(0);
  }
  // A package that carries node_modules again would print thousands of lines: the first ones say enough.
  for (const problem of problems.slice(0, 40)) console.log(`  ✗ ${problem}`);
  if (problems.length > 40) console.log(`  … and ${problems.length - 40} more`);
  console.log(`package check FAILED (${problems.length} problems) in ${seconds} s; the package is kept in ${out}`);
  process.exit(1);
}

/**
 * The real Electron distribution if its binary was downloaded; otherwise a folder holding a stand-in `electron`:
 * enough for electron-builder's Linux layout, and it carries Electron's fuse sentinel followed by the wire as
 * Electron 45 ships it (version 1, eight fuses: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on,
 * asar integrity off, only-asar off, browser V8 snapshot off, file:// privileges on), so the flip is real.
 */
function electronDistFolder(dir: string): string {
  const real = electronBinary();
  if ('path' in real) {
    note(`packaging with the real Electron in ${path.dirname(real.path)}`);
    return path.dirname(real.path);
  }
  const dist = path.join(dir, 'electron-dist');
  fs.mkdirSync(dist);
  const script = '#!/bin/sh\necho "Sphere package check: a stand-in for Electron, which could not be downloaded here" >&2\nexit 1\n';
  fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from(script), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]), { mode: 0o755 });
  note(`packaging with a stand-in Electron (${real.missing})`);
  return dist;
}

function asarFiles(file: string): AsarFile[] {
  return asar.listPackage(file, { isPack: false }).flatMap((entry) => {
    const inside = entry.replace(/^[/\\]/, '').split(path.sep).join('/');
    const stat = asar.statFile(file, inside, false);
    if ('files' in stat) return [];
    return [{ path: inside, unpacked: 'unpacked' in stat && stat.unpacked === true }];
  });
}

/** The built files the package should carry: the bundles as scripts/build.ts left them, without source maps. */
function shippedDist(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  return [...walk('dist/electron').filter((p) => p.endsWith('.cjs')), ...walk('dist/renderer').filter((p) => !p.endsWith('.map'))];
}

function sizeOf(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
