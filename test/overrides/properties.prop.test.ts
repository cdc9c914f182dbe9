// Override properties on generated sponsor trees and event streams, under a three-level plan
// with and without compression, with caps, and on the seller's commission. Each deal's override
// entries are recomputed by a small independent model (levels walked up the sponsor chain, the
// tier each upline holds once the deal is applied, its own deals this month counted from the
// stream, rate × basis rounded half-even, the caps' room), and the structure is checked on the
// final ledger: earners are strict uplines at a distance at least their level, levels distinct.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/create-engine.js';
import type { LedgerEntry } from '../../src/engine/outputs.js';
import { type EngineState, partnerOf } from '../../src/engine/state.js';
import { Decimal } from '../../src/money/decimal.js';
import type { OverridesDefinition } from '../../src/program/schema.js';
import { checkInvariants } from '../../src/testing/index.js';
import { sisoWith } from '../support/scenario.js';
import { quickTiers, teamStream } from './team-stream.js';

const SEED = 42;
const NUM_RUNS = 40;
/** The tiers, lowest first. */
const TIER_ORDER = ['starter', 'active', 'performer', 'elite'];

/** Level 3 pays only an upline with a deal of its own this month (the activity gate). */
const LEVELS: OverridesDefinition['levels'] = [
  { level: 1, rate: '0.10', minTier: 'active' },
  { level: 2, rate: '0.05', minTier: 'performer' },
  {
    level: 3,
    rate: '0.025',
    minTier: 'starter',
    eligibility: { all: [{ fact: 'monthDeals', operator: 'greaterThanInclusive', value: 1 }] },
  },
];

const PLANS: Record<string, OverridesDefinition> = {
  plain: { basis: 'deal-amount', compression: false, levels: LEVELS },
  compressed: { basis: 'deal-amount', compression: true, levels: LEVELS },
  capped: {
    basis: 'deal-amount',
    compression: true,
    levels: LEVELS,
    caps: { perDeal: '150.00', perPartnerPerPeriod: { amount: '300.00', period: 'month' } },
  },
  'on commission, capped': {
    basis: 'commission',
    compression: false,
    levels: LEVELS,
    caps: { perDeal: '20.00', perPartnerPerPeriod: { amount: '50.00', period: 'month' } },
  },
};

interface DealSeen {
  readonly partnerId: string;
  readonly amount: Decimal;
  readonly month: string;
  refunded: Decimal;
}

/** What the model remembers while it walks the stream. */
interface Memory {
  readonly deals: Map<string, DealSeen>;
  /**
   * Overrides kept by partner and month: paid, less what refunds in that same month clawed back
   * of overrides paid in it (a refund gives the room back).
   */
  readonly earnedByMonth: Map<string, Decimal>;
}

type Expected = { partnerId: string; level: number; amount: string };

const round = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);

function uplinesOf(state: EngineState, partnerId: string): string[] {
  const upline: string[] = [];
  let id = partnerOf(state, partnerId)?.sponsorId ?? null;
  while (id !== null) {
    upline.push(id);
    id = partnerOf(state, id)?.sponsorId ?? null;
  }
  return upline;
}

/** The partner's counted deals closed in `month`, from the stream so far. */
function monthDeals(memory: Memory, partnerId: string, month: string): number {
  let count = 0;
  for (const deal of memory.deals.values())
    if (deal.partnerId === partnerId && deal.month === month && deal.refunded.lessThan(deal.amount)) count++;
  return count;
}

function eligible(plan: OverridesDefinition, level: number, tier: number, active: boolean): boolean {
  const definition = plan.levels[level - 1];
  if (!definition || tier < TIER_ORDER.indexOf(definition.minTier)) return false;
  return definition.eligibility === undefined || active;
}

/** Pairs levels with uplines as the programme describes, with or without compression. */
function earners(
  plan: OverridesDefinition,
  state: EngineState,
  memory: Memory,
  seller: string,
  month: string,
) {
  const uplines = uplinesOf(state, seller);
  const pairs: Array<{ level: number; partnerId: string }> = [];
  let next = 0;
  for (const { level } of plan.levels) {
    while (next < uplines.length) {
      const partnerId = uplines[next++] as string;
      const tier = partnerOf(state, partnerId)?.tier ?? -1;
      if (eligible(plan, level, tier, monthDeals(memory, partnerId, month) >= 1)) {
        pairs.push({ level, partnerId });
        break;
      }
      if (!plan.compression) break;
    }
  }
  return pairs;
}

/** The most an upline may still earn from this deal under the caps, or undefined with none. */
function roomLeft(plan: OverridesDefinition, usedThisMonth: Decimal): Decimal | undefined {
  const rooms: Decimal[] = [];
  if (plan.caps?.perDeal !== undefined) rooms.push(new Decimal(plan.caps.perDeal));
  const perPeriod = plan.caps?.perPartnerPerPeriod;
  if (perPeriod !== undefined) rooms.push(new Decimal(perPeriod.amount).minus(usedThisMonth));
  return rooms.length === 0 ? undefined : Decimal.min(...rooms);
}

/** The override entries a deal should make, and the model's memory of them. */
function expectedOverrides(
  plan: OverridesDefinition,
  state: EngineState,
  memory: Memory,
  deal: { partnerId: string; amount: string; month: string; commission: string },
): Expected[] {
  const basis = new Decimal(plan.basis === 'commission' ? deal.commission : deal.amount);
  const expected: Expected[] = [];
  for (const { level, partnerId } of earners(plan, state, memory, deal.partnerId, deal.month)) {
    const key = `${partnerId}\u0000${deal.month}`;
    const used = memory.earnedByMonth.get(key) ?? new Decimal(0);
    const room = roomLeft(plan, used);
    // A cap with no room left makes no entry; an amount that rounds to 0.00 is still an entry.
    if (room?.isZero()) continue;
    const rate = new Decimal(plan.levels[level - 1]?.rate ?? '0');
    const exact = round(rate.times(basis));
    const amount = room === undefined ? exact : Decimal.min(exact, room);
    memory.earnedByMonth.set(key, used.plus(amount));
    expected.push({ partnerId, level, amount: amount.toFixed(2) });
  }
  return expected;
}

