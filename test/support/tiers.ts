// Shared givens for the tier tests: the SISO unlocks and messages written out by hand from
// SISO-PROGRAM.md (never read from the programme under test), builders for runs of deals,
// variant programmes, and the random event streams the tier properties run on.
import fc from 'fast-check';
import type { Effect, TierEffect } from '../../src/engine/outputs.js';
import type { Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
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

type StepKind = 'certification' | 'training' | 'deal' | 'refund';
interface Step {
  readonly kind: StepKind;
  readonly partner: number;
  readonly gapMinutes: number;
  readonly cents: number;
  readonly full: boolean;
  readonly pick: number;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant<StepKind>('deal'), weight: 6 },
    { arbitrary: fc.constant<StepKind>('certification'), weight: 2 },
    { arbitrary: fc.constant<StepKind>('refund'), weight: 2 },
    { arbitrary: fc.constant<StepKind>('training'), weight: 1 },
  ),
  partner: fc.nat({ max: 2 }),
  // Mostly up to ten days between events, sometimes a lull of up to five months: streams span
  // quarters, so reviews pass, fail and demote.
  gapMinutes: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 60 * 24 * 10 }), weight: 9 },
    { arbitrary: fc.integer({ min: 60 * 24 * 30, max: 60 * 24 * 150 }), weight: 1 },
  ),
  cents: fc.integer({ min: 1, max: 500_000 }),
  full: fc.boolean(),
  pick: fc.nat(),
});

interface Scenario {
  readonly program: 'siso' | 'tight';
  readonly partners: number;
  /** Sponsor of partner i: the partner of that index when it joined before i, else none. */
  readonly sponsors: readonly number[];
  readonly steps: readonly Step[];
}

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  // The tight programme twice as often: it reaches waitlists and freed places in short streams.
  program: fc.constantFrom<'siso' | 'tight'>('siso', 'tight', 'tight'),
  partners: fc.integer({ min: 1, max: 3 }),
  sponsors: fc.array(fc.nat({ max: 2 }), { minLength: 3, maxLength: 3 }),
  steps: fc.array(stepArbitrary, { minLength: 10, maxLength: 40 }),
});

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
export const iso = (instant: number) => new Date(instant).toISOString();

/** The events of a scenario, in time order and at distinct times, every reference valid. */
function buildStream(scenario: Scenario): TimedEvent[] {
  const ids = PARTNER_IDS.slice(0, scenario.partners);
  const stream: TimedEvent[] = ids.map((partnerId, index) => {
    const sponsor = scenario.sponsors[index] ?? 0;
    return events.joined(
      partnerId,
      iso(START + index * MINUTE_MS),
      sponsor < index ? ids[sponsor] : null,
      `join-${index}`,
    );
  });
  const open: Array<{ dealId: string; leftCents: number }> = [];
  let clock = START + ids.length * MINUTE_MS;
  scenario.steps.forEach((step, index) => {
    clock += step.gapMinutes * MINUTE_MS;
    const partnerId = ids[step.partner % ids.length] as string;
    const at = iso(clock);
    if (step.kind === 'certification')
      stream.push(events.trained(partnerId, at, 'certification', `s${index}`));
    if (step.kind === 'training') stream.push(events.trained(partnerId, at, 'sales-basics', `s${index}`));
    if (step.kind === 'deal') {
      stream.push(events.deal(partnerId, `d${index}`, money(step.cents), at, { id: `s${index}` }));
      open.push({ dealId: `d${index}`, leftCents: step.cents });
    }
    const refundable = open.filter((deal) => deal.leftCents > 0);
    const deal = refundable[step.pick % Math.max(1, refundable.length)];
    if (step.kind === 'refund' && deal) {
      const cents = step.full || deal.leftCents < 2 ? deal.leftCents : Math.floor(deal.leftCents / 2);
      deal.leftCents -= cents;
      stream.push(events.refund(deal.dealId, money(cents), at, `s${index}`));
    }
  });
  return stream;
}

/**
 * A random small stream with the programme it runs under, by name (so a counterexample prints
 * small): a few partners joining at the start, then certifications, other trainings, deals and
 * refunds of earlier deals, at distinct times in order, every reference valid.
 */
export const tierStreamArbitrary: fc.Arbitrary<{ program: 'siso' | 'tight'; stream: TimedEvent[] }> =
  scenarioArbitrary.map((scenario) => ({
    program: scenario.program,
    stream: buildStream(scenario),
  }));
