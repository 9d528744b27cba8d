// Process: any (pure). A realistic sample sphere from a seed: the same generator feeds the app's
// "Load sample sphere", the tests and the benchmarks, at any size.
import type { ContactDoc, DealDoc, TieDoc, TouchDoc } from './schemas/index.ts';
import { seededRandom, type Random } from './domain/random.ts';
import type { Category, Ring, Role, TieKind, TouchKind } from './domain/sphere.ts';

export type SampleSphere = { contacts: ContactDoc[]; ties: TieDoc[]; touches: TouchDoc[]; deals: DealDoc[] };

export type SampleOptions = {
  seed: number;
  contacts: number;
  /** Total ties; about one and a half per contact when not given. */
  ties?: number;
  /** The sample's "today"; fixed by default so a seed always gives the same sphere. */
  now?: number;
  owner?: string;
};

const DAY = 86_400_000;

const FIRST = ['Ada', 'Amara', 'Ana', 'Arjun', 'Beatriz', 'Ben', 'Carmen', 'Chen', 'Chloe', 'Dara', 'David', 'Elena', 'Emeka', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jamal', 'Jana', 'Jonas', 'Kai', 'Kenji', 'Lara', 'Leila', 'Liam', 'Lucia', 'Malik', 'Maya', 'Mei', 'Nadia', 'Nia', 'Noah', 'Olga', 'Omar', 'Paula', 'Priya', 'Rafael', 'Rosa', 'Sam', 'Sara', 'Sofia', 'Tariq', 'Tomas', 'Uma', 'Vera', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Mateo', 'Aisha', 'Oskar', 'Freya', 'Diego', 'Ingrid', 'Kofi', 'Lena'];
const LAST = ['Abara', 'Andersen', 'Banerjee', 'Becker', 'Brennan', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Fontaine', 'Garcia', 'Haddad', 'Hoffmann', 'Ibrahim', 'Ito', 'Jansen', 'Kaur', 'Kim', 'Kowalski', 'Laine', 'Lopez', 'Mahler', 'Mensah', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Olsen', 'Park', 'Patel', 'Quinn', 'Rahman', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Sato', 'Torres', 'Tran', 'Varga', 'Walsh', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Murphy', 'Nilsson', 'Reyes', 'Adeyemi', 'Byrne', 'Duarte', 'Horvat', 'Lindqvist', 'Moyo', 'Petrov', 'Suzuki', 'Wright', 'Young'];
const ORG_HEAD = ['Harbor', 'Northwind', 'Bluebird', 'Cedar', 'Summit', 'Maple', 'Lantern', 'Keystone', 'Riverside', 'Granite', 'Copper', 'Meadow', 'Beacon', 'Oak & Ash', 'Silverline', 'Brightwater', 'Foxglove', 'Ironwood'];
const ORG_TAIL: Record<Category, string[]> = {
  business: ['Realty', 'Mortgage', 'Insurance', 'Advisors', 'Title Co.', 'Legal', 'Staging', 'Property Management', 'Builders', 'Wealth Partners'],
  servicers: ['Plumbing', 'Landscaping', 'Dental', 'Auto Repair', 'Cleaning', 'Movers', 'Electric', 'Bakery', 'Fitness', 'Print Shop'],
  family: [], friends: [], acquaintance: [],
};
const TAGS = ['golf', 'school parent', 'church', 'neighbour', 'alumni', 'chamber of commerce', 'vip', 'newsletter', 'holiday card', 'book club', 'volunteer', 'dog park'];
const WEBMAIL = ['mail.example', 'inbox.example', 'post.example'];
const OPT_IN_SOURCES = ['website form', 'open house sign-in', 'event sign-up', 'asked in person'];
const TOUCH_KINDS: Exclude<TouchKind, 'stageChange'>[] = ['call', 'meeting', 'message', 'email', 'social', 'gift', 'event', 'referralAsk', 'thankYou'];
const NOTES = ['Caught up over coffee.', 'Asked about the kids.', 'Sent the market update.', 'Congratulated them on the new job.', 'Talked about their renovation.', 'Shared a vendor recommendation.', 'Left a voicemail.', 'Liked their post about the move.'];

