// Quarterly reviews (SISO-PROGRAM.md, "Reviews and retention"): maintain Active ≥ 1, Performer
// ≥ 2, Elite ≥ 3 counted deals closed in the quarter; a first failure puts the tier at risk, a
// second consecutive one demotes one tier; a pass clears the risk; Starter is never reviewed.
// CONTRACT.md: a review runs at the first instant of the next quarter (UTC for SISO), with
// eventId null, before any event at that instant; at one instant holds end, then period ends,
// then payout runs.
import { describe, expect, it } from 'vitest';
import { events, replay, sisoWith } from '../support/scenario.js';
import { certifiedPartner, dealRun, featuresOf, OWN_UNLOCKS, statusOf } from '../support/tiers.js';

/** Certified on 2025-01-01 and `count` deals from 2025-01-02, one an hour (all in Q1). */
const climbed = (partnerId: string, count: number) => [
  ...certifiedPartner(partnerId, '2025-01-01'),
  ...dealRun(partnerId, { from: '2025-01-02', count }),
];
const active = (partnerId: string) => climbed(partnerId, 3);

const tierEffects = (outcome: ReturnType<typeof replay>, partnerId: string, type: string) =>
  outcome.effects.filter((effect) => effect.partnerId === partnerId && effect.type === type);

describe('reviews and grace (quarterly, UTC)', () => {
  it('passes the Q1 review of an Active partner whose 3 deals closed in Q1', () => {
    const outcome = replay(active('p1'), { asOf: '2025-04-01T00:00:00Z' });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([]);
    expect(statusOf(outcome, 'p1')).toBe('good');
  });

  it('puts an Active partner with no deal in Q2 at risk at 2025-07-01T00:00:00.000Z, keeping its tier', () => {
    const outcome = replay(active('p1'), { asOf: '2025-07-01T00:00:00Z' });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([
      expect.objectContaining({
        type: 'tier.at-risk',
        partnerId: 'p1',
        at: '2025-07-01T00:00:00.000Z',
        eventId: null,
        from: 'active',
        to: 'active',
      }),
    ]);
    expect(outcome.tierOf('p1')).toBe('active');
    expect(statusOf(outcome, 'p1')).toBe('at-risk');
  });

  it('does not review before the first instant of the next quarter', () => {
    const outcome = replay(active('p1'), { asOf: '2025-06-30T23:59:59.999Z' });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([]);
    expect(statusOf(outcome, 'p1')).toBe('good');
  });

  it('demotes to Starter after a second quarter without deals and locks each Active unlock', () => {
    const outcome = replay(active('p1'), { asOf: '2025-10-01T00:00:00Z' });
    const at = '2025-10-01T00:00:00.000Z';
    expect(tierEffects(outcome, 'p1', 'tier.demoted')).toEqual([
      expect.objectContaining({
        type: 'tier.demoted',
        partnerId: 'p1',
        at,
        eventId: null,
        from: 'active',
        to: 'starter',
      }),
    ]);
    const locked = tierEffects(outcome, 'p1', 'feature.locked');
    expect(locked.every((effect) => effect.at === at && effect.eventId === null)).toBe(true);
    expect([...featuresOf(outcome, 'p1', 'feature.locked')].sort()).toEqual([...OWN_UNLOCKS.active].sort());
    // Only the one at-risk of 2025-07-01: the second failure demotes instead.
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toHaveLength(1);
    expect(outcome.tierOf('p1')).toBe('starter');
    expect(statusOf(outcome, 'p1')).toBe('good');
    expect(outcome.engine.can(outcome.state, 'p1', 'roi-calculator')).toBe(false);
  });

  it('keeps tier and rate while at risk, and a passed review clears the risk', () => {
    // At risk on 2025-07-01; a deal on 2025-07-15 is still paid at Active 22 %: 0.22 × 1,000.00 = 220.00.
    const given = [...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-07-15')];
    const outcome = replay(given, { asOf: '2025-10-01T00:00:00Z' });
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d4' })[0]).toMatchObject({
      rate: '0.22',
      tier: 'active',
      amount: '220.00',
    });
    // The Q3 review (1 deal ≥ 1) passes: back to good, no demotion.
    expect(tierEffects(outcome, 'p1', 'tier.demoted')).toEqual([]);
    expect(statusOf(outcome, 'p1')).toBe('good');
  });

  it('counts consecutive failures only: a failure after a pass is a first failure again', () => {
    // Fail Q2 (at risk), pass Q3 (deal on 07-15), fail Q4 (at risk again), fail 2026-Q1 (demoted).
    const given = [...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-07-15')];
    const atYearEnd = replay(given, { asOf: '2026-01-01T00:00:00Z' });
    expect(tierEffects(atYearEnd, 'p1', 'tier.at-risk').map((effect) => effect.at)).toEqual([
      '2025-07-01T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    expect(tierEffects(atYearEnd, 'p1', 'tier.demoted')).toEqual([]);
    const later = replay(given, { asOf: '2026-04-01T00:00:00Z' });
    expect(tierEffects(later, 'p1', 'tier.demoted').map((effect) => effect.at)).toEqual([
      '2026-04-01T00:00:00.000Z',
    ]);
  });

  it('passes an Active partner with exactly 1 deal in the quarter (≥ 1)', () => {
    const given = [...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-05-01')];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([]);
  });

  it('counts a deal at the last millisecond of the quarter for that quarter', () => {
    const given = [...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-06-30T23:59:59.999Z')];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([]);
  });

  it('reviews before an event at the boundary instant: that deal counts for the new quarter', () => {
    const given = [...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-07-01T00:00:00Z')];
    const outcome = replay(given);
    const atRisk = tierEffects(outcome, 'p1', 'tier.at-risk');
    expect(atRisk.map((effect) => [effect.at, effect.eventId])).toEqual([['2025-07-01T00:00:00.000Z', null]]);
    // The review judged Q2 without the deal (so at risk), and the deal is still paid Active 22 %.
    expect(outcome.entries({ kind: 'commission', dealId: 'p1-d4' })[0]?.rate).toBe('0.22');
    // The deal is Q3's: the 2025-10-01 review passes.
    const q3 = replay(given, { asOf: '2025-10-01T00:00:00Z' });
    expect(tierEffects(q3, 'p1', 'tier.demoted')).toEqual([]);
    expect(statusOf(q3, 'p1')).toBe('good');
  });

  it('needs ≥ 2 deals in the quarter for Performer', () => {
    const given = [
      ...climbed('one', 10),
      events.deal('one', 'one-q2', '1000.00', '2025-05-01'),
      ...climbed('two', 10),
      events.deal('two', 'two-q2a', '1000.00', '2025-05-01'),
      events.deal('two', 'two-q2b', '1000.00', '2025-05-02'),
    ];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    expect(outcome.tierOf('one')).toBe('performer');
    // 1 < 2: at risk; 2 ≥ 2: passes.
    expect(tierEffects(outcome, 'one', 'tier.at-risk')).toEqual([
      expect.objectContaining({
        from: 'performer',
        to: 'performer',
        at: '2025-07-01T00:00:00.000Z',
        eventId: null,
      }),
    ]);
    expect(tierEffects(outcome, 'two', 'tier.at-risk')).toEqual([]);
    expect(statusOf(outcome, 'two')).toBe('good');
  });

  it('needs ≥ 3 deals in the quarter for Elite, and demotes Elite one tier only', () => {
    const q2Deals = (partnerId: string, count: number) =>
      dealRun(partnerId, { from: '2025-05-01', count, first: 26, everyHours: 24 });
    const given = [
      ...climbed('two', 25),
      ...q2Deals('two', 2),
      ...climbed('three', 25),
      ...q2Deals('three', 3),
    ];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    expect(outcome.tierOf('two')).toBe('elite');
    // 2 < 3: at risk; 3 ≥ 3: passes.
    expect(tierEffects(outcome, 'two', 'tier.at-risk')).toEqual([
      expect.objectContaining({ from: 'elite', to: 'elite', at: '2025-07-01T00:00:00.000Z' }),
    ]);
    expect(tierEffects(outcome, 'three', 'tier.at-risk')).toEqual([]);
    // Q3 without deals: "two" fails again → Performer (one tier), the 11 Elite unlocks locked.
    const later = replay(given, { asOf: '2025-10-01T00:00:00Z' });
    expect(later.tierOf('two')).toBe('performer');
    expect([...featuresOf(later, 'two', 'feature.locked')].sort()).toEqual([...OWN_UNLOCKS.elite].sort());
  });

  it('never reviews Starter', () => {
    const given = [
      events.joined('idle', '2025-01-01', null, 'join-idle'),
      events.joined('seller', '2025-01-01', null, 'join-seller'),
      ...dealRun('seller', { from: '2025-01-02', count: 3 }),
    ];
    const outcome = replay(given, { asOf: '2026-01-01T00:00:00Z' });
    const reviewEffects = outcome.effects.filter(
      (e) => e.type === 'tier.at-risk' || e.type === 'tier.demoted',
    );
    expect(reviewEffects).toEqual([]);
    expect(statusOf(outcome, 'idle')).toBe('good');
    expect(statusOf(outcome, 'seller')).toBe('good');
  });
});

describe('reviews through advance, other zones and other grace', () => {
  it('runs the review when the host advances the clock past the quarter end (engine.advance)', () => {
    const outcome = replay(active('p1'));
    const advanced = outcome.engine.advance(outcome.state, '2025-07-01T00:00:00Z');
    expect(advanced.effects.filter((effect) => effect.type === 'tier.at-risk')).toEqual([
      expect.objectContaining({ partnerId: 'p1', at: '2025-07-01T00:00:00.000Z', eventId: null }),
    ]);
    expect(outcome.engine.progress(advanced.state, 'p1').status).toBe('at-risk');
  });

  it("reviews at midnight in the programme's zone (Europe/Paris, UTC+2 in summer)", () => {
    const program = sisoWith({ timeZone: 'Europe/Paris' });
    // 2025-07-01T00:00 in Paris (CEST, UTC+2) is 2025-06-30T22:00:00Z.
    const outcome = replay(active('p1'), { asOf: '2025-06-30T22:00:00Z', program });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk').map((effect) => effect.at)).toEqual([
      '2025-06-30T22:00:00.000Z',
    ]);
    // A deal at 2025-06-30T23:00:00Z is 01:00 on 1 July in Paris: Q3's, so it does not save Q2.
    const late = replay([...active('p1'), events.deal('p1', 'p1-d4', '1000.00', '2025-06-30T23:00:00Z')], {
      program,
    });
    expect(tierEffects(late, 'p1', 'tier.at-risk')).toHaveLength(1);
  });

  it('spends graceReviews failures at risk before demoting (2: at risk twice, demoted at the third)', () => {
    const program = sisoWith({ reviews: { period: 'quarter', graceReviews: 2 } });
    const outcome = replay(active('p1'), { asOf: '2026-01-01T00:00:00Z', program });
    // Q2 and Q3 fail: at risk on 2025-07-01 and 2025-10-01; Q4 fails: demoted on 2026-01-01.
    expect(tierEffects(outcome, 'p1', 'tier.at-risk').map((effect) => effect.at)).toEqual([
      '2025-07-01T00:00:00.000Z',
      '2025-10-01T00:00:00.000Z',
    ]);
    expect(tierEffects(outcome, 'p1', 'tier.demoted').map((effect) => effect.at)).toEqual([
      '2026-01-01T00:00:00.000Z',
    ]);
  });

  it('demotes at the first failed review when graceReviews is 0', () => {
    const program = sisoWith({ reviews: { period: 'quarter', graceReviews: 0 } });
    const outcome = replay(active('p1'), { asOf: '2025-07-01T00:00:00Z', program });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')).toEqual([]);
    expect(tierEffects(outcome, 'p1', 'tier.demoted').map((effect) => effect.at)).toEqual([
      '2025-07-01T00:00:00.000Z',
    ]);
  });
});

describe('order of time-driven work at one instant', () => {
  // Payout runs on the 1st here, so 2025-07-01T00:00:00Z is a hold end, a quarter end and a
  // payout run at once. "sel" closes 1,000.00 on 2025-06-01T00:00:00Z (Starter 20 % → 200.00),
  // held 30 days: 2025-06-01 + 30 days = 2025-07-01T00:00:00Z.
  const program = sisoWith({ payouts: { dayOfMonth: 1, minimum: '50.00' } });
  const given = [
    ...active('act'),
    events.joined('sel', '2025-01-01', null, 'join-sel'),
    events.deal('sel', 'sel-d1', '1000.00', '2025-06-01T00:00:00Z'),
  ];
  const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z', program });
  const at = '2025-07-01T00:00:00.000Z';

  it('releases the hold before the payout run: the run asks for the 200.00 released at that instant', () => {
    const due = outcome.effects.filter(
      (effect) => effect.type === 'payout.due' && effect.partnerId === 'sel',
    );
    expect(due).toEqual([expect.objectContaining({ at, eventId: null, amount: '200.00' })]);
  });

  it('runs the review (period end) before the payout run', () => {
    const review = outcome.effects.findIndex(
      (effect) => effect.type === 'tier.at-risk' && effect.partnerId === 'act',
    );
    const payout = outcome.effects.findIndex((effect) => effect.type === 'payout.due' && effect.at === at);
    expect(review).toBeGreaterThanOrEqual(0);
    expect(outcome.effects[review]?.at).toBe(at);
    expect(review).toBeLessThan(payout);
  });
});

describe('the message of a demotion', () => {
  it('says what was lost and how to win it back, not the lower tier’s first steps', () => {
    // Active from Q1 (3 deals, certified), no deal in Q2 (at risk on 1 July) nor Q3: demoted on
    // 1 October. Starter's own message ("Complete training and make your first 3 sales") would
    // ask a certified partner with 3 deals for what it has done.
    const outcome = replay(active('p1'), { asOf: '2025-10-01T00:00:00Z' });
    const [demotion] = tierEffects(outcome, 'p1', 'tier.demoted');
    expect(demotion).toMatchObject({
      from: 'active',
      to: 'starter',
      at: '2025-10-01T00:00:00.000Z',
      message:
        'Active Partner was lost: the 2025-Q3 review was not met again, so you are Starter Partner now. ' +
        "Meet Active Partner's requirements again, with its review requirement this period, to win it back.",
    });
  });
});

describe('review messages under another grace', () => {
  // Active from Q1 (3 deals, certified) and no deal after: the Q2 review (1 July) fails.
  it('counts the misses left before a demotion when the programme allows two', () => {
    const program = sisoWith({ reviews: { period: 'quarter', graceReviews: 2 } });
    const outcome = replay(active('p1'), { asOf: '2025-07-01T00:00:00Z', program });
    expect(tierEffects(outcome, 'p1', 'tier.at-risk')[0]).toMatchObject({
      message:
        'Active Partner is at risk: the 2025-Q2 review was not met; 2 more missed reviews in a row mean Starter Partner',
    });
  });

  it('does not say "again" of a demotion at the first miss when the programme allows none', () => {
    const program = sisoWith({ reviews: { period: 'quarter', graceReviews: 0 } });
    const outcome = replay(active('p1'), { asOf: '2025-07-01T00:00:00Z', program });
    expect(tierEffects(outcome, 'p1', 'tier.demoted')[0]).toMatchObject({
      message: expect.stringMatching(
        /^Active Partner was lost: the 2025-Q2 review was not met, so you are Starter Partner now\./,
      ),
    });
  });
});
