// What people see, as plain data: the partner's page (`partnerView`) and the programme
// manager's overview (`programmeOverview`). Money is the contract's strings, rates decimal
// strings ("0.22"), times ISO-8601; every sentence is written for the person reading it.
import type { NextPayout } from '../commissions/statement.js';
import type { PartnerStatus } from '../engine/state.js';
import type { WaitlistPlace } from '../tiers/progress.js';

/** One condition of a tier rule, in words a partner understands. */
export interface RequirementView {
  /** "Close 3 deals", "Complete the certification training". */
  readonly label: string;
  /** Where the partner stands: "2 of 3 deals", "not completed yet". */
  readonly progress: string;
  /** What is left to do, when not met: "Close 1 more deal". */
  readonly remaining: string | null;
  /** The fact the rule reads (`countedDeals`, `trainingsCompleted`). */
  readonly fact: string;
  /** The fact's value now (a number, or what the rule reads, such as the trainings done). */
  readonly current: unknown;
  /** The value the rule compares it with (3, "certification"). */
  readonly target: unknown;
  /** Whether the comparison holds now. */
  readonly met: boolean;
}

/** The tier a partner holds, its rate and standing, and what keeps it when it is at risk. */
export interface TierCard {
  /** The tier's id in the programme. */
  readonly id: string;
  /** The tier's name for people ("Active Partner"). */
  readonly name: string;
  /** 1 for the entry tier. */
  readonly rank: number;
  /** The commission rate the tier pays on the partner's own deals ("0.22"). */
  readonly rate: string;
  /** `good`, `at-risk` (a review was missed) or `waitlisted` (qualified for a full tier). */
  readonly status: PartnerStatus;
  /** Set when the tier is at risk: the next review and what keeps the tier through it. */
  readonly atRisk: {
    /** When the next review judges the tier (ISO-8601). */
    readonly reviewAt: string;
    /** The review periods the partner may still miss before losing the tier (0: the next decides). */
    readonly missesLeft: number;
    /** What keeps the tier at that review, judged on the period so far. */
    readonly keep: readonly RequirementView[];
    /** The tier lost if the review is not met. */
    readonly fallsTo: string | null;
  } | null;
}

/** A tier above the partner's: what it pays and what it opens. */
export interface NextTierView {
  /** The tier's id in the programme. */
  readonly id: string;
  /** The tier's name for people. */
  readonly name: string;
  /** 1 for the entry tier. */
  readonly rank: number;
  /** The commission rate on the partner's own deals ("0.25"). */
  readonly rate: string;
  /** The referral bonus rate on a referred partner's first deal, or null when the tier pays none. */
  readonly referralBonusRate: string | null;
  /** The features the next tier adds. */
  readonly unlocks: readonly string[];
}

/** Progress to the next tier: each requirement in words, a percentage and the message that fits. */
export interface ProgressView {
  /** Null at the top tier. */
  readonly next: NextTierView | null;
  /**
   * The tier doing what is missing would reach: the next one, or higher when the deals are
   * already there (a Starter with 12 deals certifies into Performer). Null at the top tier.
   */
  readonly reaches: NextTierView | null;
  /** The next tier's requirements (and a lower tier's a refund undid), in words. */
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
  /** Set while the partner qualifies for a tier with no free place: the tier and its place in line. */
  readonly waitlist: WaitlistPlace | null;
}

/** A badge the partner holds. */
export interface BadgeEarned {
  /** The badge's id in the programme. */
  readonly id: string;
  /** The badge's name for people ("First Sale"). */
  readonly name: string;
  /** How many times it was awarded (repeatable badges count up). */
  readonly count: number;
  /** When it was first awarded (ISO-8601). */
  readonly firstAt: string;
}

/** A badge the partner can still earn by doing more, with what it lacks. */
export interface BadgeWithinReach {
  /** The badge's id in the programme. */
  readonly id: string;
  /** The badge's name for people. */
  readonly name: string;
  /** The programme's description of the badge ("" when it has none). */
  readonly description: string;
  /** What is still missing, in words ("1 more deal"). */
  readonly missing: readonly RequirementView[];
}

