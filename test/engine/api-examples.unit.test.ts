// The `@example`s of the engine's API reference (docs/api.md), run as written: the two events
// most of them share (ana joins, then closes a 1000.00 USD deal) and what each example says the
// engine answers. A change that makes an example false fails here, not in a reader's hands.
import { describe, expect, it } from 'vitest';
import {
  allDeals,
  allPartners,
  Calendar,
  createEngine,
  dealOf,
  EngineError,
  lookup,
  partnerOf,
  partnerSummaries,
  pendingHolds,
  sisoProgram,
} from '../../src/index.js';

const engine = createEngine(sisoProgram);
const events = [
  { id: 'e1', type: 'partner.joined', at: '2025-01-02T09:00:00Z', partnerId: 'ana', sponsorId: null },
  {
    id: 'e2',
    type: 'deal.closed',
    at: '2025-01-10T09:00:00Z',
    partnerId: 'ana',
    dealId: 'd1',
    amount: '1000.00',
    currency: 'USD',
  },
];
// ben joins under ana: the leaderboard and team examples.
const benJoins = {
  id: 'e3',
  type: 'partner.joined',
  at: '2025-01-03T09:00:00Z',
  partnerId: 'ben',
  sponsorId: 'ana',
};

describe('the engine examples of the API reference', () => {
  it('Engine, ReplayResult, LedgerEntry: a Starter deal of 1000.00 earns 20 %', () => {
    // Starter's base rate is 0.20: 0.20 × 1000.00 = 200.00, one commission entry named after e2.
    const { state, ledger, rejected } = engine.replay(events);
    expect(ledger.map((entry) => [entry.id, entry.amount])).toEqual([['e2:commission', '200.00']]);
    expect(rejected).toEqual([]);
    expect(engine.can(state, 'ana', 'dashboard')).toBe(true);
    const { id, kind, amount, rate, basis, tier, rateSource } = ledger[0] ?? ({} as never);
    expect([id, kind, amount, rate, basis, tier, rateSource]).toEqual([
      'e2:commission',
      'commission',
      '200.00',
      '0.20',
      '1000.00',
      'starter',
      'tier',
    ]);
  });

  it('ApplyResult: an event for a partner who never joined is refused, the state unchanged', () => {
    const { state } = engine.replay(events);
    const result = engine.apply(state, {
      id: 'e9',
      type: 'deal.closed',
      at: '2025-01-11T00:00:00Z',
      partnerId: 'zed',
      dealId: 'd9',
      amount: '5.00',
      currency: 'USD',
    });
    expect(result.ok ? result.ledger : result.error).toEqual({
      code: 'UNKNOWN_PARTNER',
      path: 'partnerId',
      message: 'partner "zed" has not joined',
    });
    expect(result.state).toBe(state);
  });

  it('Batch and FoldOutcome: the same events in a batch book the same entry', () => {
    expect(engine.batch().apply(events[0])).toEqual({ kind: 'applied', eventId: 'e1' });
    const batch = engine.batch();
    for (const event of events) batch.apply(event);
    batch.advance('2025-02-01T00:00:00Z');
    expect(batch.result().ledger.map((entry) => entry.id)).toEqual(['e2:commission']);
  });

  it('EngineState: a saved state read back is the same state', () => {
    const saved = JSON.stringify(engine.replay(events).state);
    const state = engine.readState(JSON.parse(saved));
    expect(state.format).toBe('partner-engine/state@5');
    expect(partnerOf(state, 'ana')?.countedDeals).toBe(1);
  });

  it('the lookups: balances and amounts in minor units, the deal still held', () => {
    const { state } = engine.replay(events);
    // 200.00 earned is 20000 minor units, all pending until the 30-day hold ends.
    expect(partnerOf(state, 'ana')?.balance).toEqual({
      earned: 20000,
      pending: 20000,
      payable: 0,
      paid: 0,
      clawedBack: 0,
    });
    expect(partnerOf(state, 'nobody')).toBeUndefined();
    expect([...allPartners(state)].map((partner) => partner.id)).toEqual(['ana']);
    expect(dealOf(state, 'd1')?.amount).toBe(100000);
    expect([...allDeals(state)].map((deal) => [deal.id, deal.released])).toEqual([['d1', false]]);
    // Closed 2025-01-10T09:00Z, held 30 days: released 2025-02-09T09:00Z.
    const holds = [...pendingHolds(state)];
    expect(holds.map((hold) => [hold.dealId, new Date(hold.releaseAt).toISOString()])).toEqual([
      ['d1', '2025-02-09T09:00:00.000Z'],
    ]);
    const history = partnerOf(state, 'ana')?.history ?? {};
    expect(lookup(history, '2025-01')).toEqual({ deals: 1, revenue: 100000, commission: 20000 });
    expect(lookup(history, '__proto__')).toBeUndefined();
  });

  it('the queries: explanation, statement, next payout, progress, summaries', () => {
    const { state, ledger } = engine.replay(events);
    // 0.20 × 1000.00 = 200.00 exactly: nothing to round.
    expect(engine.explain(ledger, 'e2:commission').derivation).toEqual({
      rate: '0.20',
      basis: '1000.00',
      exact: '200.00',
      rounding: 'HALF_EVEN',
      amount: '200.00',
    });
    // Opening 0.00 + 200.00 of commission - no payout = 200.00.
    const statement = engine.statement(state, ledger, 'ana', { from: '2025-01-01T00:00:00Z' });
    expect([statement.openingBalance, statement.totalsByKind, statement.closingBalance]).toEqual([
      '0.00',
      { commission: '200.00' },
      '200.00',
    ]);
    // The 15 January run comes before the hold ends on 9 February: nothing payable by then.
    expect(engine.nextPayout(state, 'ana')).toEqual({
      at: '2025-01-15T00:00:00.000Z',
      expected: '0.00',
      reachesMinimum: false,
      minimum: '50.00',
    });
    const progress = engine.progress(state, 'ana');
    expect([progress.tier.id, progress.next?.id, progress.status]).toEqual(['starter', 'active', 'good']);
    expect(
      partnerSummaries(engine.compiled, state).map((partner) => [
        partner.id,
        partner.tier,
        partner.balance.earned,
      ]),
    ).toEqual([['ana', 'starter', '200.00']]);
  });

  it('Leaderboard and Team: ben under ana, ranked on January revenue', () => {
    const { state } = engine.replay([events[0], benJoins, events[1]]);
    // ana sold 1000.00, ben nothing: ben is 1000.00 - 0.00 = 1000.00 behind.
    expect(engine.leaderboard(state, { period: '2025-01', metric: 'revenue' }).rows).toEqual([
      { rank: 1, partnerId: 'ana', tier: 'starter', value: '1000.00', behind: null },
      { rank: 2, partnerId: 'ben', tier: 'starter', value: '0.00', behind: '1000.00' },
    ]);
    const team = engine.team(state, 'ana');
    expect([team.size, team.directSubPartners, team.members.map((member) => member.partnerId)]).toEqual([
      1,
      1,
      ['ben'],
    ]);
  });

  it('EngineError and Calendar', () => {
    const { state } = engine.replay(events);
    let code = '';
    try {
      engine.can(state, 'ana', 'no-such-feature');
    } catch (error) {
      if (error instanceof EngineError) code = error.code;
    }
    expect(code).toBe('UNKNOWN_FEATURE');
    // 22:30 UTC on 31 March is 00:30 on 1 April in Paris (UTC+2 in summer time).
    const calendar = new Calendar('Europe/Paris');
    expect(calendar.periodOf(Date.parse('2025-03-31T22:30:00Z'), 'month').key).toBe('2025-04');
    // Midnight on 1 January in Paris (UTC+1 in winter) is 23:00 UTC the day before.
    expect(calendar.rangeOfKey('2025-Q1')?.start).toBe(Date.parse('2024-12-31T23:00:00Z'));
  });
});
