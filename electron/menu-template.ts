// Process: Electron main. The application menu as data, built from the shared command table: the same titles and
// keys as the palette and the keyboard. Electron is imported for types only, so tests build it under plain Node.
import type { MenuItemConstructorOptions } from 'electron';
import { COMMAND_SPECS, type CommandGroup, type CommandId } from '../shared/command-specs.ts';

/** Electron's name for the keys: Mod is Cmd on macOS and Ctrl elsewhere; '+' has to be spelt Plus. */
export function accelerator(keys: string): string {
  // Modifiers are words each followed by '+'; the key is what is left, which may itself be '+'.
  const [, modifiers = '', key = ''] = /^((?:[A-Za-z]+\+)*)(.+)$/.exec(keys) ?? [];
  const parts = modifiers.split('+').filter(Boolean).map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m));
  return [...parts, key === '+' ? 'Plus' : key].join('+');
}

function commandItems(group: CommandGroup, mac: boolean, onCommand: (id: CommandId) => void): MenuItemConstructorOptions[] {
  return COMMAND_SPECS.filter((c) => c.group === group).map((c) => {
    const keys: string | undefined = 'keys' in c ? c.keys : undefined;
    // macOS matches a menu's key equivalents before the page sees the key, so a bare letter there would be
    // swallowed even while typing a name: only Cmd shortcuts are shown on macOS. Elsewhere the menu only
    // displays the keys (registerAccelerator: false) and the window's own key handler, which knows about text
    // fields and open dialogs, stays the one place that acts on them.
    const shown = keys && (!mac || keys.startsWith('Mod+')) ? accelerator(keys) : undefined;
    return { id: c.id, label: c.title, ...(shown ? { accelerator: shown, registerAccelerator: false } : {}), click: () => onCommand(c.id) };
  });
}

/** The whole menu: the platform's standard roles around the app's commands, grouped as the table groups them. */
export function menuTemplate(platform: string, onCommand: (id: CommandId) => void, options = { devTools: true }): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  // Packaged builds hide DevTools: the item would only be a dead entry (the window is made without them).
  const devToolsItems: MenuItemConstructorOptions[] = options.devTools ? [{ role: 'toggleDevTools' }] : [];
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [...commandItems('app', mac, onCommand), sep, mac ? { role: 'close' } : { role: 'quit' }] },
    // Cut, copy and paste stay the platform's own: on macOS text fields have no clipboard keys without them.
    { label: 'Edit', submenu: [...commandItems('edit', mac, onCommand), sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'Contact', submenu: commandItems('contact', mac, onCommand) },
    { label: 'View', submenu: [...commandItems('view', mac, onCommand), sep, { role: 'reload' }, ...devToolsItems, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
  ];
}
