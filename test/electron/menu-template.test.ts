// Process: test (Node). The Electron menu is built from the shared command table, without Electron itself.
import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { COMMAND_SPECS, type CommandId } from '../../shared/command-specs.ts';
import { accelerator, menuTemplate } from '../../electron/menu-template.ts';

function commandItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : [])).filter((item) => item.click);
}

describe('application menu', () => {
  it('spells the keys as Electron accelerators', () => {
    expect(accelerator('Mod+K')).toBe('CmdOrCtrl+K');
    expect(accelerator('Mod+Shift+Z')).toBe('CmdOrCtrl+Shift+Z');
    expect(accelerator('Mod+,')).toBe('CmdOrCtrl+,');
    expect(accelerator('Shift+R')).toBe('Shift+R');
    expect(accelerator('+')).toBe('Plus');
    expect(accelerator('-')).toBe('-');
    expect(accelerator('Delete')).toBe('Delete');
  });

  it('holds every command once, with its title and keys, and a click sends its id', () => {
    const clicked: CommandId[] = [];
    const items = commandItems(menuTemplate('linux', (id) => clicked.push(id)));
    expect(items.map((i) => i.id)).toEqual(COMMAND_SPECS.map((c) => c.id));
    for (const spec of COMMAND_SPECS) {
      const item = items.find((i) => i.id === spec.id)!;
      expect(item.label).toBe(spec.title);
      expect(item.accelerator).toBe('keys' in spec ? accelerator(spec.keys) : undefined);
      // The window's key handler acts on keys (it knows about text fields); the menu only shows them.
      if (item.accelerator) expect(item.registerAccelerator).toBe(false);
      (item.click as () => void)();
    }
    expect(clicked).toEqual(COMMAND_SPECS.map((c) => c.id));
    expect(items.find((i) => i.id === 'view.zoomIn')?.accelerator).toBe('Plus');
  });

  it('gives macOS only the Cmd shortcuts, so bare letters still reach text fields', () => {
    const items = commandItems(menuTemplate('darwin', () => {}));
    expect(items.find((i) => i.id === 'palette.open')?.accelerator).toBe('CmdOrCtrl+K');
    expect(items.find((i) => i.id === 'touch.log')?.accelerator).toBeUndefined();
    expect(items.filter((i) => i.accelerator).map((i) => i.id)).toEqual(['palette.open', 'settings.open', 'edit.undo', 'edit.redo']);
  });

  it('keeps the platform\'s clipboard items beside the app\'s undo', () => {
    const edit = menuTemplate('darwin', () => {}).find((m) => m.label === 'Edit')!.submenu as MenuItemConstructorOptions[];
    expect(edit.map((i) => i.role ?? i.id ?? i.type)).toEqual(['edit.undo', 'edit.redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('offers DevTools while developing and hides them in a packaged build', () => {
    const roles = (devTools: boolean) => (menuTemplate('linux', () => {}, { devTools }).find((m) => m.label === 'View')!.submenu as MenuItemConstructorOptions[]).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toContain('reload');
  });
});
