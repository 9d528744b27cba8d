// Process: dev tool (Node). Finds a Chromium for end-to-end tests, installing Debian's package where we may.
// Playwright's own browser download cannot run here, so the system's Chromium is used through executablePath.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findOrInstallChromium(log: (line: string) => void = console.log): string {
  const fromEnv = process.env.SPHERE_CHROMIUM;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`SPHERE_CHROMIUM points at ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) {
    log(`chromium: using ${found}`);
    return found;
  }
  if (process.getuid?.() !== 0) {
    throw new Error('No Chromium found. Install one (Debian: `sudo apt-get install -y chromium`) or set SPHERE_CHROMIUM to its path.');
  }
  log('chromium: not found; installing Debian\'s chromium package (apt-get update && apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  if (!fs.existsSync('/usr/bin/chromium')) throw new Error('apt-get finished but /usr/bin/chromium is still missing');
  log('chromium: installed /usr/bin/chromium');
  return '/usr/bin/chromium';
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findOrInstallChromium(() => {}), args: CHROMIUM_ARGS, headless: true });
}
