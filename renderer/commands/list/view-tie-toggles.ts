// Process: renderer. Switch each kind of tie on or off, from the palette as well as from the legend's checkboxes.
import type { TieKind } from '../../../shared/domain/sphere.ts';
import type { CommandId } from '../../../shared/command-specs.ts';
import { defineCommand } from '../command.ts';

const toggle = (id: CommandId, kind: TieKind) =>
  defineCommand(id, {
    run(app) {
      app.toggleTies(kind);
      app.say(`${kind[0]!.toUpperCase()}${kind.slice(1)} ties ${app.visibleTies[kind] ? 'hidden' : 'shown'}.`);
    },
  });

export const referralTies = toggle('view.tiesReferral', 'referral');
export const influenceTies = toggle('view.tiesInfluence', 'influence');
export const partnerTies = toggle('view.tiesPartner', 'partner');
export const personalTies = toggle('view.tiesPersonal', 'personal');
