// Process: renderer. Brings a sphere in from a CSV or vCard file: the dialog reads and checks it off the UI thread,
// and the host adds it in one transaction, so one undo takes the whole import back.
import { ImportDialog } from '../../components/import/ImportDialog.tsx';
import { defineCommand } from '../command.ts';

export default defineCommand('contact.import', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => <ImportDialog app={app} onClose={onClose} />,
});
