// Process: renderer. Settings are an edit like any other: saved through the history, so undo restores them.
import { SettingsForm } from '../../components/forms/SettingsForm.tsx';
import { defineCommand } from '../command.ts';
import { updateSettings } from '../settings-edits.ts';

export default defineCommand('settings.open', {
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => <SettingsForm settings={app.settings} onClose={onClose} onSave={(changes) => app.perform(() => updateSettings(app.edit, changes))}
    onBackups={() => app.openDialog('backup.restore', undefined)} />,
});
