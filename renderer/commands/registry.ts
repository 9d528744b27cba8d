// Process: renderer. Every user command, in one list: the keyboard, the palette, the detail panel's buttons
// and (through the shared table of ids, titles and keys) the Electron menu all read it. Adding a command is
// adding its file under list/ and one line here; its id, title and keys go in shared/command-specs.ts.
import { assertUniqueCommands, COMMAND_SPECS, keysOf, type CommandId, type KeyPress } from '../../shared/command-specs.ts';
import type { Command, CommandContext } from './command.ts';
import backupNow from './list/backup-now.ts';
import backupRestore from './list/backup-restore.tsx';
import backupJson from './list/backup-json.ts';
import contactAdd from './list/contact-add.tsx';
import contactDelete from './list/contact-delete.tsx';
import contactDuplicates from './list/contact-duplicates.tsx';
import contactEdit from './list/contact-edit.tsx';
import contactImport from './list/contact-import.tsx';
import contactMerge from './list/contact-merge.tsx';
import dealEdit from './list/deal-edit.tsx';
import contactRestore from './list/contact-restore.tsx';
import dealRecord from './list/deal-record.tsx';
import editRedo from './list/edit-redo.ts';
import editUndo from './list/edit-undo.ts';
import exportContactsCsv from './list/export-contacts-csv.ts';
import exportContactsVcard from './list/export-contacts-vcard.ts';
import exportGraph from './list/export-graph.tsx';
import exportView from './list/export-view.tsx';
import linkInfluence from './list/link-influence.tsx';
import linkPartner from './list/link-partner.tsx';
import paletteOpen from './list/palette-open.tsx';
import referralRecord from './list/referral-record.tsx';
import referralThank from './list/referral-thank.tsx';
import restoreJson from './list/restore-json.tsx';
import sampleLoad from './list/sample-load.ts';
import sampleRemove from './list/sample-remove.ts';
import searchFocus from './list/search-focus.ts';
import settingsOpen from './list/settings-open.tsx';
import syncOpen from './list/sync-open.tsx';
import tieEdit from './list/tie-edit.tsx';
import touchEdit from './list/touch-edit.tsx';
import touchLog from './list/touch-log.tsx';
import viewFilters from './list/view-filters.ts';
import viewFit from './list/view-fit.ts';
import viewList from './list/view-list.ts';
import viewNetwork from './list/view-network.ts';
import viewThanks from './list/view-thanks.ts';
import viewToday from './list/view-today.ts';
import viewInsights from './list/view-insights.ts';
import viewZoomIn from './list/view-zoom-in.ts';
import viewZoomOut from './list/view-zoom-out.ts';
import { colourByCategory, colourByStage, colourByTouch, colourByTrust } from './list/view-colour-by.ts';
import { influenceTies, partnerTies, personalTies, referralTies } from './list/view-tie-toggles.ts';

export type { CommandId };

export const COMMANDS: readonly Command[] = [
  paletteOpen, searchFocus, sampleLoad, sampleRemove, contactImport, settingsOpen,
  syncOpen, contactRestore, backupNow, backupRestore,
  exportContactsCsv, exportContactsVcard, exportGraph, exportView, backupJson, restoreJson,
  editUndo, editRedo,
  // In this order the contact's commands appear as buttons in the detail panel.
  contactAdd, touchLog, dealRecord, referralRecord, referralThank, contactEdit, contactMerge, linkInfluence, linkPartner, contactDelete,
  // No buttons: the detail panel has Edit beside each record, and the duplicate finder is for the whole sphere.
  contactDuplicates, touchEdit, dealEdit, tieEdit,
  viewFilters, viewList, viewNetwork, viewToday, viewThanks, viewInsights, viewFit, viewZoomIn, viewZoomOut,
  colourByCategory, colourByStage, colourByTouch, colourByTrust, referralTies, influenceTies, partnerTies, personalTies,
];

/** Throws when the list and the shared table disagree: the menu would offer a command the window cannot run, or miss one. */
export function assertMatchesSpecs(commands: readonly Command[], specs: readonly { id: string }[]): void {
  assertUniqueCommands(commands);
  const have = new Set(commands.map((c) => c.id));
  const missing = specs.filter((s) => !have.has(s.id as CommandId)).map((s) => s.id);
  const declared = new Set(specs.map((s) => s.id));
  const unknown = commands.filter((c) => !declared.has(c.id)).map((c) => c.id);
  if (missing.length || unknown.length) throw new Error(`commands and shared/command-specs.ts disagree: no command for ${missing.join(', ') || '-'}; no spec for ${unknown.join(', ') || '-'}`);
}
assertMatchesSpecs(COMMANDS, COMMAND_SPECS);

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: CommandId): Command {
  return byId.get(id)!;
}

/** The command a key press means, if any. Single keys only count outside text fields (the caller checks). */
export function commandForKey(event: KeyPress): Command | undefined {
  const combo = keysOf(event);
  return combo === undefined ? undefined : COMMANDS.find((c) => c.keys === combo);
}

/** Whether command `id` applies now: true, or why not. */
export function checkCommand(app: CommandContext, id: CommandId): true | string {
  return commandById(id).when?.(app) ?? true;
}

/**
 * The one way a command runs, whether from a key, the palette, a button or the menu: checked first (the
 * reason is said if it does not apply), and a failure is said too instead of vanishing in an event handler.
 */
export function runCommand(app: CommandContext, id: CommandId): void {
  const ready = checkCommand(app, id);
  if (ready !== true) return app.say(ready);
  const command = commandById(id);
  void (async () => command.run(app))().catch((err: Error) => app.say(`Could not ${command.title.toLowerCase()}: ${err.message}`));
}
