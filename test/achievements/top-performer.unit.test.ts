// top-performer (SISO-PROGRAM.md, "Badges"): per tier held at month end, every partner tied first
// by the month's revenue (deals closed that month, net of refunds received before it ends) wins
// it when the month ends, at the first instant of the next month; it is counted, once a month.
import { describe, expect, it } from 'vitest';
import { highestScore } from '../../src/achievements/period-badges.js';
import { events, replay } from '../support/scenario.js';
import { type BadgeInput, badgeEffects, dealRun, sisoWithBadges } from './givens.js';

const joins = ['a', 'b', 'c', 'd'].map((id) => events.joined(id, '2025-01-01', null, `join-${id}`));
const topPerformers = (outcome: Parameters<typeof badgeEffects>[0]) =>
  badgeEffects(outcome, { badge: 'top-performer' }).map(({ partnerId, period, count }) => ({
    partnerId,
    period,
    count,
  }));

describe('when it is awarded', () => {
  const january = [...joins, events.deal('a', 'x1', '1000.00', '2025-01-10')];

  it('is awarded at the first instant of the next month, caused by no event', () => {
    const outcome = replay(january, { asOf: '2025-02-01T00:00:00Z' });
    expect(badgeEffects(outcome, { badge: 'top-performer' })).toEqual([
      {
        // Time-driven: the id starts with @ and the moment (its colons escaped as %3A).
        id: '@2025-02-01T00%3A00%3A00.000Z:badge.awarded:a:top-performer:2025-01',
        type: 'badge.awarded',
        partnerId: 'a',
        at: '2025-02-01T00:00:00.000Z',
        eventId: null,
        badge: 'top-performer',
        count: 1,
        period: '2025-01',
      },
    ]);
  });

  it('is not awarded while the month is still running', () => {
    const outcome = replay(january, { asOf: '2025-01-31T23:59:59.999Z' });
    expect(badgeEffects(outcome, { badge: 'top-performer' })).toEqual([]);
  });

  it('is awarded before an event at the month’s first instant is applied', () => {
    // A deal at 2025-02-01T00:00Z belongs to February and runs after January's month end.
    const outcome = replay([...january, events.deal('b', 'x2', '5000.00', '2025-02-01')]);
    expect(topPerformers(outcome)).toEqual([{ partnerId: 'a', period: '2025-01', count: 1 }]);
    const order = outcome.effects.map((effect) => `${effect.type}:${effect.eventId}`);
    expect(order.indexOf('badge.awarded:null')).toBeLessThan(order.indexOf('badge.awarded:e-x2'));
  });
});

describe('who wins', () => {
  it('goes to every partner tied first, and to nobody else', () => {
    // a 1,000.00; b 600.00 + 400.00 = 1,000.00; c 400.00; d nothing. a and b tie first.
    const outcome = replay(
      [
        ...joins,
        events.deal('a', 'x1', '1000.00', '2025-01-10'),
        events.deal('b', 'x2', '600.00', '2025-01-11'),
        events.deal('b', 'x3', '400.00', '2025-01-12'),
        events.deal('c', 'x4', '400.00', '2025-01-13'),
      ],
      { asOf: '2025-02-01' },
    );
    expect(topPerformers(outcome)).toEqual([
      { partnerId: 'a', period: '2025-01', count: 1 },
      { partnerId: 'b', period: '2025-01', count: 1 },
    ]);
  });

  it('gives nothing in a month without revenue, even to partners with revenue in other months', () => {
    // a sells in January only: February's month end (2025-03-01) awards nobody.
    const outcome = replay([...joins, events.deal('a', 'x1', '1000.00', '2025-01-10')], {
      asOf: '2025-03-01',
    });
    expect(topPerformers(outcome)).toEqual([{ partnerId: 'a', period: '2025-01', count: 1 }]);
  });

  it('ranks each tier separately, by the tier held when the month ends', () => {
    // q (Starter): 5,000.00. p certified, 3 × 1,000.00 = 3,000.00, Active from its 3rd deal.
    // r certified, 3 × 900.00 = 2,700.00, Active too. Starter: q; Active: p (3,000 > 2,700).
    const outcome = replay(
      [
        ...['p', 'q', 'r'].map((id) => events.joined(id, '2025-01-01', null, `join-${id}`)),
        events.trained('p', '2025-01-02'),
        events.trained('r', '2025-01-02'),
        ...dealRun('p', { from: '2025-01-10', count: 3 }),
        ...dealRun('r', { from: '2025-01-11', count: 3, amount: '900.00' }),
        events.deal('q', 'q1', '5000.00', '2025-01-12'),
      ],
      { asOf: '2025-02-01' },
    );
    expect(outcome.tierOf('p')).toBe('active');
    expect(outcome.tierOf('r')).toBe('active');
    expect(topPerformers(outcome)).toEqual([
      { partnerId: 'p', period: '2025-01', count: 1 },
      { partnerId: 'q', period: '2025-01', count: 1 },
    ]);
  });
});

