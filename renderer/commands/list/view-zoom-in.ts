// Process: renderer. Zoom in by a step the eye can follow.
import { defineCommand } from '../command.ts';

export default defineCommand('view.zoomIn', {
  run: (app) => app.zoom(1.4),
});
