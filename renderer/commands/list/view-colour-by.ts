// Process: renderer. Colour the graph by category, customer stage, time since the last touch or trust score, from the palette
// as well as from the legend's dropdown.
import type { ColourMode } from '../../../shared/graph/sphere-colours.ts';
import type { CommandId } from '../../../shared/command-specs.ts';
import { defineCommand } from '../command.ts';

const colourBy = (id: CommandId, mode: ColourMode) =>
  defineCommand(id, {
    when: (app) => (app.colourBy === mode ? 'The graph is already coloured that way.' : true),
    run: (app) => app.setColourBy(mode),
  });

export const colourByCategory = colourBy('view.colourCategory', 'category');
export const colourByStage = colourBy('view.colourStage', 'stage');
export const colourByTouch = colourBy('view.colourTouch', 'touch');
export const colourByTrust = colourBy('view.colourTrust', 'trust');