/** A partner's money: what it earned, what is held, payable and paid, and the next payout. */
export interface CommissionTracker {
  /** The programme's currency (ISO 4217). */
  readonly currency: string;
  /** Every ledger entry of the partner summed, clawbacks included. */
  readonly earned: string;
  /** Earned but still in the hold period (the refund window). */
  readonly pending: string;
  /** Released from the hold and not yet paid. */
  readonly payable: string;
  /** What the host reported paid (`payout.paid`). */
  readonly paid: string;
  /** The clawbacks, as a positive amount. */
  readonly clawedBack: string;
  /** The next payout run and what it would pay (see `engine.nextPayout`). */
  readonly nextPayout: NextPayout;
}

/** Where the partner stands this month among the partners of its tier, by revenue. */
export interface LeaderboardPosition {
  /** The board ranked: this month's revenue among the partners of the same tier. */
  readonly period: string;
  /** The metric ranked: revenue. */
  readonly metric: 'revenue';
  /** The tier whose partners are ranked: the partner's own. */
  readonly tier: string;
  /** Null when the partner has not sold this month. */
  readonly rank: number | null;
  /** How many partners the board ranks. */
  readonly of: number;
  /** The partner's revenue this month. */
  readonly value: string;
  /** How much more revenue reaches the next better rank; null at rank 1 or unranked. */
  readonly gapToNext: string | null;
}

/** The partner's team: the partners who joined under it, at every level. */
export interface TeamSummary {
  /** Every partner below, all levels. */
  readonly size: number;
  /** Partners who joined with this partner as sponsor. */
  readonly directSubPartners: number;
  /** Direct sub-partners with at least one counted deal. */
  readonly sellingSubPartners: number;
  /** What the team sold, all time. */
  readonly revenue: string;
  /** What the team sold this month. */
  readonly revenueThisMonth: string;
}

/** The features the partner may use, and those a higher tier opens. */
export interface FeaturesView {
  /** Every feature the tier held opens (its own and every lower tier's). */
  readonly unlocked: readonly string[];
  /** Each feature still locked, with the tier that opens it. */
  readonly locked: readonly LockedFeature[];
}

/** A feature the partner cannot use yet. */
export interface LockedFeature {
  /** The feature's id in the programme. */
  readonly feature: string;
  /** The id of the tier that opens it. */
  readonly tier: string;
  /** That tier's name for people. */
  readonly tierName: string;
}

/** Everything a partner's dashboard shows. */
export interface PartnerView {
  /** The partner viewed. */
  readonly partnerId: string;
  /** The moment of the view (ISO-8601): the state's clock, or the `at` asked for. */
  readonly asOf: string;
  /** The tier held, its rate and standing. */
  readonly tier: TierCard;
  /** Progress to the next tier. */
  readonly progress: ProgressView;
  /** The badges earned, and up to three still within reach. */
  readonly badges: {
    /** Every badge the partner holds, in the order first awarded. */
    readonly earned: readonly BadgeEarned[];
    /** The closest badges it can still earn by doing more. */
    readonly withinReach: readonly BadgeWithinReach[];
  };
  /** The partner's money and next payout. */
  readonly commissions: CommissionTracker;
  /** This month's leaderboard row. */
  readonly leaderboard: LeaderboardPosition;
  /** Null for a partner without sub-partners. */
  readonly team: TeamSummary | null;
  /** The features open and still locked. */
  readonly features: FeaturesView;
}

/** A partner the overview names, the tier it holds and what it lacks. */
export interface PartnerLack {
  /** The partner named. */
  readonly partnerId: string;
  /** The id of the tier it holds. */
  readonly tier: string;
  /** What the partner lacks, in words. */
  readonly missing: readonly RequirementView[];
}

