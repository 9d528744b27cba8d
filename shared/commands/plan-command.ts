// Process: any (pure). Which planner each domain command has: the one list the host runs commands from.
import type { DomainCommand, DomainCommandType, CommandOf } from './domain-command.ts';
import type { Plan, PlanEnv, SphereReader } from './plan.ts';
import { planAddContact, planDeleteContact, planMergeContacts, planMoveContact, planUpdateContact } from './contact-commands.ts';
import { planLinkContacts, planLogTouch, planRecordDeal, planRecordReferral, planRewardReferral } from './relationship-commands.ts';
import { planUpdateSettings } from './settings-command.ts';
import { planLoadSample } from './sample-command.ts';
import { planDeleteDeal, planUpdateDeal } from './deal-commands.ts';

type Planner<T extends DomainCommandType> = (read: SphereReader, cmd: CommandOf<T>, env: PlanEnv) => Plan | null;

const PLANNERS: { [T in DomainCommandType]: Planner<T> } = {
  'contact.add': planAddContact,
  'contact.update': planUpdateContact,
  'contact.move': planMoveContact,
  'contact.delete': planDeleteContact,
  'contact.merge': planMergeContacts,
  'touch.log': planLogTouch,
  'deal.record': planRecordDeal,
  'referral.record': planRecordReferral,
  'referral.reward': planRewardReferral,
  'tie.link': planLinkContacts,
  'settings.update': planUpdateSettings,
  'sample.load': planLoadSample,
  'deal.update': planUpdateDeal,
  'deal.delete': planDeleteDeal,
};

/** Null: the command would change nothing. */
export function planCommand(read: SphereReader, cmd: DomainCommand, env: PlanEnv): Plan | null {
  return (PLANNERS[cmd.type] as Planner<DomainCommandType>)(read, cmd as CommandOf<DomainCommandType>, env);
}
