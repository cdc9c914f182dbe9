// Properties of badges and leaderboards on random valid streams (the kit's arbitraries.events: a
// few partners under random sponsors, most certified, deals over 2025 with partial and full
// refunds, payouts and feature use):
// awarding is idempotent under replay, no award is made twice, top-performer goes to exactly the
// partners first in their tier by the month's revenue, and leaderboards depend only on the data,
// with ranks that never go down and ties that share one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import type { Effect } from '../../src/engine/outputs.js';
import { allPartners, type EngineState } from '../../src/engine/state.js';
import { Decimal } from '../../src/money/decimal.js';
import type { LeaderboardMetric } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { arbitraries } from '../../src/testing/index.js';
import { type BadgeInput, CLOSER, sisoWithBadges, TWO_IN_A_MONTH } from './givens.js';

const SEED = 42;
const NUM_RUNS = 40;
const AS_OF = '2026-02-01T00:00:00Z';
const siso = createEngine(sisoProgram);
// SISO's badges plus one repeatable per month and one with levels.
const extended = createEngine(
  sisoWithBadges(...(sisoProgram.badges as BadgeInput[]), TWO_IN_A_MONTH, CLOSER),
);
const streams = arbitraries.events(sisoProgram, { partners: 6, months: 12, maxDeals: 40 });

type Event = { id: string; type: string; at: string; partnerId?: string; dealId?: string; amount?: string };
const achievementsOf = (effects: readonly Effect[]) =>
  effects.filter((effect) => effect.type === 'badge.awarded' || effect.type === 'milestone.reached');
const awardsOf = (state: EngineState) =>
  [...allPartners(state)].map((partner) => [partner.id, partner.badges, partner.milestones]);

const MONTHS = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`);
const PERIODS = [...MONTHS, '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025', 'all-time'];
const METRICS: readonly LeaderboardMetric[] = ['revenue', 'deals', 'commission'];
const TIER_FILTERS = [undefined, ...sisoProgram.tiers.map((tier) => tier.id)];

function everyBoard(state: EngineState, limit?: number) {
  return PERIODS.flatMap((period) =>
    METRICS.flatMap((metric) =>
      TIER_FILTERS.map((tier) =>
        siso.leaderboard(state, {
          period,
          metric,
          ...(tier === undefined ? {} : { tier }),
          ...(limit === undefined ? {} : { limit }),
        }),
      ),
    ),
  );
}

describe('awarding is idempotent under replay', () => {
  it('gives identical badges, milestones and effects when the same stream is replayed again', () => {
    const property = fc.property(streams, (stream) => {
      const first = extended.replay(stream, { asOf: AS_OF });
      const second = extended.replay(stream, { asOf: AS_OF });
      expect(achievementsOf(second.effects)).toEqual(achievementsOf(first.effects));
      expect(awardsOf(second.state)).toEqual(awardsOf(first.state));
      // Every event twice: the repeats are skipped as duplicates and award nothing.
      const doubled = extended.replay([...stream, ...stream], { asOf: AS_OF });
      expect(achievementsOf(doubled.effects)).toEqual(achievementsOf(first.effects));
      // The stream again on its own state: nothing new.
      const again = extended.replay(stream, { asOf: AS_OF, state: first.state });
      expect(achievementsOf(again.effects)).toEqual([]);
      expect(awardsOf(again.state)).toEqual(awardsOf(first.state));
    });
    fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  });
});

describe('no award is made twice', () => {
  it('awards a one-time badge, a level, a period of a repeatable badge and a milestone once at most', () => {
    const oneTime = new Set(['first-sale', 'quick-starter', 'certified', 'team-builder']);
    const property = fc.property(streams, (stream) => {
      const { state, effects } = extended.replay(stream, { asOf: AS_OF });
      for (const partner of allPartners(state)) {
        const keys = partner.badges.map(
          (award) => `${award.badge}|${award.level ?? ''}|${award.period ?? ''}`,
        );
        expect(new Set(keys).size).toBe(keys.length);
        for (const badge of oneTime) {
          expect(partner.badges.filter((award) => award.badge === badge).length).toBeLessThanOrEqual(1);
        }
        expect(new Set(partner.milestones).size).toBe(partner.milestones.length);
      }
      const awards = effects.filter((effect) => effect.type === 'badge.awarded');
      expect(awards).toHaveLength([...allPartners(state)].flatMap((partner) => partner.badges).length);
      // A badge's count is how many times the partner holds it, counting up from 1.
      const seen = new Map<string, number>();
      for (const award of awards) {
        const key = `${award.partnerId}|${award.badge}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        expect(award.count).toBe(seen.get(key));
      }
    });
    fc.assert(property, { seed: SEED, numRuns: NUM_RUNS });
  });
});

