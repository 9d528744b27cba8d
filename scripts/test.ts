// Process: dev tool (Node). `npm test`: types, lint, build, package check, unit tests, end-to-end tests; ends with one `N passed, M failed` line.
import { build, emptyTally, lint, packageCheck, stage, summary, typecheck, vitest } from './stages.ts';
import { findOrInstallChromium } from './chromium.ts';

const tally = emptyTally();
let ok = stage('typecheck (tsc)', typecheck) && stage('lint (eslint)', lint) && stage('build', build);
if (ok) ok = stage('package check (electron-builder --dir)', packageCheck);
if (ok) ok = stage('unit tests (vitest)', () => vitest('vitest.config.ts', tally));
if (ok) {
  ok = stage('end-to-end tests (Chromium through the browser host)', () => {
    const chromium = findOrInstallChromium();
    return vitest('vitest.e2e.config.ts', tally, { SPHERE_CHROMIUM: chromium });
  });
}
if (!ok && tally.failed === 0) tally.failed = 1;
console.log(`\n${summary(tally)}`);
process.exit(ok ? 0 : 1);
