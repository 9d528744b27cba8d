// Process: dev tool (Node). Builds the renderer (Vite) and Electron's main and preload (esbuild) into dist/.
import fs from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();

// Source maps stay beside the bundles for debugging, but the shipped files must not name them: 'hidden' (Vite)
// and 'external' (esbuild) write the maps without the sourceMappingURL comment. electron-builder.yml leaves them out.
await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { sourcemap: 'hidden', ...(process.env.SPHERE_NO_MINIFY ? { minify: false } : {}) } });

// Vite empties dist/renderer itself; dist/electron is emptied here, or a file from an older build would be packaged.
fs.rmSync(path.join(root, 'dist', 'electron'), { recursive: true, force: true });

// The preload runs sandboxed, so it must be one CommonJS file needing nothing but 'electron'.
// The opening picture's and the insights' worker threads are their own files: Node starts a worker from a path.
for (const entry of ['main', 'preload', 'store/opening-picture-worker', 'store/insights-worker']) {
  await esbuild({
    entryPoints: [path.join(root, 'electron', `${entry}.ts`)],
    outfile: path.join(root, 'dist', 'electron', `${entry}.cjs`),
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    bundle: true,
    sourcemap: 'external',
    external: ['electron', 'better-sqlite3'],
    logLevel: 'warning',
  });
}

const sizeOf = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? sizeOf(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
const kb = (dir: string) => `${Math.round(sizeOf(path.join(root, 'dist', dir)) / 1024)} KiB`;
console.log(`built dist/renderer (${kb('renderer')}) and dist/electron (${kb('electron')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
