// Process: renderer. Whichever dialog a command opened, wired to the edit commands; every save lands in the undo history.
import type { SettingsDoc } from '../../shared/schemas/index.ts';
import { updateSettings } from '../commands/settings-edits.ts';
import { SettingsForm } from './forms/SettingsForm.tsx';
import type { SphereDocs } from '../../shared/graph/sphere-model.ts';
import { addContact, deleteContact, updateContact } from '../commands/contact-edits.ts';
import type { Reversible } from '../commands/history.ts';
import { mergeContacts } from '../commands/merge-contacts.ts';
import { linkContacts, logTouch, recordDeal, recordReferral, rewardReferral } from '../commands/relationship-edits.ts';
import type { EditContext } from '../commands/host-step.ts';
import type { StageOf } from '../graph/contact-filter.ts';
import type { CommandId } from '../commands/registry.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { ContactForm } from './ContactForm.tsx';
import { DealForm } from './forms/DealForm.tsx';
import { Dialog } from './forms/Dialog.tsx';
import { EditContactForm } from './forms/EditContactForm.tsx';
import { PickContactForm } from './forms/PickContactForm.tsx';
import { ThankForm } from './forms/ThankForm.tsx';
import { TouchForm } from './forms/TouchForm.tsx';

export type DialogState =
  | { kind: 'palette' }
  | { kind: 'settings' }
  | { kind: 'add' }
  | { kind: 'edit' | 'delete' | 'touch' | 'deal' | 'referral' | 'merge' | 'influence' | 'partner'; contactId: string }
  | { kind: 'thank'; tieId: string };

type Props = {
  state: DialogState;
  /** Where edits go: the host runs them. */
  ctx: EditContext;
  docs: SphereDocs;
  stageOf: StageOf;
  settings: SettingsDoc;
  hasSelection: boolean;
  /** Runs an edit through the history and tells the user what happened. */
  perform(edit: () => Promise<Reversible | null>, message?: string): Promise<void>;
  select(id: string | null): void;
  runCommand(id: CommandId): void;
  onClose(): void;
};

export function ActiveDialog({ state, ctx, docs, stageOf, settings, hasSelection, perform, select, runCommand, onClose }: Props) {
  if (state.kind === 'settings') {
    return <SettingsForm settings={settings} onClose={onClose} onSave={(changes) => perform(() => updateSettings(ctx, changes))} />;
  }
  if (state.kind === 'palette') return <CommandPalette hasSelection={hasSelection} onRun={runCommand} onClose={onClose} />;
  if (state.kind === 'add') {
    return <ContactForm onClose={onClose} onSave={(fields) => perform(async () => {
      const { contactId, step } = await addContact(ctx, fields);
      select(contactId);
      return step;
    }, `Added ${fields.name}.`)} />;
  }
  if (state.kind === 'thank') {
    const tie = docs.ties.find((t) => t.id === state.tieId);
    if (!tie) return null;
    const name = (id: string) => docs.contacts.find((c) => c.id === id)?.name ?? 'someone';
    return <ThankForm referrer={name(tie.from)} referred={name(tie.to)} onClose={onClose} onSave={(reward) => perform(() => rewardReferral(ctx, tie.id, reward))} />;
  }
  const contact = docs.contacts.find((c) => c.id === state.contactId);
  if (!contact) return null;
  const others = docs.contacts.filter((c) => c.id !== contact.id);
  switch (state.kind) {
    case 'edit':
      return <EditContactForm contact={contact} onClose={onClose} onSave={(changes) => perform(() => updateContact(ctx, contact.id, changes))} />;
    case 'delete': {
      const ties = docs.ties.filter((t) => t.from === contact.id || t.to === contact.id).length;
      return (
        <Dialog title={`Delete ${contact.name}?`} testId="delete-confirm" onClose={onClose}>
          <p>{ties > 0 ? `${contact.name} has ${ties} tie${ties === 1 ? '' : 's'} (referrals, influence, partners, personal); they will be removed too.` : `${contact.name} has no ties.`} Touches and deals stay in the history. You can undo this.</p>
          <div className="actions">
            <button type="button" onClick={onClose} autoFocus>Keep</button>
            <button type="button" className="danger" data-testid="delete-confirm-yes" onClick={() => {
              onClose();
              select(null);
              void perform(() => deleteContact(ctx, contact.id));
            }}>Delete</button>
          </div>
        </Dialog>
      );
    }
    case 'touch':
      return <TouchForm name={contact.name} onClose={onClose} onSave={(input) => perform(() => logTouch(ctx, { contactId: contact.id, ...input }))} />;
    case 'deal': {
      const referrals = docs.ties.filter((t) => t.kind === 'referral' && t.to === contact.id).map((tie) => ({ tie, referrerName: docs.contacts.find((c) => c.id === tie.from)?.name ?? 'someone' }));
      return <DealForm name={contact.name} referrals={referrals} onClose={onClose} onSave={(input) => perform(() => recordDeal(ctx, { contactId: contact.id, ...input }))} />;
    }
    case 'referral':
      return <PickContactForm title={`${contact.name} referred…`} label="Who did they refer?" action="Record referral" testId="referral-form" candidates={others} withNote onClose={onClose}
        onSave={(otherId, note) => perform(() => recordReferral(ctx, { from: contact.id, to: otherId, note }))} />;
    case 'merge':
      return <PickContactForm title={`Merge a duplicate into ${contact.name}`} label="Which record is the same person?" action="Merge" testId="merge-form" candidates={others} onClose={onClose}
        onSave={(otherId) => perform(() => mergeContacts(ctx, contact.id, otherId))} />;
    case 'influence':
      return <PickContactForm title={`${contact.name} influences…`} label="Who do they influence?" action="Link" testId="influence-form" candidates={others} onClose={onClose}
        onSave={(otherId) => perform(() => linkContacts(ctx, 'influence', contact.id, otherId))} />;
    case 'partner':
      return <PickContactForm title={`A customer ${contact.name} shares with you`} label="Which customer?" action="Link" testId="partner-form" candidates={others.filter((c) => c.roles.includes('customer') || stageOf(c.id) !== 'prospect')} onClose={onClose}
        onSave={(otherId) => perform(() => linkContacts(ctx, 'partner', contact.id, otherId))} />;
  }
}
