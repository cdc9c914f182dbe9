// The programme manager's overview over a small stream, every number worked out by hand.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { sisoProgram } from '../../src/program/siso.js';
import { dealRun, events } from '../support/scenario.js';
import { events as history } from '../support/small-history.js';

const engine = createEngine(sisoProgram);

// a: certified, sells 1000.00 (5 Jan), 500.00 (10 Jan) and 1500.00 (21 Jan, its 3rd deal: Active)
//    earning 200.00 + 100.00 + 1500.00 × 22 % = 330.00; then a referral bonus of 5 % of c's first
//    deal (1000.00 on 1 Feb): 50.00.
// c: joins under a on 20 January, sells 1000.00 on 1 February: 200.00 at Starter's 20 %.
// d: joins on 10 February (the last event), nothing else.
// On 10 February: a's 200.00 (released 4 Feb) and 100.00 (released 9 Feb) are payable, its
// 330.00 (until 20 Feb) and 50.00 (until 3 Mar) pending; c's 200.00 is pending until 3 March.
const stream = [
  events.joined('a', '2025-01-01', null, 'ja'),
  events.trained('a', '2025-01-02', 'certification', 'ta'),
  events.deal('a', 'd1', '1000.00', '2025-01-05'),
  events.deal('a', 'd2', '500.00', '2025-01-10'),
  events.joined('c', '2025-01-20', 'a', 'jc'),
  events.deal('a', 'd3', '1500.00', '2025-01-21'),
  events.deal('c', 'd4', '1000.00', '2025-02-01'),
  events.joined('d', '2025-02-10', null, 'jd'),
];
const overview = engine.programmeOverview(engine.replay(stream).state);

describe('the programme overview', () => {
  it('counts partners by tier and status', () => {
    expect(overview.asOf).toBe('2025-02-10T00:00:00.000Z');
    expect(overview.partners).toBe(3);
    expect(overview.byTier).toEqual([
      { tier: 'starter', name: 'Starter Partner', good: 2, atRisk: 0, waitlisted: 0 },
      { tier: 'active', name: 'Active Partner', good: 1, atRisk: 0, waitlisted: 0 },
      { tier: 'performer', name: 'Performer Partner', good: 0, atRisk: 0, waitlisted: 0 },
      { tier: 'elite', name: 'Elite Partner', good: 0, atRisk: 0, waitlisted: 0 },
    ]);
  });

  it('says what the company owes and what the next payout run pays', () => {
    // earned 200 + 100 + 330 + 50 + 200 = 880.00; payable 300.00; pending 330 + 50 + 200 = 580.00.
    // The run of 15 February pays a's 300.00 (nothing more is released by then); c has nothing payable.
    expect(overview.money).toEqual({
      earned: '880.00',
      pending: '580.00',
      payable: '300.00',
      paid: '0.00',
      clawedBack: '0.00',
      owed: '880.00',
      nextPayoutRun: { at: '2025-02-15T00:00:00.000Z', total: '300.00', partners: 1 },
    });
  });

  it('names nobody close to promotion when nobody is, and this month’s leaders', () => {
    // a (Active) lacks only Performer's 10 deals, but 7 of them (more than a fifth of 10); c lacks
    // 2 deals and the certification, d both too.
    expect(overview.closeToPromotion).toEqual([]);
    expect(overview.heldBack).toEqual([]);
    expect(overview.atRisk).toEqual([]);
    // February: c sold 1000.00 among Starters (d sold nothing and is not listed); a sold nothing.
    expect(overview.leaders).toEqual([
      { tier: 'starter', period: '2025-02', rows: [{ rank: 1, partnerId: 'c', value: '1000.00' }] },
      { tier: 'active', period: '2025-02', rows: [] },
      { tier: 'performer', period: '2025-02', rows: [] },
      { tier: 'elite', period: '2025-02', rows: [] },
    ]);
    expect(overview.capacity).toEqual([{ tier: 'elite', places: 20, held: 0, waitlist: [] }]);
  });

  it('names who is one requirement from promotion and near it', () => {
    // s: certified, 2 of 3 deals (1 left). t: Active, 8 of 10 deals (2 left: a fifth of 10).
    // u: Active, 7 of 10 (3 left): not close.
    const { state } = engine.replay([
      events.joined('s', '2025-01-01'),
      events.trained('s', '2025-01-01T01:00:00Z'),
      ...dealRun('s', { from: '2025-01-02', count: 2 }),
      events.joined('t', '2025-01-01'),
      events.trained('t', '2025-01-01T01:00:00Z'),
      ...dealRun('t', { from: '2025-01-03', count: 8 }),
      events.joined('u', '2025-01-01'),
      events.trained('u', '2025-01-01T01:00:00Z'),
      ...dealRun('u', { from: '2025-01-04', count: 7 }),
    ]);
    const close = engine.programmeOverview(state).closeToPromotion;
    expect(
      close.map(({ partnerId, tier, next, missing }) => [
        partnerId,
        tier,
        next,
        missing.map((m) => m.remaining),
      ]),
    ).toEqual([
      ['s', 'starter', 'active', ['Close 1 more deal']],
      ['t', 'active', 'performer', ['Close 2 more deals']],
    ]);
  });

  it('lists partners held back by a requirement other than deals, most deals first', () => {
    const { state } = engine.replay([
      events.joined('x', '2025-01-01'),
      ...dealRun('x', { from: '2025-01-02', count: 4 }),
      events.joined('y', '2025-01-01'),
      ...dealRun('y', { from: '2025-01-03', count: 12 }),
    ]);
    const { heldBack } = engine.programmeOverview(state);
    expect(
      heldBack.map(({ partnerId, deals, next, missing }) => [
        partnerId,
        deals,
        next,
        missing.map((m) => m.label),
      ]),
    ).toEqual([
      ['y', 12, 'active', ['Complete the certification training']],
      ['x', 4, 'active', ['Complete the certification training']],
    ]);
  });

  it('lists at-risk partners with the review date and what they lack', () => {
    // b of the small history is at risk after the Q2 review (no deal from April to June).
    const { state } = engine.replay(history, { asOf: '2025-07-15T00:00:00Z' });
    const { atRisk, byTier } = engine.programmeOverview(state);
    expect(atRisk).toEqual([
      {
        partnerId: 'b',
        tier: 'active',
        reviewAt: '2025-10-01T00:00:00.000Z',
        missing: [expect.objectContaining({ label: 'Close 1 deal this review period', met: false })],
      },
    ]);
    expect(byTier[1]).toMatchObject({ tier: 'active', atRisk: 1 });
  });

  it('is an empty overview for a state before any event', () => {
    const empty = engine.programmeOverview(engine.initialState());
    expect(empty).toMatchObject({ asOf: '', partners: 0, atRisk: [], leaders: [] });
    expect(empty.money.nextPayoutRun).toEqual({ at: null, total: '0.00', partners: 0 });
  });
});
