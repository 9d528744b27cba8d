// Process: renderer. Ctrl/Cmd+K: every command, found by typing, run with Enter.
import { useMemo, useState } from 'react';
import { COMMANDS, type CommandId } from '../commands/registry.ts';
import { Dialog } from './forms/Dialog.tsx';

type Props = { hasSelection: boolean; onRun(id: CommandId): void; onClose(): void };

export function CommandPalette({ hasSelection, onRun, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const matches = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return COMMANDS.filter((c) => c.id !== 'palette.open' && (!c.needsSelection || hasSelection) && words.every((w) => c.title.toLowerCase().includes(w)));
  }, [query, hasSelection]);
  const run = (id: CommandId | undefined) => {
    if (!id) return;
    onClose();
    onRun(id);
  };
  return (
    <Dialog title="Commands" testId="command-palette" onClose={onClose}>
      <input
        className="palette-input"
        data-testid="palette-input"
        placeholder={hasSelection ? 'Type a command…' : 'Type a command (select a contact for more)…'}
        value={query}
        autoFocus
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[index] ? `cmd-${matches[index].id}` : undefined}
        onChange={(e) => { setQuery(e.target.value); setIndex(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setIndex((i) => Math.min(matches.length - 1, i + 1)); }
          else if (e.key === 'ArrowUp') { e.preventDefault(); setIndex((i) => Math.max(0, i - 1)); }
          else if (e.key === 'Enter') { e.preventDefault(); run(matches[index]?.id); }
        }}
      />
      <ul id="palette-list" role="listbox" className="palette-list">
        {matches.map((c, i) => (
          <li key={c.id} id={`cmd-${c.id}`} role="option" aria-selected={i === index} className={i === index ? 'active' : ''} onMouseDown={(e) => { e.preventDefault(); run(c.id); }}>
            <span>{c.title}</span>{c.keys ? <kbd>{c.keys.replace('Mod', 'Ctrl')}</kbd> : null}
          </li>
        ))}
        {matches.length === 0 ? <li className="muted">No command matches.</li> : null}
      </ul>
    </Dialog>
  );
}
