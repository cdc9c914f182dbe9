// What one programme's run over the events comes to, in a form that crosses a worker boundary
// (plain data, money as strings): the cost by kind, tier and month, revenue by month, where the
// partners end up, how many moved, and each partner's earnings. Never the ledger itself.
import type { LedgerKind } from '../engine/outputs.js';

/** The ledger kinds in the order every report lists them. */
export const LEDGER_KINDS: readonly LedgerKind[] = [
  'commission',
  'referral-bonus',
  'override',
  'clawback',
  'adjustment',
];

export interface KindCost {
  readonly kind: LedgerKind;
  readonly cost: string;
  readonly entries: number;
}

export interface TierCost {
  /** The earner's tier when the entry was made. */
  readonly tier: string;
  readonly cost: string;
}

export interface MonthFigures {
  /** `2025-03`, in the baseline programme's time zone. */
  readonly month: string;
  readonly cost: string;
  /** Deal amounts closed in the month less the refunds made in it. */
  readonly revenue: string;
}

export interface TierCount {
  readonly tier: string;
  readonly partners: number;
}

export interface Movements {
  readonly promotions: number;
  readonly demotions: number;
  readonly atRisk: number;
  readonly waitlisted: number;
}

export interface WaitlistLength {
  readonly tier: string;
  /** Partners waiting at the end of the run. */
  readonly final: number;
  /** The longest the waitlist ever was. */
  readonly peak: number;
}

export interface PartnerOutcome {
  readonly id: string;
  /** The sum of the partner's ledger entries (clawbacks included). */
  readonly earned: string;
  readonly tier: string;
  readonly demotions: number;
}

export interface RejectedCount {
  readonly code: string;
  readonly events: number;
}

export interface RunOutcome {
  /** The programme as `id@version`. */
  readonly program: string;
  readonly asOf: string | null;
  readonly currency: string;
  /** The sum of every ledger entry. */
  readonly total: string;
  /** Deal amounts net of refunds, of the deals this run accepted. */
  readonly revenue: string;
  readonly byKind: readonly KindCost[];
  readonly byTier: readonly TierCost[];
  readonly byMonth: readonly MonthFigures[];
  /** How many partners hold each tier at the end, every tier of the programme listed. */
  readonly tiers: readonly TierCount[];
  readonly movements: Movements;
  /** One per tier with a capacity. */
  readonly waitlists: readonly WaitlistLength[];
  /** Ordered by id. */
  readonly partners: readonly PartnerOutcome[];
  readonly entries: number;
  readonly rejected: readonly RejectedCount[];
}
