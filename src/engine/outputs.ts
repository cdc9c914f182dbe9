// What the engine gives back besides the state: effects for the host to act on (e-mails,
// confetti, payouts) and immutable ledger entries, each naming the event that caused it.

interface EffectBase {
  /**
   * Derived from the causing event's id (or, for time-driven work, the moment), the effect's
   * type, the partner and what tells its effects apart: the same on every replay, so a host can
   * deliver each effect once.
   */
  readonly id: string;
  readonly partnerId: string;
  readonly at: string;
  /** The causing event, or null for time-driven work such as a review or a payout run. */
  readonly eventId: string | null;
}

/** A partner joined: the entry tier it starts in (joining is not a promotion). */
export interface JoinedEffect extends EffectBase {
  readonly type: 'partner.joined';
  readonly tier: string;
  readonly sponsorId: string | null;
  /** The programme's unlocking message for the entry tier, where it has one. */
  readonly message?: string | undefined;
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

export type Effect = JoinedEffect | TierEffect | FeatureEffect | BadgeEffect | MilestoneEffect | PayoutEffect;
export type EffectType = Effect['type'];

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** An effect as a slice emits it: the core gives it its id. */
export type EffectDraft = WithoutId<Effect>;

/** What tells apart effects of one type for one partner at one origin (event or moment). */
function effectQualifier(effect: EffectDraft): string[] {
  switch (effect.type) {
    case 'partner.joined':
    case 'payout.due':
      return [];
    case 'tier.promoted':
    case 'tier.demoted':
    case 'tier.at-risk':
    case 'tier.waitlisted':
      return [effect.to];
    case 'feature.unlocked':
    case 'feature.locked':
      return [effect.feature];
    case 'badge.awarded':
      return [effect.badge, effect.level ?? effect.period ?? String(effect.count)];
    case 'milestone.reached':
      return [effect.milestone];
    default: {
      const unknown: never = effect;
      throw new Error(`internal: effect ${JSON.stringify(unknown)}`);
    }
  }
}

function escapeIdPart(part: string): string {
  if (!/[%:@]/.test(part)) return part;
  return part.replace(/%/g, '%25').replace(/:/g, '%3A').replace(/@/g, '%40');
}

/**
 * An effect's id: its origin (the event id, or `@` and the moment for time-driven work), type,
 * partner and qualifier, each escaped so that no two distinct effects can share one.
 *
 * @example
 * effectId({ type: 'feature.unlocked', partnerId: 'p1', feature: 'dashboard', eventId: 'e1', at: '…' })
 * //=> 'e1:feature.unlocked:p1:dashboard'
 * effectId({ type: 'payout.due', partnerId: 'p1', eventId: null, at: '2025-02-15T00:00:00.000Z', … })
 * //=> '@2025-02-15T00%3A00%3A00.000Z:payout.due:p1'
 */
export function effectId(effect: EffectDraft): string {
  const origin = effect.eventId === null ? `@${escapeIdPart(effect.at)}` : escapeIdPart(effect.eventId);
  return [
    origin,
    effect.type,
    escapeIdPart(effect.partnerId),
    ...effectQualifier(effect).map(escapeIdPart),
  ].join(':');
}

/** Gives each effect its id, with a counter where one origin repeats an effect (rare: a tier left and regained at one moment). */
export class EffectIds {
  private origin: string | null = null;
  private used = new Map<string, number>();

  assign(effect: EffectDraft): Effect {
    const origin = effect.eventId ?? `@${effect.at}`;
    if (origin !== this.origin) {
      this.origin = origin;
      if (this.used.size > 0) this.used = new Map();
    }
    const base = effectId(effect);
    const seen = this.used.get(base);
    this.used.set(base, (seen ?? 0) + 1);
    const id = seen === undefined ? base : `${base}:${seen + 1}`;
    return { id, ...effect } as Effect;
  }
}

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
