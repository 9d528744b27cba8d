// Process: renderer. Back to the whole sphere after zooming or panning.
import { defineCommand } from '../command.ts';

export default defineCommand('view.fit', {
  run: (app) => app.fit(),
});
