// The order of work, written down once. An accepted event passes through the event phases in
// this order, each slice doing its part of a phase in the order the engine lists the slices; time
// passing runs the time phases. Nothing else decides what happens when.

/**
 * The phases of an accepted event:
 * - `record`: what the event says happened (a partner joined, a deal counted, a training done) is
 *   written down, with the team aggregates it moves;
 * - `promote`: a joining partner enters the first tier; partners whose facts changed are promoted
 *   as far as their facts and the tiers' capacities allow;
 * - `pay`: the event's money: commission and referral bonus of a deal, clawbacks of a refund,
 *   a payment reported;
 * - `topUp`: retroactive tier rates for deals earlier in the period of a promotion;
 * - `payTeam`: team overrides on the deal, and cap room given back by a refund;
 * - `award`: badges and milestones of partners whose facts changed.
 */
export const EVENT_PHASES = ['record', 'promote', 'pay', 'topUp', 'payTeam', 'award'] as const;

export type EventPhase = (typeof EVENT_PHASES)[number];

/**
 * The phases that settle what changed for the touched partners, by the work a slice does for
 * every event (`each`, not its reaction to an event's type). They run after each moment of
 * time-driven work (a review or a freed place promotes, badges on a new tier are judged at once),
 * and once more after the event phases when a programme's tier rules read facts that paying or
 * awarding changes (`earned`, `badges`): promotion stays immediate.
 */
export const SETTLE_PHASES: readonly EventPhase[] = ['promote', 'topUp', 'award'];

/**
 * The phases of time passing. Work due at the same moment runs in this order (CONTRACT.md):
 * hold periods ending (pending becomes payable), period ends (month results, reviews, period
 * badges), then payout runs.
 */
export const TIME_PHASES = ['holdEnded', 'periodsEnded', 'payoutRun'] as const;

export type TimePhase = (typeof TIME_PHASES)[number];
