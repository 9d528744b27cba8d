// Process: any (pure). The vocabulary of a relationship marketing sphere.

/** Relationship depth, innermost first: the Know → Like → Trust life cycle, plus prospects not yet known. */
export const RINGS = ['trust', 'like', 'know', 'prospect'] as const;
export type Ring = (typeof RINGS)[number];

export const RING_LABELS: Record<Ring, string> = {
  trust: 'Trust',
  like: 'Like',
  know: 'Know',
  prospect: 'Prospects',
};

/** Who a contact is to you. Every contact has exactly one. */
export const CATEGORIES = ['family', 'business', 'friends', 'acquaintance', 'servicers'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  family: 'Family',
  business: 'Business',
  friends: 'Friends',
  acquaintance: 'Acquaintance',
  servicers: 'Servicers',
};

/** The relationships worth nurturing; a contact can hold several. */
export const ROLES = ['customer', 'centerOfInfluence', 'hostBeneficiary', 'servicer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  customer: 'Customer',
  centerOfInfluence: 'Center of influence',
  hostBeneficiary: 'Host-beneficiary partner',
  servicer: 'Vendor or servicer',
};

/** Customer life cycle: acquisition → first-time → repeat → lifetime, or churned. */
export const CUSTOMER_STAGES = ['prospect', 'firstTime', 'repeat', 'lifetime', 'churned'] as const;
export type CustomerStage = (typeof CUSTOMER_STAGES)[number];

export const TIE_KINDS = ['referral', 'influence', 'partner', 'personal'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export const TOUCH_KINDS = [
  'call', 'meeting', 'message', 'email', 'social', 'gift', 'event', 'referralAsk', 'thankYou', 'stageChange',
] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

export function isRing(value: unknown): value is Ring {
  return typeof value === 'string' && (RINGS as readonly string[]).includes(value);
}

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}
