// Process: dev tool (Node), pure: what a packaged Sphere must hold, so scripts/package-check.ts and its unit test
// judge a package by the same rules.

/** The fuse wire as @electron/fuses numbers it (FuseV1Options), with what shipping requires of each. */
export const REQUIRED_FUSES: { index: number; name: string; enabled: boolean }[] = [
  { index: 0, name: 'RunAsNode', enabled: false },
  { index: 1, name: 'EnableCookieEncryption', enabled: true },
  { index: 2, name: 'EnableNodeOptionsEnvironmentVariable', enabled: false },
  { index: 3, name: 'EnableNodeCliInspectArguments', enabled: false },
  { index: 4, name: 'EnableEmbeddedAsarIntegrityValidation', enabled: true },
  { index: 5, name: 'OnlyLoadAppFromAsar', enabled: true },
  { index: 7, name: 'GrantFileProtocolExtraPrivileges', enabled: false },
];

/** @electron/fuses' FuseState: the byte values '0' and '1' in the wire. */
const FUSE_BYTE = { disabled: 48, enabled: 49 };

/** The fuses that differ from REQUIRED_FUSES, each as a sentence; the wire is what getCurrentFuseWire returns. */
export function fuseFindings(wire: Record<string, unknown>): string[] {
  return REQUIRED_FUSES.flatMap(({ index, name, enabled }) => {
    const want = enabled ? FUSE_BYTE.enabled : FUSE_BYTE.disabled;
    const have = wire[index];
    return have === want ? [] : [`fuse ${name} should be ${enabled ? 'on' : 'off'} but reads ${describeFuse(have)}`];
  });
}

function describeFuse(value: unknown): string {
  if (value === FUSE_BYTE.enabled) return 'on';
  if (value === FUSE_BYTE.disabled) return 'off';
  return value === undefined ? 'absent' : `state ${String(value)}`;
}

/** The asar's size budget: today's bundles are about 6 MiB; the node_modules it used to carry made it 51 MB. */
export const ASAR_BUDGET_BYTES = 10 * 1024 * 1024;
/** better-sqlite3's one native module and its JavaScript, unpacked beside the asar (about 2.3 MiB on Linux x64). */
export const UNPACKED_BUDGET_BYTES = 4 * 1024 * 1024;

export type AsarFile = { path: string; unpacked: boolean };

/**
 * What is wrong with the asar's files, as sentences (none when it is right). It must hold exactly the built bundles
 * (`shippedDist`: dist/electron/**\/*.cjs and dist/renderer/** without source maps, as the build left them),
 * package.json, and better-sqlite3's JavaScript with the one prebuilt module for the target, unpacked.
 */
export function asarFindings(files: AsarFile[], shippedDist: string[], target: { platform: string; arch: string }): string[] {
  const findings: string[] = [];
  const native = `node_modules/better-sqlite3/prebuilds/${target.platform}-${target.arch}.node`;
  const allowed = (p: string) =>
    p === 'package.json' ||
    shippedDist.includes(p) ||
    p === 'node_modules/better-sqlite3/package.json' ||
    /^node_modules\/better-sqlite3\/lib\/[\w/-]+\.js$/.test(p) ||
    p === native;
  for (const file of files) {
    if (!allowed(file.path)) findings.push(`unexpected file in the asar: ${file.path}`);
  }
  const present = new Set(files.map((f) => f.path));
  for (const p of ['package.json', ...shippedDist, 'node_modules/better-sqlite3/lib/index.js', native]) {
    if (!present.has(p)) findings.push(`missing from the asar: ${p}`);
  }
  const module = files.find((f) => f.path === native);
  if (module && !module.unpacked) findings.push(`${native} is packed inside the asar, where it cannot load`);
  return findings;
}

/** Shipped JavaScript that still names a source map that is not shipped. */
export function namesSourceMap(text: string): boolean {
  return /[#@] sourceMappingURL=/.test(text);
}
