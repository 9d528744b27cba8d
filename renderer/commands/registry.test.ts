import { describe, expect, it } from 'vitest';
import { assertUniqueCommands, COMMAND_SPECS } from '../../shared/command-specs.ts';
import { defineCommand } from './command.ts';
import { assertMatchesSpecs, COMMANDS, commandForKey } from './registry.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('command registry', () => {
  it('maps shortcuts to commands, Ctrl and Cmd alike', () => {
    expect(commandForKey(key('k', { ctrlKey: true }))?.id).toBe('palette.open');
    expect(commandForKey(key('k', { metaKey: true }))?.id).toBe('palette.open');
    expect(commandForKey(key('z', { ctrlKey: true }))?.id).toBe('edit.undo');
    expect(commandForKey(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('edit.redo');
    expect(commandForKey(key('l'))?.id).toBe('touch.log');
    expect(commandForKey(key('R', { shiftKey: true }))?.id).toBe('view.thanks');
    expect(commandForKey(key('q'))).toBeUndefined();
    expect(commandForKey(key('+', { shiftKey: true }))?.id).toBe('view.zoomIn');
    expect(commandForKey(key('-'))?.id).toBe('view.zoomOut');
    expect(commandForKey(key('/'))?.id).toBe('search.focus');
  });

  it('declares every command once, each with a title', () => {
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) expect(c.title.length).toBeGreaterThan(3);
  });

  it('has exactly one command object for each entry of the shared table the menu reads, with its title and keys', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual(COMMAND_SPECS.map((s) => s.id).sort());
    for (const spec of COMMAND_SPECS) {
      const command = COMMANDS.find((c) => c.id === spec.id)!;
      expect([command.title, command.keys, command.group]).toEqual([spec.title, 'keys' in spec ? spec.keys : undefined, spec.group]);
      expect(typeof command.run).toBe('function');
    }
  });

  it('runs each keyed command from the key press its keys spell', () => {
    const press = (keys: string) => {
      const parts = keys.split(/\+(?!$)/);
      const k = parts.pop()!;
      return key(k.length === 1 ? k.toLowerCase() : k, { ctrlKey: parts.includes('Mod'), shiftKey: parts.includes('Shift') });
    };
    const keyed = COMMANDS.filter((c) => c.keys);
    expect(keyed.length).toBeGreaterThan(15);
    for (const c of keyed) expect(commandForKey(press(c.keys!))?.id, c.keys).toBe(c.id);
  });

  it('refuses a list that repeats an id or keys, or drifts from the shared table', () => {
    const extra = defineCommand('view.fit', { run: () => {} });
    expect(() => assertUniqueCommands([...COMMANDS, extra])).toThrow(/view.fit registered twice/);
    expect(() => assertUniqueCommands([{ id: 'a', keys: 'L' }, { id: 'b', keys: 'L' }])).toThrow(/keys L already run another command/);
    expect(() => assertMatchesSpecs(COMMANDS.filter((c) => c.id !== 'touch.log'), COMMAND_SPECS)).toThrow(/no command for touch.log/);
    expect(() => assertMatchesSpecs(COMMANDS, COMMAND_SPECS.filter((s) => s.id !== 'view.fit'))).toThrow(/no spec for view.fit/);
    expect(() => assertMatchesSpecs(COMMANDS, COMMAND_SPECS)).not.toThrow();
  });
});
