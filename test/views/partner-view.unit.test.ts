// The partner's page as data, for the partners a portal must get right: a Starter one deal from
// Active, a Starter with 12 deals and no certification, an at-risk Active, a waitlisted Performer
// with its place in the queue, and an Elite. Every value worked out by hand from SISO-PROGRAM.md.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { dealRun, events, sisoWith } from '../support/scenario.js';
import { events as history } from '../support/small-history.js';

const engine = createEngine(sisoProgram);

describe('a Starter one deal from Active', () => {
  // p1 joins on 1 January, is certified on the 2nd, sells 1000.00 on the 5th and 500.00 on the
  // 10th: 200.00 + 100.00 = 300.00 at Starter's 20 %, both pending (30 days) on the 10th.
  const { state } = engine.replay([
    events.joined('p1', '2025-01-01', null, 'j1'),
    events.trained('p1', '2025-01-02', 'certification', 't1'),
    events.deal('p1', 'd1', '1000.00', '2025-01-05'),
    events.deal('p1', 'd2', '500.00', '2025-01-10'),
  ]);
  const view = engine.partnerView(state, 'p1');

  it('shows the tier card and what is left, in words', () => {
    expect(view.asOf).toBe('2025-01-10T00:00:00.000Z');
    expect(view.tier).toEqual({
      id: 'starter',
      name: 'Starter Partner',
      rank: 1,
      rate: '0.20',
      status: 'good',
      atRisk: null,
    });
    expect(
      view.progress.requirements.map(({ label, progress, remaining, met }) => ({
        label,
        progress,
        remaining,
        met,
      })),
    ).toEqual([
      { label: 'Close 3 deals', progress: '2 of 3 deals', remaining: 'Close 1 more deal', met: false },
      { label: 'Complete the certification training', progress: 'completed', remaining: null, met: true },
    ]);
    // (2/3 + 1) / 2 = 0.833...: 83 %.
    expect(view.progress.percent).toBe(83);
    expect(view.progress.message).toBe('Close 1 more deal to reach Active Partner and its 22 % commission.');
    // The certification is done, so the programme's "Complete training and ..." no longer fits.
    expect(view.progress.unlockingMessage).toBeNull();
    expect(view.progress.next).toMatchObject({ id: 'active', rate: '0.22', referralBonusRate: '0.05' });
    expect(view.progress.next?.unlocks).toHaveLength(13);
  });

  it('shows the money, the next payout and the month on the leaderboard', () => {
    // Nothing is payable by the run of 15 January: d1 is released on 4 February.
    expect(view.commissions).toEqual({
      currency: 'USD',
      earned: '300.00',
      pending: '300.00',
      payable: '0.00',
      paid: '0.00',
      clawedBack: '0.00',
      nextPayout: {
        at: '2025-01-15T00:00:00.000Z',
        expected: '0.00',
        reachesMinimum: false,
        minimum: '50.00',
      },
    });
    // The only Starter: first of one in January with 1000.00 + 500.00.
    expect(view.leaderboard).toEqual({
      period: '2025-01',
      metric: 'revenue',
      tier: 'starter',
      rank: 1,
      of: 1,
      value: '1500.00',
      gapToNext: null,
    });
    expect(view.team).toBeNull();
  });

  it('shows the badges earned and within reach, and the features still locked', () => {
    expect(view.badges.earned.map((badge) => badge.id).sort()).toEqual([
      'certified',
      'first-sale',
      'quick-starter',
    ]);
    expect(view.badges.earned.find((badge) => badge.id === 'first-sale')).toEqual({
      id: 'first-sale',
      name: 'First Sale',
      count: 1,
      firstAt: '2025-01-05T00:00:00.000Z',
    });
    // Team Builder needs 3 referred partners with a sale; p1 has none.
    expect(view.badges.withinReach.find((badge) => badge.id === 'team-builder')?.missing[0]).toMatchObject({
      label: 'Have 3 referred partners with a sale',
      progress: '0 of 3',
      remaining: 'Have 3 more referred partners with a sale',
    });
    // Starter's 6 features are open; Active's 13, Performer's 9 and Elite's 11 are not.
    expect(view.features.unlocked).toHaveLength(6);
    expect(view.features.locked).toHaveLength(13 + 9 + 11);
    expect(view.features.locked[0]).toEqual({
      feature: 'marketing-advanced',
      tier: 'active',
      tierName: 'Active Partner',
    });
  });
});

describe('a Starter with 12 deals and no certification', () => {
  const { state } = engine.replay([
    events.joined('p2', '2025-01-01'),
    ...dealRun('p2', { from: '2025-01-05', count: 12 }),
  ]);
  const { progress } = engine.partnerView(state, 'p2');

  it('is held back by the certification alone, and says so', () => {
    expect(progress.requirements.map(({ progress: words, met }) => [words, met])).toEqual([
      ['12 deals (3 needed)', true],
      ['not completed yet', false],
    ]);
    // (1 + 0) / 2.
    expect(progress.percent).toBe(50);
    // Certified, its 12 deals meet Performer's 10 too: tiers are climbed in one go.
    expect(progress.next?.id).toBe('active');
    expect(progress.reaches?.id).toBe('performer');
    expect(progress.message).toBe(
      'Complete the certification training to reach Performer Partner and its 25 % commission.',
    );
  });

  it('is not ranked this month when it sold nothing this month', () => {
    // Its 12 deals were in January; on 3 February it has sold nothing in February.
    const later = engine.partnerView(state, 'p2', { at: '2025-02-03T00:00:00Z' });
    expect(later.leaderboard).toMatchObject({
      period: '2025-02',
      rank: null,
      value: '0.00',
      gapToNext: null,
    });
  });
});

