// Process: renderer. The open dialog is always one command's dialog with the props that command gave it.
import { createElement } from 'react';
import type { CommandId } from '../../shared/command-specs.ts';
import type { CommandContext } from '../commands/command.ts';
import { commandById } from '../commands/registry.ts';

export type OpenDialog = { id: CommandId; props: unknown };

type Props = { open: OpenDialog; app: CommandContext; onClose(): void };

export function ActiveDialog({ open, app, onClose }: Props) {
  const dialog = commandById(open.id).dialog;
  // openDialog refuses commands without a dialog, so this is only reached with one.
  return dialog ? createElement(dialog, { app, props: open.props, onClose }) : null;
}
