// Process: test (Node). The rules the packaging check holds a package to (scripts/package-check.ts runs them on a
// real electron-builder output); here each rule is shown to catch what the package used to ship.
import { describe, expect, it } from 'vitest';
import { asarFindings, fuseFindings, namesSourceMap, REQUIRED_FUSES } from '../../scripts/package-rules.ts';

const target = { platform: 'linux', arch: 'x64' };
const dist = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc.js'];
const sqlite = [
  { path: 'node_modules/better-sqlite3/package.json', unpacked: true },
  { path: 'node_modules/better-sqlite3/lib/index.js', unpacked: true },
  { path: 'node_modules/better-sqlite3/lib/methods/wrappers.js', unpacked: true },
  { path: 'node_modules/better-sqlite3/prebuilds/linux-x64.node', unpacked: true },
];
const good = [{ path: 'package.json', unpacked: false }, ...dist.map((p) => ({ path: p, unpacked: false })), ...sqlite];

describe('the asar rule', () => {
  it('accepts the bundles, package.json and better-sqlite3 with its one native module, unpacked', () => {
    expect(asarFindings(good, dist, target)).toEqual([]);
  });

  it('refuses node_modules the bundles already hold, source maps, other platforms’ modules and SQLite’s source', () => {
    const extra = ['node_modules/rxdb/dist/cjs/index.js', 'node_modules/graphql/index.js', 'dist/electron/main.cjs.map', 'node_modules/better-sqlite3/prebuilds/win32-x64.node', 'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', 'dist/electron/stale-old.cjs'];
    const findings = asarFindings([...good, ...extra.map((p) => ({ path: p, unpacked: false }))], dist, target);
    expect(findings).toEqual(extra.map((p) => `unexpected file in the asar: ${p}`));
  });

  it('requires every bundle and the native module, and the module outside the asar', () => {
    const packed = good.filter((f) => f.path !== 'dist/electron/preload.cjs').map((f) => (f.path.endsWith('.node') ? { ...f, unpacked: false } : f));
    expect(asarFindings(packed, dist, target)).toEqual([
      'missing from the asar: dist/electron/preload.cjs',
      'node_modules/better-sqlite3/prebuilds/linux-x64.node is packed inside the asar, where it cannot load',
    ]);
    expect(asarFindings(good, dist, { platform: 'darwin', arch: 'arm64' })).toContain('missing from the asar: node_modules/better-sqlite3/prebuilds/darwin-arm64.node');
  });
});

describe('the fuse rule', () => {
  // '0' is 48 and '1' is 49 in @electron/fuses' wire; index as FuseV1Options.
  const wire = (bits: string) => Object.fromEntries([...bits].map((b, i) => [i, b.charCodeAt(0)]));

  it('accepts the wire electron-builder.yml flips to', () => {
    expect(fuseFindings({ version: '1', ...wire('01001100') })).toEqual([]);
  });

  it('names every fuse Electron ships in its unsafe default', () => {
    expect(fuseFindings({ version: '1', ...wire('10110001') })).toHaveLength(REQUIRED_FUSES.length);
    expect(fuseFindings({ version: '1', ...wire('11001100') })).toEqual(['fuse RunAsNode should be off but reads on']);
  });
});

describe('source map references', () => {
  it('are found in shipped JavaScript', () => {
    expect(namesSourceMap('console.log(1);\n//# sourceMappingURL=main.cjs.map\n')).toBe(true);
    expect(namesSourceMap('console.log(1);\n')).toBe(false);
  });
});
