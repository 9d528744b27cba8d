// Process: renderer. Ctrl/Cmd+K: every command that applies now, found by typing, run with Enter. Commands that
// match but do not apply are listed after them with the reason, so a search never ends in silence.
import { useMemo, useState } from 'react';
import { COMMAND_SPECS, type CommandId } from '../../shared/command-specs.ts';
import { shownKeys } from '../commands/keyboard-target.ts';
import type { CommandContext } from '../commands/command.ts';
import { Dialog } from './forms/Dialog.tsx';

type Props = { app: CommandContext; onClose(): void };

export function CommandPalette({ app, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const { matches, unavailable } = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    // The shared table rather than the registry: the palette is itself a command's dialog, and the registry imports it.
    const found = COMMAND_SPECS.filter((c) => c.id !== 'palette.open' && words.every((w) => c.title.toLowerCase().includes(w)))
      .map((c) => ({ ...c, check: app.check(c.id) }));
    return {
      matches: found.filter((c) => c.check === true),
      unavailable: words.length ? found.flatMap((c) => (c.check === true ? [] : [{ ...c, reason: c.check }])) : [],
    };
  }, [query, app]);
  const hasSelection = app.selected !== undefined;
  const run = (id: CommandId | undefined) => {
    if (!id) return;
    onClose();
    app.run(id);
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
            <span>{c.title}</span>{'keys' in c ? <kbd>{shownKeys(c.keys)}</kbd> : null}
          </li>
        ))}
        {matches.length === 0 && unavailable.length === 0 ? <li className="muted">No command matches.</li> : null}
        {unavailable.map((c) => (
          <li key={c.id} className="muted unavailable" aria-disabled="true" data-testid="palette-unavailable">
            <span>{c.title}</span><small>{c.reason}</small>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
