// Process: renderer. What the graph shows right now, as a picture: PNG to paste or print, SVG to edit or scale.
import { ChoiceForm } from '../../components/forms/ChoiceForm.tsx';
import { saveFile } from '../../platform/save-file.ts';
import { viewPng, viewSvg } from '../../graph/view-picture.ts';
import { defineCommand, type CommandContext } from '../command.ts';

async function savePicture(app: CommandContext, format: 'png' | 'svg'): Promise<void> {
  const name = `sphere-view-${new Date().toISOString().slice(0, 10)}.${format}`;
  const where = await saveFile(app.edit.api, format === 'png' ? { name, mime: 'image/png', data: await viewPng() } : { name, mime: 'image/svg+xml', data: viewSvg() });
  if (where) app.say(`Saved the view to ${where}.`);
}

export default defineCommand('export.view', {
  when: (app) => (app.view === 'list' ? 'Switch to the sphere or the network view first: the list is not a picture.' : true),
  run: (_app, open) => open(undefined),
  dialog: ({ app, onClose }) => (
    <ChoiceForm title="Export the view" testId="export-view-form" onClose={onClose}
      intro="The graph as it is on screen now: the same zoom, filters and colours."
      choices={[
        { label: 'PNG', hint: 'a picture to paste, send or print', testId: 'export-png', choose: () => savePicture(app, 'png') },
        { label: 'SVG', hint: 'a drawing to edit or print at any size', testId: 'export-svg', choose: () => savePicture(app, 'svg') },
      ]} />
  ),
});
