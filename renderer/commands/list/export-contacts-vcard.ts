// Process: renderer. Contacts to one vCard 4.0 file, for Apple Contacts, Outlook and phones.
import { defineCommand } from '../command.ts';
import { exportFile } from '../export-file.ts';

export default defineCommand('export.contactsVcard', {
  run: (app) => exportFile(app, 'vcard'),
});