const CATEGORY_WEIGHTS: Record<Category, number> = { business: 30, acquaintance: 25, friends: 17, servicers: 16, family: 8 };
/** Family and friends sit close in; people met once sit out in Know and among prospects. */
const RING_WEIGHTS: Record<Category, Record<Ring, number>> = {
  family: { trust: 45, like: 35, know: 15, prospect: 5 },
  friends: { trust: 25, like: 40, know: 30, prospect: 5 },
  business: { trust: 8, like: 20, know: 37, prospect: 35 },
  servicers: { trust: 10, like: 25, know: 50, prospect: 15 },
  acquaintance: { trust: 2, like: 10, know: 45, prospect: 43 },
};
const CUSTOMER_CHANCE: Record<Ring, number> = { trust: 0.6, like: 0.45, know: 0.25, prospect: 0 };
/** Typical days since the last touch: deeper rings are touched more often. */
const TOUCH_RECENCY_DAYS: Record<Ring, number> = { trust: 18, like: 40, know: 80, prospect: 110 };

const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
const pad = (n: number) => String(n).padStart(6, '0');

export function generateSphere(options: SampleOptions): SampleSphere {
  const rnd = seededRandom(options.seed);
  const now = options.now ?? Date.UTC(2026, 0, 1);
  const owner = options.owner ?? 'sample';
  const count = Math.max(0, Math.floor(options.contacts));
  const tieTarget = Math.max(0, Math.floor(options.ties ?? count * 1.5));

  const people = Array.from({ length: count }, (_, i) => makePerson(rnd, i, now, owner));
  const contacts = people.map((p) => p.contact);
  const ties = makeTies(rnd, people, tieTarget, now, owner);
  const touches: TouchDoc[] = [];
  const deals: DealDoc[] = [];

  const referralsTo = new Map<string, TieDoc[]>();
  for (const tie of ties) {
    if (tie.kind !== 'referral') continue;
    const list = referralsTo.get(tie.to);
    if (list) list.push(tie);
    else referralsTo.set(tie.to, [tie]);
  }

  for (const person of people) {
    const { contact } = person;
    const churned = person.dealCount > 0 && rnd.chance(0.08);
    // A churned customer's story ended more than a year ago: their deals and touches are all old.
    const newest = churned ? now - rnd.int(400, 900) * DAY : now;
    const touchCount = contact.ring === 'prospect' ? rnd.int(0, 2) : rnd.int(1, 6);
    for (let t = 0; t < touchCount; t++) {
      const daysAgo = Math.min(1500, Math.floor(-Math.log(1 - rnd.next()) * TOUCH_RECENCY_DAYS[contact.ring] * (t + 1)));
      const at = Math.max(contact.createdAt, newest - daysAgo * DAY);
      const touch: TouchDoc = { id: `tch-${pad(touches.length + 1)}`, contactId: contact.id, kind: rnd.pick(TOUCH_KINDS), direction: rnd.chance(0.7) ? 'outbound' : 'inbound', at, createdAt: at, updatedBy: owner };
      if (rnd.chance(0.5)) touch.note = rnd.pick(NOTES);
      touches.push(touch);
    }
    const incoming = referralsTo.get(contact.id) ?? [];
    for (let d = 0; d < person.dealCount; d++) {
      const at = Math.max(contact.createdAt, newest - rnd.int(0, 3 * 365) * DAY);
      // A realtor's commission: about $2,500 to $40,000 (evenly spread on a log scale), rounded to $50, in cents.
      const dollars = Math.exp(Math.log(2_500) + rnd.next() * Math.log(16));
      const amount = Math.round(dollars / 50) * 50 * 100;
      const deal: DealDoc = { id: `deal-${pad(deals.length + 1)}`, contactId: contact.id, amount, currency: 'USD', at, createdAt: at, updatedAt: at, updatedBy: owner };
      const referral = d === 0 ? incoming[0] : undefined;
      if (referral && rnd.chance(0.6)) {
        deal.referralId = referral.id;
      }
      deals.push(deal);
    }
  }
  return { contacts, ties, touches, deals };
}

type Person = { contact: ContactDoc; dealCount: number; weightAsReferrer: number };

