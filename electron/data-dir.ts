// Process: main or browser host (Node). Where a user's sphere lives when nobody says otherwise.
import os from 'node:os';
import path from 'node:path';

/**
 * The same folder Electron names `userData` for an app called Sphere, so the desktop
 * app and the browser host open the same store.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Sphere');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Sphere');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Sphere');
}
