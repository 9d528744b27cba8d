// Process: renderer. Settings → Backups, also from the palette: every backup with what it holds, and a restore
// that names those counts before it replaces anything.
import { BackupsForm } from '../../components/forms/BackupsForm.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('backup.restore', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => (
    <BackupsForm api={app.edit.api} onClose={onClose}
      current={{ contacts: app.docs.contacts.length, ties: app.docs.ties.length, touches: app.docs.touches.length, deals: app.docs.deals.length }} />
  ),
});