describe('the tier held when the month ends', () => {
  it('ranks a partner demoted at the quarter’s review in the tier it held through the month', () => {
    // p: Performer from 10 deals in December 2024; no deal in Q1 (at risk on 2025-04-01), one
    // 100.00 deal in June, short of Performer's 2 a quarter: demoted to Active on 2025-07-01, the
    // instant June ends. June's Performers: p (100.00). June's Actives: q (500.00).
    const outcome = replay(
      [
        events.joined('p', '2024-12-01', null, 'join-p'),
        events.joined('q', '2024-12-01', null, 'join-q'),
        events.trained('p', '2024-12-02'),
        events.trained('q', '2024-12-02'),
        ...dealRun('p', { from: '2024-12-03', count: 10 }),
        ...dealRun('q', { from: '2024-12-04', count: 3 }),
        events.deal('q', 'q-feb', '100.00', '2025-02-10'),
        events.deal('p', 'p-jun', '100.00', '2025-06-10'),
        events.deal('q', 'q-jun', '500.00', '2025-06-20'),
      ],
      { asOf: '2025-07-01' },
    );
    expect(outcome.effectsOf({ type: 'tier.demoted', partnerId: 'p' })).toMatchObject([
      { from: 'performer', to: 'active', at: '2025-07-01T00:00:00.000Z' },
    ]);
    const june = badgeEffects(outcome, { badge: 'top-performer' }).filter(
      (award) => award.period === '2025-06',
    );
    expect(june.map((award) => award.partnerId)).toEqual(['p', 'q']);
  });
});

describe('refunds', () => {
  const deals = [
    ...joins,
    events.deal('a', 'x1', '1000.00', '2025-01-10'),
    events.deal('b', 'x2', '800.00', '2025-01-11'),
  ];

  it('counts a refund received before the month ends', () => {
    // a: 1,000.00 − 500.00 = 500.00 < b's 800.00: b wins.
    const outcome = replay([...deals, events.refund('x1', '500.00', '2025-01-20')], { asOf: '2025-02-01' });
    expect(topPerformers(outcome)).toEqual([{ partnerId: 'b', period: '2025-01', count: 1 }]);
  });

  it('gives nothing for a month whose only deal was refunded in full before it ended', () => {
    const outcome = replay(
      [
        ...joins,
        events.deal('a', 'x1', '1000.00', '2025-01-10'),
        events.refund('x1', '1000.00', '2025-01-20'),
      ],
      { asOf: '2025-02-01' },
    );
    expect(topPerformers(outcome)).toEqual([]);
  });

  it('is not changed by a refund received after the month ended', () => {
    // On 2025-02-01 a leads with 1,000.00; the 500.00 refund of 2025-02-05 comes too late.
    const outcome = replay([...deals, events.refund('x1', '500.00', '2025-02-05')], { asOf: '2025-03-01' });
    expect(topPerformers(outcome)).toEqual([{ partnerId: 'a', period: '2025-01', count: 1 }]);
  });

  it('does not take a refund of an earlier month’s deal off this month', () => {
    // February: a's 300.00 deal (its January deal's 900.00 refund is January's) beats b's 200.00.
    const outcome = replay(
      [
        ...deals,
        events.refund('x1', '900.00', '2025-02-03'),
        events.deal('a', 'x3', '300.00', '2025-02-10'),
        events.deal('b', 'x4', '200.00', '2025-02-11'),
      ],
      { asOf: '2025-03-01' },
    );
    expect(topPerformers(outcome)).toEqual([
      { partnerId: 'a', period: '2025-01', count: 1 },
      { partnerId: 'a', period: '2025-02', count: 2 },
    ]);
  });
});

describe('a leaderboard badge that is not repeatable', () => {
  it('is awarded once, for the first month won', () => {
    // SISO's top-performer with repeatable: false; a wins January and February.
    const once: BadgeInput = {
      id: 'top-performer',
      name: 'Top Performer',
      leaderboard: { period: 'month', metric: 'revenue', scope: 'tier' },
      repeatable: false,
    };
    const outcome = replay(
      [
        ...joins,
        events.deal('a', 'x1', '1000.00', '2025-01-10'),
        events.deal('a', 'x2', '700.00', '2025-02-10'),
      ],
      { program: sisoWithBadges(once), asOf: '2025-03-01' },
    );
    expect(topPerformers(outcome)).toEqual([{ partnerId: 'a', period: '2025-01', count: 1 }]);
  });
});

describe('it is counted', () => {
  it('awards a partner who wins two months twice, with each award’s period', () => {
    // January: a 1,000.00 > b 800.00. February: a 700.00 > b 600.00. March: b 100.00 alone.
    const outcome = replay(
      [
        ...joins,
        events.deal('a', 'x1', '1000.00', '2025-01-10'),
        events.deal('b', 'x2', '800.00', '2025-01-11'),
        events.deal('a', 'x3', '700.00', '2025-02-10'),
        events.deal('b', 'x4', '600.00', '2025-02-11'),
        events.deal('b', 'x5', '100.00', '2025-03-11'),
      ],
      { asOf: '2025-04-01' },
    );
    expect(badgeEffects(outcome, { badge: 'top-performer' })).toMatchObject([
      { partnerId: 'a', at: '2025-02-01T00:00:00.000Z', period: '2025-01', count: 1 },
      { partnerId: 'a', at: '2025-03-01T00:00:00.000Z', period: '2025-02', count: 2 },
      { partnerId: 'b', at: '2025-04-01T00:00:00.000Z', period: '2025-03', count: 1 },
    ]);
    const held = outcome.partner('a').badges.filter((award) => award.badge === 'top-performer');
    expect(held.map(({ period, eventId }) => ({ period, eventId }))).toEqual([
      { period: '2025-01', eventId: null },
      { period: '2025-02', eventId: null },
    ]);
  });
});

describe('a month with very many sellers', () => {
  it('finds the best of 200,000 scores without spreading them into one call', () => {
    // Decimal.max(...rows) overflowed the stack above about 150,000 rows. Scores are minor units:
    // 1 to 200,000 cents (0.01 to 2,000.00) in steps of one: the best is the last, 200,000.
    const rows = Array.from({ length: 200_000 }, (_, index) => ({ score: index + 1 }));
    expect(highestScore(rows)).toBe(200_000);
  });
});
