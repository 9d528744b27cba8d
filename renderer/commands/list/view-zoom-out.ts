// Process: renderer. Zoom out by the step zoom in takes.
import { defineCommand } from '../command.ts';

export default defineCommand('view.zoomOut', {
  run: (app) => app.zoom(1 / 1.4),
});
