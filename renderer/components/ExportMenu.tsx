// Process: renderer. The Export menu in the header: every way out of the app (and back in from a backup), read
// from the one command list, so it says the same as the palette and the Electron menu.
import { useRef } from 'react';
import type { CommandId } from '../../shared/command-specs.ts';
import type { CommandContext } from '../commands/command.ts';
import { commandById } from '../commands/registry.ts';

const ITEMS: CommandId[] = ['export.contactsCsv', 'export.contactsVcard', 'export.graph', 'export.view', 'backup.json', 'restore.json'];

export function ExportMenu({ app }: { app: CommandContext }) {
  const menu = useRef<HTMLDetailsElement>(null);
  return (
    <details className="menu" ref={menu} data-testid="export-menu">
      <summary>Export</summary>
      <div className="menu-items" role="menu">
        {ITEMS.map((id) => {
          const ready = app.check(id);
          return (
            <button key={id} type="button" role="menuitem" data-testid={`menu-${id}`} title={ready === true ? undefined : ready}
              onClick={() => { menu.current?.removeAttribute('open'); app.run(id); }}>
              {commandById(id).title}
            </button>
          );
        })}
      </div>
    </details>
  );
}