/** Reversals of overrides in the month they were paid take their amount off the month's use. */
function giveBackRoom(memory: Memory, made: readonly LedgerEntry[], month: string): void {
  for (const entry of made) {
    if (!entry.reverses?.includes(':override:')) continue;
    const key = `${entry.partnerId}\u0000${month}`;
    memory.earnedByMonth.set(key, (memory.earnedByMonth.get(key) ?? new Decimal(0)).plus(entry.amount));
  }
}

/** Folds the stream event by event, checking each deal's overrides against the model. */
function foldAndCompare(engine: Engine, plan: OverridesDefinition, stream: readonly unknown[]) {
  const memory: Memory = { deals: new Map(), earnedByMonth: new Map() };
  let state = engine.initialState();
  for (const input of stream) {
    const result = engine.apply(state, input);
    if (!result.ok) throw new Error(`rejected ${JSON.stringify(input)}: ${result.error.message}`);
    state = result.state;
    const event = input as Record<string, string>;
    if (event.type === 'deal.refunded') {
      const deal = memory.deals.get(event.dealId as string);
      if (deal) deal.refunded = deal.refunded.plus(event.amount as string);
      if (deal && deal.month === (event.at as string).slice(0, 7))
        giveBackRoom(memory, result.ledger, deal.month);
    }
    if (event.type !== 'deal.closed') continue;
    const month = (event.at as string).slice(0, 7);
    const made = result.ledger.filter((entry) => entry.dealId === event.dealId);
    const commission = made.find((entry) => entry.kind === 'commission')?.amount ?? '0.00';
    const deal = { partnerId: event.partnerId as string, amount: event.amount as string, month, commission };
    const expected = expectedOverrides(plan, state, memory, deal);
    const actual = made
      .filter((entry) => entry.kind === 'override')
      .map(({ partnerId, level, amount }) => ({ partnerId, level, amount }));
    expect(actual, `overrides of ${event.dealId}`).toEqual(expected);
    memory.deals.set(event.dealId as string, {
      partnerId: deal.partnerId,
      amount: new Decimal(deal.amount),
      month,
      refunded: new Decimal(0),
    });
  }
  return state;
}

/**
 * Earners are strict uplines of the seller at a distance of at least their level (exactly it
 * without compression); one level and one earner at most once per deal; caps never passed.
 */
function checkStructure(plan: OverridesDefinition, state: EngineState, ledger: readonly LedgerEntry[]) {
  const byDeal = new Map<string, LedgerEntry[]>();
  for (const entry of ledger.filter((item) => item.kind === 'override'))
    byDeal.set(entry.dealId, [...(byDeal.get(entry.dealId) ?? []), entry]);
  for (const entries of byDeal.values()) {
    const levels = entries.map((entry) => entry.level);
    expect(new Set(levels).size).toBe(levels.length);
    expect(new Set(entries.map((entry) => entry.partnerId)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.partnerId, `${entry.id}: no override from one's own deal`).not.toBe(entry.sourcePartnerId);
      const distance = uplinesOf(state, entry.sourcePartnerId).indexOf(entry.partnerId) + 1;
      expect(distance, `${entry.id}: earner is an upline of the seller`).toBeGreaterThan(0);
      expect(distance).toBeGreaterThanOrEqual(entry.level ?? Number.POSITIVE_INFINITY);
      if (!plan.compression) expect(distance).toBe(entry.level);
      if (plan.caps?.perDeal)
        expect(new Decimal(entry.amount).lessThanOrEqualTo(plan.caps.perDeal)).toBe(true);
    }
  }
  const perPeriod = plan.caps?.perPartnerPerPeriod;
  if (perPeriod === undefined) return;
  // What each partner keeps of the overrides paid in a month: paid, less reversals made in that
  // same month (a reversal in a later month leaves the month's cap as it was).
  const paidIn = new Map(
    ledger.filter((item) => item.kind === 'override').map((item) => [item.id, item.at.slice(0, 7)]),
  );
  const byMonth = new Map<string, Decimal>();
  for (const entry of ledger) {
    const month = entry.kind === 'override' ? paidIn.get(entry.id) : paidIn.get(entry.reverses ?? '');
    if (month === undefined || entry.at.slice(0, 7) !== month) continue;
    const key = `${entry.partnerId} ${month}`;
    byMonth.set(key, (byMonth.get(key) ?? new Decimal(0)).plus(entry.amount));
  }
  for (const [key, total] of byMonth)
    expect(total.lessThanOrEqualTo(perPeriod.amount), `${key}: ${total} over the cap`).toBe(true);
}

describe.each(Object.entries(PLANS))('overrides on generated streams: %s', (_name, plan) => {
  const engine = createEngine(sisoWith({ tiers: quickTiers, overrides: plan }));

  it('pays each deal what the levels, tiers, activity gate and caps say, to uplines only', () => {
    fc.assert(
      fc.property(teamStream, (stream) => {
        const state = foldAndCompare(engine, plan, stream);
        const result = engine.replay(stream);
        expect(JSON.stringify(result.state)).toBe(JSON.stringify(state));
        checkStructure(plan, result.state, result.ledger);
        expect(checkInvariants(engine, result)).toEqual([]);
      }),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});
