// What the engine gives back besides the state: effects for the host to act on (e-mails,
// confetti, payouts) and immutable ledger entries, each naming the event that caused it.

interface EffectBase {
  /**
   * Derived from the causing event's id (or, for time-driven work, the moment), the effect's
   * type, the partner and what tells its effects apart: the same on every replay, so a host can
   * deliver each effect once.
   */
  readonly id: string;
  /** The partner the effect is about. */
  readonly partnerId: string;
  /**
   * When it happened: the causing event's `at`, or the moment of time-driven work (ISO-8601, UTC).
   */
  readonly at: string;
  /** The causing event, or null for time-driven work such as a review or a payout run. */
  readonly eventId: string | null;
}

/** A partner joined: the entry tier it starts in (joining is not a promotion). */
export interface JoinedEffect extends EffectBase {
  /** Always `partner.joined`. */
  readonly type: 'partner.joined';
  /** The id of the entry tier. */
  readonly tier: string;
  /** The sponsor's id, or null. */
  readonly sponsorId: string | null;
  /** The programme's unlocking message for the entry tier, where it has one. */
  readonly message?: string | undefined;
}

/**
 * A partner's tier moved, or is threatened: promoted, demoted, at risk after a failed review, or
 * waitlisted for a full tier.
 */
export interface TierEffect extends EffectBase {
  /** Which movement. */
  readonly type: 'tier.promoted' | 'tier.demoted' | 'tier.at-risk' | 'tier.waitlisted';
  /** The tier held before (for `tier.at-risk` and `tier.waitlisted`: the tier held now). */
  readonly from: string | null;
  /**
   * The tier reached; for `tier.at-risk` the tier at risk, for `tier.waitlisted` the tier waited
   * for.
   */
  readonly to: string;
  /** The programme's unlocking message for the tier reached, where it has one. */
  readonly message?: string | undefined;
}

/**
 * A feature unlocked (on joining or a promotion) or locked by a demotion: what a host gates with
 * `engine.can`.
 */
export interface FeatureEffect extends EffectBase {
  /** Unlocked or locked. */
  readonly type: 'feature.unlocked' | 'feature.locked';
  /** The feature's id. */
  readonly feature: string;
}

/** A badge awarded to a partner. */
export interface BadgeEffect extends EffectBase {
  /** Always `badge.awarded`. */
  readonly type: 'badge.awarded';
  /** The badge's id. */
  readonly badge: string;
  /** How many times the partner holds it now (repeatable badges). */
  readonly count: number;
  /** The level's id, for a badge with levels. */
  readonly level?: string;
  /** The period's key ("2025-03"), for a badge awarded once per period or won on a leaderboard. */
  readonly period?: string;
}

/** A milestone reached: a moment worth celebrating, with no money and no tier attached. */
export interface MilestoneEffect extends EffectBase {
  /** Always `milestone.reached`. */
  readonly type: 'milestone.reached';
  /** The milestone's id. */
  readonly milestone: string;
  /** The programme's celebration message. */
  readonly message: string;
}

/**
 * A payout run found the partner's payable balance at or above the programme's minimum: the host
 * should pay it and report `payout.paid`.
 */
export interface PayoutEffect extends EffectBase {
  /** Always `payout.due`. */
  readonly type: 'payout.due';
  /** The payable balance, as a money string with the currency's places. */
  readonly amount: string;
  /** The programme's ISO 4217 currency code. */
  readonly currency: string;
}

/**
 * Something for the host to act on (an e-mail, a notification, a payout), tagged by `type`; every
 * effect names the event or moment that caused it and has an id that is the same on every replay.
 *
 * @example
 * engine.replay(events).effects.map((effect) => effect.type)
 * //=> ['partner.joined', 'feature.unlocked', … (six of them), 'badge.awarded', 'badge.awarded']
 */
export type Effect = JoinedEffect | TierEffect | FeatureEffect | BadgeEffect | MilestoneEffect | PayoutEffect;
/** The `type` of an effect. */
export type EffectType = Effect['type'];

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/**
 * An effect as a slice emits it: the core gives it its id.
 *
 * @internal
 */
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
 *
 * @internal
 */
export function effectId(effect: EffectDraft): string {
  const origin = effect.eventId === null ? `@${escapeIdPart(effect.at)}` : escapeIdPart(effect.eventId);
  let id = `${origin}:${effect.type}:${escapeIdPart(effect.partnerId)}`;
  for (const qualifier of effectQualifier(effect)) id += `:${escapeIdPart(qualifier)}`;
  return id;
}

/**
 * Gives each effect its id, with a counter where one origin repeats an effect (rare: a tier left and regained at one moment).
 *
 * @internal
 */
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

/**
 * What a ledger entry is for: a seller's commission, a sponsor's referral bonus, an upline's
 * override, a clawback after a refund, or an adjustment (such as a retroactive top-up).
 */
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

/**
 * One immutable money movement: `amount` is `rate × basis` rounded once to minor units.
 *
 * @example
 * const { id, kind, amount, rate, basis, tier, rateSource } = engine.replay(events).ledger[0]!;
 * [id, kind, amount, rate, basis, tier, rateSource]
 * //=> ['e2:commission', 'commission', '200.00', '0.20', '1000.00', 'starter', 'tier']
 */
export interface LedgerEntry {
  /**
   * The entry's id, derived from the causing event's id, the entry's kind and what tells that
   * event's entries apart (an override's level, the entry reversed): the same on every replay.
   */
  readonly id: string;
  /** Who earns it. */
  readonly partnerId: string;
  /** What the entry is for. */
  readonly kind: LedgerKind;
  /** The amount, as a money string with the currency's places (negative for a clawback). */
  readonly amount: string;
  /** The programme's ISO 4217 currency code. */
  readonly currency: string;
  /** The rate applied, as a decimal string. */
  readonly rate: string;
  /**
   * What the rate applied to (a deal amount, a commission, or a refunded part), as a money string.
   */
  readonly basis: string;
  /** The earner's tier when the entry was made. */
  readonly tier: string;
  /** The deal the entry comes from. */
  readonly dealId: string;
  /** The event that booked it. */
  readonly eventId: string;
  /** Whose deal it comes from. */
  readonly sourcePartnerId: string;
  /** When it was booked (the event's `at`). */
  readonly at: string;
  /** The programme version the deal was paid under. */
  readonly programVersion: string;
  /** Where the rate came from. */
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
