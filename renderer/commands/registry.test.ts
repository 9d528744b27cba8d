import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey } from './registry.ts';

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
});
