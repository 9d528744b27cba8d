// Process: dev tool (Node). `npm run test:e2e`: build, then only the end-to-end tests.
import { build, emptyTally, stage, summary, vitest } from './stages.ts';
import { findOrInstallChromium } from './chromium.ts';

const tally = emptyTally();
const ok = stage('build', build) && stage('end-to-end tests', () => vitest('vitest.e2e.config.ts', tally, { SPHERE_CHROMIUM: findOrInstallChromium() }));
console.log(`\n${summary(tally)}`);
process.exit(ok ? 0 : 1);
