// Shared givens for the tier tests: the SISO unlocks and messages written out by hand from
// SISO-PROGRAM.md (never read from the programme under test), builders for runs of deals,
// variant programmes, and the random event streams the tier properties run on.
import fc from 'fast-check';
import type { Effect, TierEffect } from '../../src/engine/outputs.js';
import type { Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { arbitraries } from '../../src/testing/index.js';
import { events, type Outcome, sisoWith } from './scenario.js';

export { type DealRun, dealRun } from './scenario.js';

/** SISO-PROGRAM.md, "Unlocks": each tier's own unlocks, in the table's order. */
export const OWN_UNLOCKS = {
  starter: [
    'dashboard',
    'training-hub',
    'marketing-kit',
    'commission-tracker',
    'support-faq',
    'support-chat',
  ],
  active: [
    'marketing-advanced',
    'roi-calculator',
    'video-demos',
    'lead-management',
    'crm-integration',
    'lead-scoring',
    'follow-up-templates',
    'priority-support',
    'referral-bonuses',
    'success-tracking',
    'resource-library',
    'partner-community',
    'progress-tracker',
  ],
  performer: [
    'team-dashboard',
    'white-label',
    'strategic-support',
    'early-access',
    'custom-proposals',
    'team-hub',
    'custom-branding',
    'advanced-analytics',
    'deal-pipeline',
  ],
  elite: [
    'co-marketing',
    'custom-deal-structure',
    'strategic-partnership',
    'vip-support',
    'leadership-council',
    'revenue-sharing',
    'executive-dashboard',
    'campaign-manager',
    'custom-negotiations',
    'advisory-center',
    'vip-networking',
  ],
} as const;

/** The seed's unlocking messages (the Starter one says 3 sales: SISO-PROGRAM.md's decision). */
export const MESSAGES = {
  starter:
    'Complete training and make your first 3 sales to unlock ACTIVE tier with better tools and higher commissions!',
  active: 'Hit 10 deals to unlock team building tools and PERFORMER benefits worth 25%+ commissions!',
  performer:
    'Reach 25 deals to join our ELITE partner program with co-marketing and custom deal opportunities!',
  elite: "Welcome to the SISO Elite Partner Program - you're now part of our strategic growth team!",
} as const;

/** A partner who joins and completes the certification the same day, an hour apart. */
export function certifiedPartner(partnerId: string, day: string): unknown[] {
  return [
    events.joined(partnerId, `${day}T00:00:00Z`, null, `join-${partnerId}`),
    events.trained(partnerId, `${day}T01:00:00Z`, 'certification', `cert-${partnerId}`),
  ];
}

export const isTierEffect = (effect: Effect): effect is TierEffect => effect.type.startsWith('tier.');

/** The partner's tier and feature effects, in the order they happened. */
export function tierAndFeatureEffects(outcome: Outcome, partnerId: string): Effect[] {
  return outcome.effects.filter(
    (effect) =>
      effect.partnerId === partnerId &&
      (effect.type.startsWith('tier.') || effect.type.startsWith('feature.')),
  );
}

/** The features named by the partner's effects of one type, in order. */
export function featuresOf(outcome: Outcome, partnerId: string, type: 'feature.unlocked' | 'feature.locked') {
  return outcome.effects.flatMap((effect) =>
    effect.type === type && effect.partnerId === partnerId ? [effect.feature] : [],
  );
}

/** The status the run report shows (good, at-risk or waitlisted), through the public progress query. */
export function statusOf(outcome: Outcome, partnerId: string): string {
  return outcome.engine.progress(outcome.state, partnerId).status;
}

/**
 * SISO with its tiers changed in place by `change` (a deep copy of SISO's tiers): a quick variant
 * programme for one test.
 */
export function sisoWithTiers(change: (tiers: ProgramInput['tiers']) => void): Program {
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
  change(tiers);
  return sisoWith({ tiers });
}

/** A tier of a SISO copy by index (SISO has four), for changing it. */
export function tierAt(tiers: ProgramInput['tiers'], index: 0 | 1 | 2 | 3): ProgramInput['tiers'][number] {
  const tier = tiers[index];
  if (!tier) throw new Error('SISO has four tiers');
  return tier;
}

/** SISO with the Elite tier's capacity replaced (SISO-PROGRAM.md: 20 places). */
export function sisoWithEliteCapacity(capacity: number): Program {
  return sisoWithTiers((tiers) => {
    tierAt(tiers, 3).capacity = capacity;
  });
}

// --- Random streams for the property tests --------------------------------------------------

/** An event as built here: a plain object with its time. */
export type TimedEvent = { at: string } & Record<string, unknown>;

/** SISO with low thresholds and one Elite place, so small streams climb, wait and fall. */
export function tightProgram(): Program {
  const deals = (count: number) => ({ fact: 'countedDeals', operator: 'greaterThanInclusive', value: count });
  return sisoWithTiers((tiers) => {
    tierAt(tiers, 1).qualify = {
      all: [deals(1), { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' }],
    };
    tierAt(tiers, 2).qualify = { all: [deals(3)] };
    tierAt(tiers, 3).qualify = { all: [deals(4)] };
    tierAt(tiers, 3).capacity = 1;
  });
}

// Ordinary and awkward ids alike (CONTRACT.md: "__proto__" or "constructor" are plain ids).
const PARTNER_IDS = ['p0', '__proto__', 'constructor ü'];
export const START = Date.parse('2025-01-01T00:00:00Z');
export const MINUTE_MS = 60_000;

export const iso = (instant: number) => new Date(instant).toISOString();

const TIGHT = tightProgram();

/**
 * A random small stream with the programme it runs under, by name (so a counterexample prints
 * small): the testing kit's streams, three partners at most with ordinary and awkward ids, over
 * nine months so that quarter reviews pass, fail and demote; the tight programme twice as often,
 * as it reaches waitlists and freed places in short streams.
 */
export const tierStreamArbitrary: fc.Arbitrary<{ program: 'siso' | 'tight'; stream: TimedEvent[] }> = fc
  .constantFrom<'siso' | 'tight'>('siso', 'tight', 'tight')
  .chain((program) =>
    arbitraries
      .events(program === 'siso' ? sisoProgram : TIGHT, {
        partners: 3,
        months: 9,
        maxDeals: 30,
        partnerIds: PARTNER_IDS,
      })
      .map((stream) => ({ program, stream: stream as TimedEvent[] })),
  );
