// Process: renderer. The Export commands' one way to write a file: the sphere as the window holds it, through the
// same shared export code as `npm run cli -- export`, saved by the platform (dialog or download).
import { EXPORT_FILES, exportFileName, exportSphere, type ExportFormat, type SphereContents } from '../../shared/export/sphere-export.ts';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings.ts';
import { saveFile } from '../platform/save-file.ts';
import type { CommandContext } from './command.ts';

/** Every collection as the window holds it; settings only once the user has changed them (else they are defaults). */
export function sphereInWindow(app: CommandContext): SphereContents {
  return { ...app.docs, settings: app.settings === DEFAULT_SETTINGS ? [] : [app.settings] };
}

export async function exportFile(app: CommandContext, format: ExportFormat): Promise<void> {
  const now = Date.now();
  const text = exportSphere(format, sphereInWindow(app), now);
  const where = await saveFile(app.edit.api, { name: exportFileName(format, now), mime: EXPORT_FILES[format].mime, data: text });
  if (where) app.say(`Exported the ${EXPORT_FILES[format].what} of ${app.docs.contacts.length} contacts to ${where}.`);
}