describe('top-performer', () => {
  /** Each partner's revenue per month, from the events: deals net of refunds of the same month. */
  function monthRevenue(stream: readonly unknown[]): Map<string, Decimal> {
    const deals = new Map<string, { partnerId: string; month: string }>();
    const revenue = new Map<string, Decimal>();
    const add = (key: string, amount: Decimal) =>
      revenue.set(key, (revenue.get(key) ?? new Decimal(0)).plus(amount));
    for (const event of stream as readonly Event[]) {
      const month = event.at.slice(0, 7);
      if (event.type === 'deal.closed' && event.partnerId && event.dealId && event.amount) {
        deals.set(event.dealId, { partnerId: event.partnerId, month });
        add(`${event.partnerId}|${month}`, new Decimal(event.amount));
      }
      const deal = event.type === 'deal.refunded' && event.dealId ? deals.get(event.dealId) : undefined;
      // Only a refund received before the deal's month ends (in UTC, SISO's zone) counts.
      if (deal && deal.month === month && event.amount) {
        add(`${deal.partnerId}|${month}`, new Decimal(event.amount).negated());
      }
    }
    return revenue;
  }

  it('goes to exactly the partners tied first by the month’s revenue within the tier held at its end', () => {
    const property = fc.property(streams, (stream) => {
      const { effects } = siso.replay(stream, { asOf: AS_OF });
      const revenue = monthRevenue(stream);
      for (const [index, month] of MONTHS.entries()) {
        const end = new Date(Date.UTC(2025, index + 1, 1) - 1).toISOString();
        const atEnd = siso.replay(stream, { asOf: end });
        const best = new Map<string, { value: Decimal; partners: string[] }>();
        for (const partner of allPartners(atEnd.state)) {
          const value = revenue.get(`${partner.id}|${month}`) ?? new Decimal(0);
          if (!value.greaterThan(0)) continue;
          const tier = sisoProgram.tiers[partner.tier]?.id ?? '';
          const leader = best.get(tier);
          if (!leader || value.greaterThan(leader.value)) best.set(tier, { value, partners: [partner.id] });
          else if (value.equals(leader.value)) leader.partners.push(partner.id);
        }
        const expected = [...best.values()].flatMap((leader) => leader.partners).sort();
        const awarded = effects
          .filter((effect) => effect.type === 'badge.awarded' && effect.period === month)
          .map((effect) => effect.partnerId)
          .sort();
        expect(awarded).toEqual(expected);
      }
    });
    fc.assert(property, { seed: SEED, numRuns: 15 });
  });
});

describe('leaderboards', () => {
  it('depend only on the data: shuffling events with distinct times gives the same boards', () => {
    const streamAndShuffle = streams.chain((stream) =>
      fc.tuple(
        fc.constant(stream),
        fc.shuffledSubarray(stream, { minLength: stream.length, maxLength: stream.length }),
      ),
    );
    const property = fc.property(streamAndShuffle, ([stream, shuffled]) => {
      const inOrder = siso.replay(stream, { asOf: AS_OF });
      const reordered = siso.replay(shuffled, { asOf: AS_OF });
      expect(everyBoard(reordered.state)).toEqual(everyBoard(inOrder.state));
      expect(achievementsOf(reordered.effects)).toEqual(achievementsOf(inOrder.effects));
    });
    fc.assert(property, { seed: SEED, numRuns: 15 });
  });

  it('rank rows in order: ties share a rank, ranks skip the places ties take, behind is the gap', () => {
    const property = fc.property(streams, fc.integer({ min: 1, max: 6 }), (stream, limit) => {
      const { state } = siso.replay(stream, { asOf: AS_OF });
      const full = everyBoard(state);
      const limited = everyBoard(state, limit);
      for (const [boardIndex, board] of full.entries()) {
        board.rows.forEach((row, index) => {
          const previous = board.rows[index - 1];
          if (!previous) {
            expect([row.rank, row.behind]).toEqual([1, null]);
            return;
          }
          const gap = new Decimal(previous.value).minus(row.value);
          expect(gap.isNegative()).toBe(false);
          if (gap.isZero()) {
            expect(row.rank).toBe(previous.rank);
            expect(row.behind).toBe(previous.behind);
            expect(previous.partnerId < row.partnerId).toBe(true);
          } else {
            expect(row.rank).toBe(index + 1);
            expect(new Decimal(row.behind ?? 'NaN').equals(gap)).toBe(true);
          }
        });
        // The limit keeps a prefix: the first `limit` rows and every row tied with the last of them.
        const cut = limited[boardIndex]?.rows ?? [];
        const lastRank = board.rows[limit - 1]?.rank;
        expect(cut).toEqual(board.rows.filter((row, index) => index < limit || row.rank === lastRank));
      }
    });
    fc.assert(property, { seed: SEED, numRuns: 12 });
  });
});