function makePerson(rnd: Random, i: number, now: number, owner: string): Person {
  const category = rnd.weighted(CATEGORY_WEIGHTS);
  const ring = rnd.weighted(RING_WEIGHTS[category]);
  const first = rnd.pick(FIRST);
  const last = rnd.pick(LAST);
  const createdAt = now - rnd.int(30, 5 * 365) * DAY;
  const roles: Role[] = [];
  const isCustomer = rnd.chance(CUSTOMER_CHANCE[ring]);
  if (isCustomer) roles.push('customer');
  if (rnd.chance(category === 'business' ? 0.08 : 0.02) && ring !== 'prospect') roles.push('centerOfInfluence');
  const tails = ORG_TAIL[category];
  const organisation = tails.length > 0 ? `${rnd.pick(ORG_HEAD)} ${rnd.pick(tails)}` : undefined;
  if (category === 'business' && organisation && rnd.chance(0.07)) roles.push('hostBeneficiary');
  if (category === 'servicers') roles.push('servicer');
  const domain = organisation ? `${ascii(organisation)}.example` : rnd.pick(WEBMAIL);
  const contact: ContactDoc = {
    id: `c-${pad(i + 1)}`,
    name: `${first} ${last}`,
    category,
    ring,
    emails: rnd.chance(0.85) ? [`${ascii(first)}.${ascii(last)}@${domain}`] : [],
    phones: rnd.chance(0.7) ? [`+1 555 ${String(rnd.int(100, 999))} ${String(rnd.int(1000, 9999))}`] : [],
    tags: Array.from(new Set(Array.from({ length: rnd.int(0, 2) }, () => rnd.pick(TAGS)))),
    roles,
    createdAt,
    updatedAt: createdAt,
    updatedBy: owner,
  };
  if (organisation) contact.organisation = organisation;
  if (organisation && rnd.chance(0.6)) contact.title = rnd.pick(['Owner', 'Broker', 'Manager', 'Partner', 'Loan Officer', 'Agent', 'Director']);
  if (rnd.chance(0.4)) contact.optIn = { granted: rnd.chance(0.85), at: createdAt + rnd.int(0, 30) * DAY, source: rnd.pick(OPT_IN_SOURCES) };
  const dealCount = isCustomer ? rnd.weighted({ one: 40, few: 35, many: 25 }) : 'none';
  const deals = dealCount === 'one' ? 1 : dealCount === 'few' ? rnd.int(2, 4) : dealCount === 'many' ? rnd.int(5, 9) : 0;
  const weightAsReferrer = (roles.includes('centerOfInfluence') ? 5 : 0) + (isCustomer ? 3 : 0) + (ring === 'trust' ? 2 : 1);
  return { contact, dealCount: deals, weightAsReferrer };
}

function makeTies(rnd: Random, people: Person[], target: number, now: number, owner: string): TieDoc[] {
  const ties: TieDoc[] = [];
  if (people.length < 2) return ties;
  const ids = people.map((p) => p.contact.id);
  const referrers = people.flatMap((p) => Array<string>(p.weightAsReferrer).fill(p.contact.id));
  const influencers = people.filter((p) => p.contact.roles.includes('centerOfInfluence')).map((p) => p.contact.id);
  const partners = people.filter((p) => p.contact.roles.includes('hostBeneficiary')).map((p) => p.contact.id);
  const customers = people.filter((p) => p.contact.roles.includes('customer')).map((p) => p.contact.id);
  const close = people.filter((p) => p.contact.category === 'family' || p.contact.category === 'friends').map((p) => p.contact.id);
  const seen = new Set<string>();
  const plan: Record<TieKind, number> = { referral: 0.3, influence: 0.25, partner: 0.15, personal: 0.3 };

  const add = (kind: TieKind, from: string | undefined, to: string | undefined): boolean => {
    if (!from || !to || from === to) return false;
    const key = kind === 'personal' ? [kind, ...[from, to].sort()].join('|') : `${kind}|${from}|${to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const at = now - rnd.int(1, 4 * 365) * DAY;
    const tie: TieDoc = { id: `tie-${pad(ties.length + 1)}`, kind, from, to, at, createdAt: at, updatedAt: at, updatedBy: owner };
    if (kind === 'referral' && rnd.chance(0.45)) {
      tie.rewardedAt = Math.min(now, at + rnd.int(1, 40) * DAY);
      tie.reward = rnd.pick(['Thank-you card', 'Gift card', 'Dinner out', 'Bottle of wine', 'Flowers', 'Referral fee']);
    }
    ties.push(tie);
    return true;
  };

  for (const kind of Object.keys(plan) as TieKind[]) {
    const wanted = Math.round(target * plan[kind]);
    let made = 0;
    // Bounded retries: a small sphere may not have enough distinct pairs of a kind.
    for (let attempt = 0; made < wanted && attempt < wanted * 4; attempt++) {
      const ok =
        kind === 'referral' ? add(kind, rnd.pick(referrers), rnd.pick(ids))
        : kind === 'influence' ? add(kind, influencers.length ? rnd.pick(influencers) : undefined, rnd.pick(ids))
        : kind === 'partner' ? add(kind, partners.length ? rnd.pick(partners) : undefined, customers.length ? rnd.pick(customers) : undefined)
        : add(kind, close.length > 1 ? rnd.pick(close) : rnd.pick(ids), close.length > 1 && rnd.chance(0.7) ? rnd.pick(close) : rnd.pick(ids));
      if (ok) made++;
    }
  }
  return ties;
}
