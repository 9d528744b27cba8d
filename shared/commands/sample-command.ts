// Process: any (pure). The sample sphere, added in one step: one transaction, one undo.
import { generateSphere } from '../sample-sphere.ts';
import type { CommandOf } from './domain-command.ts';
import { put, type Plan, type PlanEnv, type SphereReader } from './plan.ts';

export const SAMPLE_AUTHOR = 'sample';

export function planLoadSample(_read: SphereReader, cmd: CommandOf<'sample.load'>, env: PlanEnv): Plan {
  const sample = generateSphere({ seed: 2026, contacts: cmd.size ?? 300, now: env.now, owner: SAMPLE_AUTHOR });
  return {
    label: `load the sample sphere (${sample.contacts.length} people)`,
    writes: [
      ...sample.contacts.map((d) => put('contacts', d)),
      ...sample.ties.map((d) => put('ties', d)),
      ...sample.touches.map((d) => put('touches', d)),
      ...sample.deals.map((d) => put('deals', d)),
    ],
  };
}
