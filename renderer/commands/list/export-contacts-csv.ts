// Process: renderer. Contacts to a CSV file with Google Contacts' columns, which Google (and most address books) import.
import { defineCommand } from '../command.ts';
import { exportFile, hasContacts } from '../export-file.ts';

export default defineCommand('export.contactsCsv', {
  when: hasContacts,
  run: (app) => exportFile(app, 'csv'),
});