/** What a programme manager acts on. */
export interface ProgrammeOverview {
  /** The moment of the overview (ISO-8601); "" for a state before any event. */
  readonly asOf: string;
  /** The programme's currency (ISO 4217). */
  readonly currency: string;
  /** How many partners have joined. */
  readonly partners: number;
  /** Partners by tier (in programme order) and status. */
  readonly byTier: readonly TierHolders[];
  /** At-risk partners: the tier, the review date and what they lack to keep it. */
  readonly atRisk: readonly AtRiskPartner[];
  /**
   * Partners one requirement away from their next tier, and near it: one action left (a
   * training), or at most a fifth of a target (and at least one deal): 2 of 3 deals, 8 of 10.
   */
  readonly closeToPromotion: readonly CloseToPromotion[];
  /**
   * Partners whose deals would qualify them, held back by another requirement (a certification),
   * most deals first.
   */
  readonly heldBack: readonly HeldBack[];
  /** This month's revenue leaders, per tier (ties share the rank; no one who sold nothing). */
  readonly leaders: readonly TierLeaders[];
  /** What the company has earned out, owes and pays next. */
  readonly money: ProgrammeMoney;
  /** Tiers with a capacity: places held and the queue, first come first served. */
  readonly capacity: readonly TierPlaces[];
}

/** How many partners hold a tier, by status. */
export interface TierHolders {
  /** The tier's id. */
  readonly tier: string;
  /** The tier's name for people. */
  readonly name: string;
  /** Holding it with no review missed. */
  readonly good: number;
  /** Holding it after a missed review. */
  readonly atRisk: number;
  /** Holding it while qualified for a full tier above. */
  readonly waitlisted: number;
}

/** An at-risk partner and when its tier is judged again. */
export interface AtRiskPartner extends PartnerLack {
  /** When the next review judges the tier (ISO-8601). */
  readonly reviewAt: string;
}

/** A partner near its next tier. */
export interface CloseToPromotion extends PartnerLack {
  /** The id of the tier it would reach. */
  readonly next: string;
}

/** A partner held back by a requirement other than deals. */
export interface HeldBack extends PartnerLack {
  /** The id of the tier meeting the requirement would reach (higher than the next when the deals are there). */
  readonly next: string;
  /** Its counted deals. */
  readonly deals: number;
}

/** A tier's leaders this month. */
export interface TierLeaders {
  /** The tier's id. */
  readonly tier: string;
  /** The month ranked (`2025-03`). */
  readonly period: string;
  /** The first three ranks (more when tied). */
  readonly rows: readonly LeaderRow[];
}

/** One leader. */
export interface LeaderRow {
  /** 1 for the first; ties share a rank. */
  readonly rank: number;
  /** The partner ranked. */
  readonly partnerId: string;
  /** Its revenue this month. */
  readonly value: string;
}

/** The programme's money, over every partner. */
export interface ProgrammeMoney {
  /** Every ledger entry summed, clawbacks included. */
  readonly earned: string;
  /** Earned, still in the hold period. */
  readonly pending: string;
  /** Released and not yet paid. */
  readonly payable: string;
  /** Reported paid. */
  readonly paid: string;
  /** Clawbacks, as a positive amount. */
  readonly clawedBack: string;
  /** pending + payable: what the company owes, due now or later. */
  readonly owed: string;
  /** The next payout run: when, and what it pays to how many partners (those reaching the minimum). */
  readonly nextPayoutRun: {
    /** When it runs (ISO-8601); null before the first event. */
    readonly at: string | null;
    /** What it pays in all. */
    readonly total: string;
    /** How many partners it pays. */
    readonly partners: number;
  };
}

/** A capped tier's places and queue. */
export interface TierPlaces {
  /** The tier's id. */
  readonly tier: string;
  /** How many partners may hold it. */
  readonly places: number;
  /** How many hold it now. */
  readonly held: number;
  /** The partners waiting, first in line first. */
  readonly waitlist: readonly string[];
}
