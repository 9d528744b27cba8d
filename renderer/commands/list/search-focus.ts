// Process: renderer. '/' puts the cursor in the people search, as on most sites.
import { defineCommand } from '../command.ts';

export default defineCommand('search.focus', {
  run: (app) => app.focusSearch(),
});
