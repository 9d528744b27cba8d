// Process: renderer. Every user command, declared once: the palette, the shortcuts and the buttons read this list.

export type CommandId =
  | 'palette.open' | 'contact.add' | 'contact.edit' | 'contact.delete' | 'touch.log' | 'deal.record' | 'referral.record'
  | 'contact.merge' | 'link.influence' | 'link.partner' | 'view.today' | 'view.thanks' | 'view.fit' | 'edit.undo' | 'edit.redo' | 'sample.load' | 'settings.open' | 'search.focus' | 'view.filters' | 'view.list' | 'view.network' | 'view.zoomIn' | 'view.zoomOut';

export type CommandSpec = {
  id: CommandId;
  title: string;
  /** Shown in the palette and matched by the shortcut handler, e.g. 'Mod+K', 'L', 'Shift+R'. */
  keys?: string;
  /** Acts on the selected contact. */
  needsSelection?: boolean;
};

export const COMMANDS: readonly CommandSpec[] = [
  { id: 'palette.open', title: 'Open the command palette', keys: 'Mod+K' },
  { id: 'search.focus', title: 'Search people', keys: '/' },
  { id: 'contact.add', title: 'Add a contact', keys: 'N' },
  { id: 'contact.edit', title: 'Edit contact', keys: 'E', needsSelection: true },
  { id: 'contact.delete', title: 'Delete contact', keys: 'Delete', needsSelection: true },
  { id: 'touch.log', title: 'Log a touch', keys: 'L', needsSelection: true },
  { id: 'deal.record', title: 'Record a deal', keys: 'D', needsSelection: true },
  { id: 'referral.record', title: 'Record a referral they gave', keys: 'R', needsSelection: true },
  { id: 'contact.merge', title: 'Merge a duplicate into this contact', keys: 'M', needsSelection: true },
  { id: 'link.influence', title: 'Link someone they influence', keys: 'I', needsSelection: true },
  { id: 'link.partner', title: 'Link a customer you share with this partner', keys: 'P', needsSelection: true },
  { id: 'view.filters', title: 'Filter the sphere', keys: 'Shift+F' },
  { id: 'view.list', title: 'Switch between the sphere and the list', keys: 'Shift+L' },
  { id: 'view.network', title: 'Network view: referral clusters (force-directed)', keys: 'Shift+N' },
  { id: 'view.today', title: 'Today: who is due for a touch', keys: 'T' },
  { id: 'view.thanks', title: 'Referrals to thank', keys: 'Shift+R' },
  { id: 'view.fit', title: 'Show the whole sphere (reset the view)', keys: 'F' },
  { id: 'view.zoomIn', title: 'Zoom in', keys: '+' },
  { id: 'view.zoomOut', title: 'Zoom out', keys: '-' },
  { id: 'edit.undo', title: 'Undo', keys: 'Mod+Z' },
  { id: 'edit.redo', title: 'Redo', keys: 'Mod+Shift+Z' },
  { id: 'sample.load', title: 'Load the sample sphere' },
  { id: 'settings.open', title: 'Settings: cadences, life cycle, trust weights', keys: 'Mod+,' },
];

const seen = new Set<string>();
for (const c of COMMANDS) {
  if (seen.has(c.id) || (c.keys && seen.has(`keys:${c.keys}`))) throw new Error(`command ${c.id} or its keys ${c.keys} registered twice`);
  seen.add(c.id);
  if (c.keys) seen.add(`keys:${c.keys}`);
}

/** The command a key press means, if any. Single keys only count outside text fields (the caller checks). */
export function commandForKey(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): CommandSpec | undefined {
  if (event.altKey) return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key;
  // Shift is part of a symbol itself on most layouts ('+' is Shift+=), so it only counts with letters and named keys.
  const shift = event.shiftKey && (/^[a-z]$/i.test(event.key) || event.key.length > 1);
  const combo = `${mod ? 'Mod+' : ''}${shift ? 'Shift+' : ''}${key}`;
  return COMMANDS.find((c) => c.keys === combo);
}
