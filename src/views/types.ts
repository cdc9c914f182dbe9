// What people see, as plain data: the partner's page (`partnerView`) and the programme
// manager's overview (`programmeOverview`). Money is the contract's strings, rates decimal
// strings ("0.22"), times ISO-8601; every sentence is written for the person reading it.
import type { PartnerStatus } from '../engine/state.js';

/** One condition of a tier rule, in words a partner understands. */
export interface RequirementView {
  /** "Close 3 deals", "Complete the certification training". */
  readonly label: string;
  /** Where the partner stands: "2 of 3 deals", "not completed yet". */
  readonly progress: string;
  /** What is left to do, when not met: "Close 1 more deal". */
  readonly remaining: string | null;
  /** The fact the rule reads, and the values compared (numbers, or what the rule names). */
  readonly fact: string;
  readonly current: unknown;
  readonly target: unknown;
  readonly met: boolean;
}

export interface TierCard {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  /** The commission rate the tier pays on the partner's own deals ("0.22"). */
  readonly rate: string;
  readonly status: PartnerStatus;
  /** Set when the tier is at risk: the next review and what keeps the tier through it. */
  readonly atRisk: {
    readonly reviewAt: string;
    /** The review periods the partner may still miss before losing the tier (0: the next decides). */
    readonly missesLeft: number;
    readonly keep: readonly RequirementView[];
    /** The tier lost if the review is not met. */
    readonly fallsTo: string | null;
  } | null;
}

export interface NextTierView {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly rate: string;
  readonly referralBonusRate: string | null;
  /** The features the next tier adds. */
  readonly unlocks: readonly string[];
}

export interface ProgressView {
  /** Null at the top tier. */
  readonly next: NextTierView | null;
  readonly requirements: readonly RequirementView[];
  /** 0 to 100, whole: how far toward the next tier (100 at the top, and when waiting for a place). */
  readonly percent: number;
  /** The message that fits where the partner stands (the next step, the queue, the top). */
  readonly message: string;
  /**
   * The programme's unlocking message for the next tier, while it still fits: before any of the
   * next tier's requirements is met (it describes the whole way there); null after.
   */
  readonly unlockingMessage: string | null;
  /** Set while the partner qualifies for a tier with no free place. */
  readonly waitlist: { readonly tier: string; readonly place: number; readonly of: number } | null;
}

export interface BadgeEarned {
  readonly id: string;
  readonly name: string;
  /** How many times it was awarded (repeatable badges), and when first. */
  readonly count: number;
  readonly firstAt: string;
}

export interface BadgeWithinReach {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** What is still missing, in words ("1 more deal"). */
  readonly missing: readonly RequirementView[];
}

export interface CommissionTracker {
  readonly currency: string;
  readonly earned: string;
  readonly pending: string;
  readonly payable: string;
  readonly paid: string;
  readonly clawedBack: string;
  /** The next payout run (null before the first event) and what it would pay. */
  readonly nextPayout: {
    readonly at: string | null;
    readonly expected: string;
    readonly reachesMinimum: boolean;
    readonly minimum: string;
  };
}

export interface LeaderboardPosition {
  /** The board ranked: this month's revenue among the partners of the same tier. */
  readonly period: string;
  readonly metric: 'revenue';
  readonly tier: string;
  /** Null when the partner has not sold this month. */
  readonly rank: number | null;
  readonly of: number;
  readonly value: string;
  /** How much more revenue reaches the next better rank; null at rank 1 or unranked. */
  readonly gapToNext: string | null;
}

export interface TeamSummary {
  readonly size: number;
  readonly directSubPartners: number;
  readonly sellingSubPartners: number;
  /** What the team sold, all time. */
  readonly revenue: string;
  /** What the team sold this month. */
  readonly revenueThisMonth: string;
}

export interface FeaturesView {
  readonly unlocked: readonly string[];
  /** Each feature still locked, with the tier that opens it. */
  readonly locked: readonly { readonly feature: string; readonly tier: string; readonly tierName: string }[];
}

/** Everything a partner's dashboard shows. */
export interface PartnerView {
  readonly partnerId: string;
  readonly asOf: string;
  readonly tier: TierCard;
  readonly progress: ProgressView;
  readonly badges: {
    readonly earned: readonly BadgeEarned[];
    readonly withinReach: readonly BadgeWithinReach[];
  };
  readonly commissions: CommissionTracker;
  readonly leaderboard: LeaderboardPosition;
  /** Null for a partner without sub-partners. */
  readonly team: TeamSummary | null;
  readonly features: FeaturesView;
}

export interface PartnerLack {
  readonly partnerId: string;
  readonly tier: string;
  /** What the partner lacks, in words. */
  readonly missing: readonly RequirementView[];
}

/** What a programme manager acts on. */
export interface ProgrammeOverview {
  readonly asOf: string;
  readonly currency: string;
  readonly partners: number;
  /** Partners by tier (in programme order) and status. */
  readonly byTier: readonly {
    readonly tier: string;
    readonly name: string;
    readonly good: number;
    readonly atRisk: number;
    readonly waitlisted: number;
  }[];
  /** At-risk partners: the tier, the review date and what they lack to keep it. */
  readonly atRisk: readonly (PartnerLack & { readonly reviewAt: string })[];
  /**
   * Partners one requirement away from their next tier, and near it: one action left (a
   * training), or at most a fifth of a target (and at least one deal): 2 of 3 deals, 8 of 10.
   */
  readonly closeToPromotion: readonly (PartnerLack & { readonly next: string })[];
  /** Partners whose deals would qualify them for the next tier but another requirement holds back. */
  readonly heldBack: readonly (PartnerLack & { readonly next: string; readonly deals: number })[];
  /** This month's revenue leaders, per tier (ties share the rank). */
  readonly leaders: readonly {
    readonly tier: string;
    readonly period: string;
    readonly rows: readonly { readonly rank: number; readonly partnerId: string; readonly value: string }[];
  }[];
  readonly money: {
    readonly earned: string;
    readonly pending: string;
    readonly payable: string;
    readonly paid: string;
    readonly clawedBack: string;
    /** pending + payable: what the company owes, due now or later. */
    readonly owed: string;
    readonly nextPayoutRun: { readonly at: string | null; readonly total: string; readonly partners: number };
  };
  /** Tiers with a capacity: places held and the queue, first come first served. */
  readonly capacity: readonly {
    readonly tier: string;
    readonly places: number;
    readonly held: number;
    readonly waitlist: readonly string[];
  }[];
}
