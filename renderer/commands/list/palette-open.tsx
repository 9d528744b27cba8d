// Process: renderer. Ctrl/Cmd+K: every command that applies now, found by typing.
import { CommandPalette } from '../../components/CommandPalette.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('palette.open', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => <CommandPalette app={app} onClose={onClose} />,
});
