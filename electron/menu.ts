// Process: Electron main. The application menu: the platform's standard roles and every app command, from
// the shared command table. A click sends the command's id to the focused window, which runs it as a key press.
import { Menu } from 'electron';
import type { CommandId } from '../shared/command-specs.ts';
import { menuTemplate } from './menu-template.ts';

export function buildMenu(options: { devTools: boolean }, onCommand: (id: CommandId) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(process.platform, onCommand, options));
}
