// Process: renderer. Contacts to a CSV file with Google Contacts' columns, which Google (and most address books) import.
import { defineCommand } from '../command.ts';
import { exportFile } from '../export-file.ts';

export default defineCommand('export.contactsCsv', {
  run: (app) => exportFile(app, 'csv'),
});
