// What the engine gives back besides the state: effects for the host to act on (e-mails,
// confetti, payouts) and immutable ledger entries, each naming the event that caused it.

interface EffectBase {
  readonly partnerId: string;
  readonly at: string;
  /** The causing event, or null for time-driven work such as a review or a payout run. */
  readonly eventId: string | null;
}

export interface TierEffect extends EffectBase {
  readonly type: 'tier.promoted' | 'tier.demoted' | 'tier.at-risk' | 'tier.waitlisted';
  readonly from: string | null;
  readonly to: string;
  /** The programme's unlocking message for the tier reached, where it has one. */
  readonly message?: string | undefined;
}

export interface FeatureEffect extends EffectBase {
  readonly type: 'feature.unlocked' | 'feature.locked';
  readonly feature: string;
}

export interface BadgeEffect extends EffectBase {
  readonly type: 'badge.awarded';
  readonly badge: string;
  /** How many times the partner holds it now (repeatable badges). */
  readonly count: number;
  readonly level?: string;
  readonly period?: string;
}

export interface MilestoneEffect extends EffectBase {
  readonly type: 'milestone.reached';
  readonly milestone: string;
  readonly message: string;
}

export interface PayoutEffect extends EffectBase {
  readonly type: 'payout.due';
  readonly amount: string;
  readonly currency: string;
}

export type Effect = TierEffect | FeatureEffect | BadgeEffect | MilestoneEffect | PayoutEffect;
export type EffectType = Effect['type'];

export type LedgerKind = 'commission' | 'referral-bonus' | 'override' | 'clawback' | 'adjustment';

/** Where an entry's rate came from. */
export type RateSource =
  | 'tier'
  | 'custom-terms'
  | 'deal-rate'
  | 'referral-bonus'
  | 'override-level'
  | 'retroactive'
  | 'refund';

/** One immutable money movement: `amount` is `rate × basis` rounded once to minor units. */
export interface LedgerEntry {
  readonly id: string;
  /** Who earns it. */
  readonly partnerId: string;
  readonly kind: LedgerKind;
  readonly amount: string;
  readonly currency: string;
  readonly rate: string;
  readonly basis: string;
  /** The earner's tier when the entry was made. */
  readonly tier: string;
  readonly dealId: string;
  readonly eventId: string;
  /** Whose deal it comes from. */
  readonly sourcePartnerId: string;
  readonly at: string;
  readonly programVersion: string;
  readonly rateSource: RateSource;
  /** Override level (1 = direct sub-partner's deal). */
  readonly level?: number;
  /** The entry a clawback or adjustment reverses or tops up. */
  readonly reverses?: string;
  /** When a cap cut the amount: what rate × basis would have been. */
  readonly uncapped?: string;
  /** The facts that met the earner's tier rule when the entry was made. */
  readonly tierFacts: Readonly<Record<string, unknown>>;
  /** The derivation in words, for a partner or an auditor. */
  readonly explanation: string;
}