describe('an at-risk Active', () => {
  // b (small history) is certified and reaches Active with its 3rd deal on 12 March, then sells
  // nothing in the second quarter: the review of 1 July puts it at risk. Active keeps its tier
  // with 1 counted deal in the quarter; the next review is at the end of Q3, 1 October.
  const { state } = engine.replay(history, { asOf: '2025-07-15T00:00:00Z' });
  const view = engine.partnerView(state, 'b');

  it('shows the review date and what keeps the tier', () => {
    expect(view.tier.status).toBe('at-risk');
    expect(view.tier.atRisk).toMatchObject({
      reviewAt: '2025-10-01T00:00:00.000Z',
      missesLeft: 0,
      fallsTo: 'Starter Partner',
    });
    expect(view.tier.atRisk?.keep.map(({ label, progress, met }) => ({ label, progress, met }))).toEqual([
      { label: 'Close 1 deal this review period', progress: '0 of 1 deal', met: false },
    ]);
  });
});

describe('a waitlisted Performer and an Elite', () => {
  // Elite with one place: e1 reaches 25 deals first and takes it; e2 and e3 qualify later and wait,
  // first come first served.
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
  const elite = tiers[3];
  if (elite?.id !== 'elite') throw new Error('SISO has Elite fourth');
  elite.capacity = 1;
  const oneElitePlace = sisoWith({ tiers });
  const capped = createEngine(oneElitePlace);
  const eliteRun = (partnerId: string, from: string) => [
    events.joined(partnerId, '2025-01-01'),
    events.trained(partnerId, '2025-01-01T01:00:00Z'),
    ...dealRun(partnerId, { from, count: 25 }),
  ];
  const { state } = capped.replay([
    ...eliteRun('e1', '2025-01-02'),
    ...eliteRun('e2', '2025-01-03'),
    ...eliteRun('e3', '2025-01-04'),
  ]);

  it('gives the waitlisted partner its place in the queue', () => {
    const { tier, progress } = capped.partnerView(state, 'e3');
    expect(tier).toMatchObject({ id: 'performer', status: 'waitlisted' });
    expect(progress.waitlist).toEqual({ tier: 'elite', place: 2, of: 2 });
    expect(progress.percent).toBe(100);
    expect(progress.message).toBe(
      'You qualify for Elite Partner, and its only place is taken: you are number 2 of 2 in the queue and move up as soon as a place frees.',
    );
  });

  it('tells the Elite it holds the top tier', () => {
    const { tier, progress, features } = capped.partnerView(state, 'e1');
    expect(tier).toMatchObject({ id: 'elite', rate: '0.30', status: 'good' });
    expect(progress).toMatchObject({ next: null, requirements: [], percent: 100, waitlist: null });
    expect(progress.message).toBe(
      "You hold Elite Partner, the highest tier. Welcome to the SISO Elite Partner Program - you're now part of our strategic growth team!",
    );
    // 6 + 13 + 9 + 11 features, none locked.
    expect(features.unlocked).toHaveLength(39);
    expect(features.locked).toEqual([]);
  });
});

describe('the moment of a view', () => {
  const { state } = engine.replay([
    events.joined('p1', '2025-01-01', null, 'j1'),
    events.deal('p1', 'd1', '1000.00', '2025-01-05'),
  ]);

  it('runs the time-driven work due by a later moment first', () => {
    // d1's 200.00 is released on 4 February.
    const later = engine.partnerView(state, 'p1', { at: '2025-02-05T00:00:00Z' });
    expect(later.asOf).toBe('2025-02-05T00:00:00.000Z');
    expect(later.commissions).toMatchObject({ pending: '0.00', payable: '200.00' });
    expect(engine.partnerView(state, 'p1').commissions).toMatchObject({ pending: '200.00', payable: '0.00' });
  });

  it('refuses an earlier moment, a moment it cannot read and a partner that never joined', () => {
    expect(() => engine.partnerView(state, 'p1', { at: '2024-12-31T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'at' }),
    );
    expect(() => engine.partnerView(state, 'p1', { at: 'tomorrow' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'at' }),
    );
    expect(() => engine.partnerView(state, 'nobody')).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_PARTNER' }),
    );
  });
});

describe('a badge with a deadline', () => {
  // Quick Starter: the first deal within 30 days of joining (1 January).
  const { state } = engine.replay([events.joined('p1', '2025-01-01', null, 'j1')]);

  it('is within reach while the days last', () => {
    const view = engine.partnerView(state, 'p1', { at: '2025-01-20T00:00:00Z' });
    expect(view.badges.withinReach.find((badge) => badge.id === 'quick-starter')?.missing[0]).toMatchObject({
      label: 'Close your first deal within 30 days of joining',
      progress: 'no deal yet',
    });
  });

  it('is out of reach once they ran out', () => {
    // 1 January + 31 days: 1 February.
    const view = engine.partnerView(state, 'p1', { at: '2025-02-01T00:00:00Z' });
    expect(view.badges.withinReach.map((badge) => badge.id)).not.toContain('quick-starter');
  });
});
