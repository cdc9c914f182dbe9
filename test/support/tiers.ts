// Shared givens for the tier tests: the SISO unlocks and messages written out by hand from
// SISO-PROGRAM.md (never read from the programme under test), builders for runs of deals, and
// variant programmes with a smaller Elite.
import type { Effect, TierEffect } from '../../src/engine/outputs.js';
import type { Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, type Outcome, sisoWith } from './scenario.js';

/** SISO-PROGRAM.md, "Unlocks": each tier's own unlocks, in the table's order. */
export const OWN_UNLOCKS = {
  starter: ['dashboard', 'training-hub', 'marketing-kit', 'commission-tracker', 'support-faq', 'support-chat'],
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
  performer: 'Reach 25 deals to join our ELITE partner program with co-marketing and custom deal opportunities!',
  elite: "Welcome to the SISO Elite Partner Program - you're now part of our strategic growth team!",
} as const;

const HOUR_MS = 3_600_000;

export interface DealRun {
  /** First deal's instant (ISO, or a date meaning midnight UTC). */
  readonly from: string;
  /** Deals to close, numbered `${partnerId}-d${first}` onwards. */
  readonly count: number;
  readonly amount?: string;
  /** Number of the first deal (default 1), so a later run continues the numbering. */
  readonly first?: number;
  /** Time between deals (default one hour). */
  readonly everyHours?: number;
}

/**
 * `count` deal.closed events for one partner, one every `everyHours` from `from`; deal ids are
 * `${partnerId}-d1`, `${partnerId}-d2`, ... and event ids `e-${dealId}`.
 */
export function dealRun(partnerId: string, run: DealRun): ReturnType<typeof events.deal>[] {
  const start = Date.parse(run.from.includes('T') ? run.from : `${run.from}T00:00:00Z`);
  const first = run.first ?? 1;
  const step = (run.everyHours ?? 1) * HOUR_MS;
  return Array.from({ length: run.count }, (_, index) =>
    events.deal(
      partnerId,
      `${partnerId}-d${first + index}`,
      run.amount ?? '1000.00',
      new Date(start + index * step).toISOString(),
    ),
  );
}

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
      effect.partnerId === partnerId && (effect.type.startsWith('tier.') || effect.type.startsWith('feature.')),
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

/** SISO with the Elite tier's capacity replaced (SISO-PROGRAM.md: 20 places). */
export function sisoWithEliteCapacity(capacity: number): Program {
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
  const elite = tiers[3];
  if (!elite) throw new Error('SISO has four tiers');
  elite.capacity = capacity;
  return sisoWith({ tiers });
}
