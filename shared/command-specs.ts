// Process: any (pure). What every user command is called and which keys run it: the Electron menu (which
// may not import the renderer) and the renderer's command objects both read this one table.

export type CommandGroup = 'app' | 'edit' | 'contact' | 'view';

export type CommandSpec = {
  id: string;
  title: string;
  /** Matched by the shortcut handler and shown by the palette and the menu, e.g. 'Mod+K', 'L', 'Shift+R'. */
  keys?: string;
  /** Where the menu puts it. */
  group: CommandGroup;
};

export const COMMAND_SPECS = [
  { id: 'palette.open', title: 'Open the command palette', keys: 'Mod+K', group: 'app' },
  { id: 'search.focus', title: 'Search people', keys: '/', group: 'app' },
  { id: 'sample.load', title: 'Load the sample sphere', group: 'app' },
  { id: 'sample.remove', title: 'Remove sample people (keeps your own)', group: 'app' },
  { id: 'contact.duplicates', title: 'Find likely duplicates to merge', group: 'app' },
  { id: 'contact.import', title: 'Import contacts from a CSV or vCard file…', group: 'app' },
  { id: 'settings.open', title: 'Settings: cadences, life cycle, trust weights', keys: 'Mod+,', group: 'app' },
  { id: 'sync.open', title: 'Team sync: sign in, status, on or off', group: 'app' },
  { id: 'backup.now', title: 'Back up now', group: 'app' },
  { id: 'backup.restore', title: 'Restore backup…', group: 'app' },
  { id: 'export.contactsCsv', title: 'Export contacts (CSV)', group: 'app' },
  { id: 'export.contactsVcard', title: 'Export contacts (vCard)', group: 'app' },
  { id: 'export.graph', title: 'Export graph (GEXF/GraphML)', group: 'app' },
  { id: 'export.view', title: 'Export view (PNG/SVG)', group: 'app' },
  { id: 'backup.json', title: 'Back up to JSON', group: 'app' },
  { id: 'restore.json', title: 'Restore from JSON…', group: 'app' },
  { id: 'contact.restore', title: 'Recently deleted: restore a contact', group: 'app' },
  { id: 'edit.undo', title: 'Undo', keys: 'Mod+Z', group: 'edit' },
  { id: 'edit.redo', title: 'Redo', keys: 'Mod+Shift+Z', group: 'edit' },
  { id: 'contact.add', title: 'Add a contact', keys: 'N', group: 'contact' },
  { id: 'touch.log', title: 'Log a touch', keys: 'L', group: 'contact' },
  { id: 'deal.record', title: 'Record a deal', keys: 'D', group: 'contact' },
  { id: 'referral.record', title: 'Record a referral they gave', keys: 'R', group: 'contact' },
  { id: 'referral.thank', title: 'Thank them for a referral', group: 'contact' },
  { id: 'contact.edit', title: 'Edit contact', keys: 'E', group: 'contact' },
  { id: 'contact.merge', title: 'Merge a duplicate into this contact', keys: 'M', group: 'contact' },
  { id: 'link.influence', title: 'Link someone they influence', keys: 'I', group: 'contact' },
  { id: 'link.partner', title: 'Link a customer you share with this partner', keys: 'P', group: 'contact' },
  { id: 'contact.delete', title: 'Delete contact', keys: 'Delete', group: 'contact' },
  { id: 'touch.edit', title: 'Edit or delete their latest touch', group: 'contact' },
  { id: 'deal.edit', title: 'Edit or delete their latest deal', group: 'contact' },
  { id: 'tie.edit', title: 'Edit or remove their latest referral or link', group: 'contact' },
  { id: 'view.filters', title: 'Filter the sphere', keys: 'Shift+F', group: 'view' },
  { id: 'view.list', title: 'Switch between the sphere and the list', keys: 'Shift+L', group: 'view' },
  { id: 'view.network', title: 'Network view: referral clusters (force-directed)', keys: 'Shift+N', group: 'view' },
  { id: 'view.today', title: 'Today: who is due for a touch', keys: 'T', group: 'view' },
  { id: 'view.thanks', title: 'Referrals to thank', keys: 'Shift+R', group: 'view' },
  { id: 'view.insights', title: 'Insights: 20/80, funnel, matrix, referral chains, influence, timeline', keys: 'Shift+I', group: 'view' },
  { id: 'view.fit', title: 'Show the whole sphere (reset the view)', keys: 'F', group: 'view' },
  { id: 'view.zoomIn', title: 'Zoom in', keys: '+', group: 'view' },
  { id: 'view.zoomOut', title: 'Zoom out', keys: '-', group: 'view' },
  { id: 'view.colourCategory', title: 'Colour by category', group: 'view' },
  { id: 'view.colourStage', title: 'Colour by customer stage', group: 'view' },
  { id: 'view.colourTouch', title: 'Colour by time since last touch', group: 'view' },
  { id: 'view.colourTrust', title: 'Colour by trust score', group: 'view' },
  { id: 'view.tiesReferral', title: 'Show or hide referral ties', group: 'view' },
  { id: 'view.tiesInfluence', title: 'Show or hide influence ties', group: 'view' },
  { id: 'view.tiesPartner', title: 'Show or hide host-beneficiary partner ties', group: 'view' },
  { id: 'view.tiesPersonal', title: 'Show or hide personal ties', group: 'view' },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMAND_SPECS)[number]['id'];

/** A list where two commands share an id or keys cannot say which one a key press or a menu click means. */
export function assertUniqueCommands(commands: readonly { id: string; keys?: string }[]): void {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const c of commands) {
    if (ids.has(c.id)) throw new Error(`command ${c.id} registered twice`);
    if (c.keys && keys.has(c.keys)) throw new Error(`command ${c.id}: keys ${c.keys} already run another command`);
    ids.add(c.id);
    if (c.keys) keys.add(c.keys);
  }
}
assertUniqueCommands(COMMAND_SPECS);

const byId = new Map<string, CommandSpec>(COMMAND_SPECS.map((c) => [c.id, c]));

export function isCommandId(id: unknown): id is CommandId {
  return typeof id === 'string' && byId.has(id);
}

export function commandSpec(id: CommandId): CommandSpec {
  return byId.get(id)!;
}

export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean };

/** The keys a press spells in the table's notation; undefined for presses no command can mean (Alt). */
export function keysOf(event: KeyPress): string | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  // Shift is part of a symbol itself on most layouts ('+' is Shift+=), so it only counts with letters and named keys.
  const shift = event.shiftKey && (/^[a-z]$/i.test(event.key) || event.key.length > 1);
  return `${mod ? 'Mod+' : ''}${shift ? 'Shift+' : ''}${key}`;
}

/** How a person reads the keys on this platform: Ctrl on Windows and Linux, ⌘ on macOS. */
export function keysLabel(keys: string, mac = false): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl');
}

/** A button's tooltip: the command's title and, if it has them, its keys. */
export function commandHint(spec: { title: string; keys?: string }): string {
  return spec.keys ? `${spec.title} (${keysLabel(spec.keys)})` : spec.title;
}
