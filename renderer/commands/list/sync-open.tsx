// Process: renderer. Team sync: sign in to a team server, see how sync stands, switch it on or off, sign out.
import { SyncForm } from '../../components/forms/SyncForm.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('sync.open', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => <SyncForm api={app.edit.api} onClose={onClose} />,
});
