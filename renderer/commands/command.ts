// Process: renderer. The one shape every user command has, and what the app hands a command when it runs.
// A command reaches the app only through CommandContext, so its module needs nothing from App.tsx.
import type { ComponentType } from 'react';
import type { TieKind } from '../../shared/domain/sphere.ts';
import type { ColourMode } from '../../shared/graph/sphere-colours.ts';
import { commandSpec, type CommandId, type CommandSpec } from '../../shared/command-specs.ts';
import type { SphereDocs } from '../../shared/graph/sphere-model.ts';
import type { ContactDoc, SettingsDoc } from '../../shared/schemas/index.ts';
import type { StageOf } from '../graph/contact-filter.ts';
import type { EditHistory, Reversible } from './history.ts';
import type { EditContext } from './host-step.ts';

export type Panel = 'today' | 'thanks' | 'filters' | 'insights';
export type View = 'sphere' | 'network' | 'list';

export type CommandContext = {
  /** What the edit functions take: the host that runs them. */
  edit: EditContext;
  docs: SphereDocs;
  settings: SettingsDoc;
  selected: ContactDoc | undefined;
  history: EditHistory;
  panel: Panel | null;
  view: View;
  /** A contact's customer stage as the graph model derived it (stages are never stored). */
  stageOf: StageOf;
  /** The sample sphere is being added. */
  loadingSample: boolean;
  /** Runs an edit through the history and tells the user what happened. Failures propagate so a dialog can stay open and say why. */
  perform(edit: () => Promise<Reversible | null>, message?: string): Promise<void>;
  say(text: string): void;
  select(id: string | null): void;
  setPanel(panel: Panel | null): void;
  setView(view: View): void;
  fit(): void;
  zoom(factor: number): void;
  focusSearch(): void;
  setLoadingSample(loading: boolean): void;
  /** How the graph colours contacts, and which kinds of tie it draws (the legend shows and sets both). */
  colourBy: ColourMode;
  setColourBy(mode: ColourMode): void;
  visibleTies: Record<TieKind, boolean>;
  toggleTies(kind: TieKind): void;
  /** Shows command `id`'s dialog with these props (commands call their `open` instead). */
  openDialog(id: CommandId, props: unknown): void;
  /** Whether a command can run now: true, or why not. */
  check(id: CommandId): true | string;
  /** Runs a command as a key press would: checked first, and the reason said if it cannot run. */
  run(id: CommandId): void;
};

export type DialogProps<P> = { app: CommandContext; props: P; onClose(): void };

/** A button for the command in the selected contact's panel. */
export type CommandButton = { label: string; testId: string; tone?: 'primary' | 'danger' };

export type Command = CommandSpec & {
  id: CommandId;
  /** True when the command applies now, or the reason it does not ("Select a contact first…"). */
  when?(app: CommandContext): true | string;
  run(app: CommandContext): void | Promise<void>;
  dialog?: ComponentType<DialogProps<unknown>>;
  button?: CommandButton;
};

type CommandDefinition<P> = {
  when?(app: CommandContext): true | string;
  /** Does it, or calls `open` to show the command's dialog with these props. */
  run(app: CommandContext, open: (props: P) => void): void | Promise<void>;
  dialog?: ComponentType<DialogProps<P>>;
  button?: CommandButton;
};

/** One command: its title, keys and group come from the shared table (the menu reads that too), the rest from here. */
export function defineCommand<P = undefined>(id: CommandId, definition: CommandDefinition<P>): Command {
  return {
    ...commandSpec(id),
    id,
    when: definition.when,
    run: (app) => definition.run(app, (props) => app.openDialog(id, props)),
    // The list holds commands whose dialogs take different props; each command opens its own with its own P.
    dialog: definition.dialog as ComponentType<DialogProps<unknown>> | undefined,
    button: definition.button,
  };
}

export const SELECT_FIRST = 'Select a contact first (click one in the sphere).';

/** For commands that act on the selected contact. */
export function needsContact(app: CommandContext): true | string {
  return app.selected ? true : SELECT_FIRST;
}

/** The contact a dialog was opened for, or undefined if it has gone since (deleted, merged away). */
export function contactOf(app: CommandContext, id: string): ContactDoc | undefined {
  return app.docs.contacts.find((c) => c.id === id);
}

export type ContactProps = { contactId: string };

/** Opens the command's dialog for the selected contact. */
export function openForSelected(app: CommandContext, open: (props: ContactProps) => void): void {
  if (app.selected) open({ contactId: app.selected.id });
}
