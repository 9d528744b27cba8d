// Process: dev tool (Node). Finds Electron's binary without triggering its on-demand download.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function electronBinary(): { path: string } | { missing: string } {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pkg)) return { missing: 'the electron package is not installed' };
  if (!fs.existsSync(pathFile)) return { missing: 'its binary was never downloaded (no network access to the Electron releases during npm install)' };
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}
