// Process: renderer. Restore a backup from the palette (or the menu): every command is in the palette.
import { RestoreBackupForm } from '../../components/forms/RestoreBackupForm.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('backup.restore', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => <RestoreBackupForm api={app.edit.api} onClose={onClose} />,
});
