// What one programme's run over the events comes to, in a form that crosses a worker boundary
// (plain data, money as strings): the cost by kind, tier and month, revenue by month, where the
// partners end up, how many moved, and each partner's earnings. Never the ledger itself.
import type { LedgerKind } from '../engine/outputs.js';

/**
 * The ledger kinds in the order every report lists them.
 *
 * @internal
 */
export const LEDGER_KINDS: readonly LedgerKind[] = [
  'commission',
  'referral-bonus',
  'override',
  'clawback',
  'adjustment',
];

/** The cost of one ledger kind over a run. */
export interface KindCost {
  /** The ledger kind. */
  readonly kind: LedgerKind;
  /** Its entries summed, as a money string. */
  readonly cost: string;
  /** How many entries of the kind the run booked. */
  readonly entries: number;
}

/** The cost booked to partners of one tier over a run. */
export interface TierCost {
  /** The earner's tier when the entry was made. */
  readonly tier: string;
  /** The tier's entries summed, as a money string. */
  readonly cost: string;
}

/** One month of a run: its cost and its revenue. */
export interface MonthFigures {
  /** `2025-03`, in the baseline programme's time zone. */
  readonly month: string;
  /** The entries booked in the month, summed, as a money string. */
  readonly cost: string;
  /** Deal amounts closed in the month less the refunds made in it. */
  readonly revenue: string;
}

/** How many partners hold a tier at the end of a run. */
export interface TierCount {
  /** The tier's id. */
  readonly tier: string;
  /** Partners holding it. */
  readonly partners: number;
}

/** How many tier movements a run had, counted from its tier effects. */
export interface Movements {
  /** `tier.promoted` effects. */
  readonly promotions: number;
  /** `tier.demoted` effects. */
  readonly demotions: number;
  /** `tier.at-risk` effects. */
  readonly atRisk: number;
  /** `tier.waitlisted` effects. */
  readonly waitlisted: number;
}

/** The waitlist of a tier with a capacity, over a run. */
export interface WaitlistLength {
  /** The tier's id. */
  readonly tier: string;
  /** Partners waiting at the end of the run. */
  readonly final: number;
  /** The longest the waitlist ever was. */
  readonly peak: number;
}

/** Where one partner ends a run: its earnings, its tier, how often it was demoted. */
export interface PartnerOutcome {
  /** The partner's id. */
  readonly id: string;
  /** The sum of the partner's ledger entries (clawbacks included). */
  readonly earned: string;
  /** The tier held at the end of the run. */
  readonly tier: string;
  /** How many times the partner was demoted during the run. */
  readonly demotions: number;
}

/** How many events of a run were refused with one code. */
export interface RejectedCount {
  /** The rejection code, e.g. `UNKNOWN_PARTNER`. */
  readonly code: string;
  /** Events refused with it. */
  readonly events: number;
}

/**
 * What one programme's run over a set of events comes to, as plain data with money as strings: cost
 * by kind, tier and month, where partners end up, how many moved, each partner's earnings. The
 * ledger itself is not kept.
 */
export interface RunOutcome {
  /** The programme as `id@version`. */
  readonly program: string;
  /**
   * The instant the run went up to: the as-of time given, else its last accepted event's; null
   * for neither.
   */
  readonly asOf: string | null;
  /** The programme's ISO 4217 currency code. */
  readonly currency: string;
  /** The sum of every ledger entry. */
  readonly total: string;
  /** Deal amounts net of refunds, of the deals this run accepted. */
  readonly revenue: string;
  /**
   * Cost by ledger kind, every kind listed, in `commission, referral-bonus, override, clawback,
   * adjustment` order.
   */
  readonly byKind: readonly KindCost[];
  /** Cost by the earner's tier, every tier of the programme listed. */
  readonly byTier: readonly TierCost[];
  /** Cost and revenue by month, in month order. */
  readonly byMonth: readonly MonthFigures[];
  /** How many partners hold each tier at the end, every tier of the programme listed. */
  readonly tiers: readonly TierCount[];
  /** Tier movements during the run. */
  readonly movements: Movements;
  /** One per tier with a capacity. */
  readonly waitlists: readonly WaitlistLength[];
  /** Ordered by id. */
  readonly partners: readonly PartnerOutcome[];
  /** How many ledger entries the run booked. */
  readonly entries: number;
  /** Events the run refused, by code. */
  readonly rejected: readonly RejectedCount[];
}
