// Month boundaries in the programme's time zone (CONTRACT.md, "Order"): a month ends at midnight
// there, so a deal's month, the month a repeatable badge counts in and the instant top-performer
// is awarded all follow the programme's zone, daylight saving time included.
import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import { events, replay } from '../support/scenario.js';
import { badgeEffects, sisoIn, TWO_IN_A_MONTH } from './givens.js';

const newYork = sisoIn('America/New_York');
const tokyo = sisoIn('Asia/Tokyo');
const joined = events.joined('a', '2025-01-05T12:00:00Z', null, 'join-a');
// 23:30 on 31 January in New York (UTC−5 in winter) is 04:30 on 1 February in UTC.
const lateJanuaryDeal = events.deal('a', 'x1', '1000.00', '2025-01-31T23:30:00-05:00');

const revenueIn = (outcome: ReturnType<typeof replay>, period: string) =>
  outcome.engine.leaderboard(outcome.state, { period, metric: 'revenue' }).rows.map((row) => row.value);

describe('America/New_York', () => {
  const outcome = replay([joined, lateJanuaryDeal], { program: newYork, asOf: '2025-03-01T12:00:00Z' });

  it('counts a deal at 23:30 on 31 January in New York in January', () => {
    expect(revenueIn(outcome, '2025-01')).toEqual(['1000.00']);
    expect(revenueIn(outcome, '2025-02')).toEqual(['0.00']);
  });

  it('awards January’s top-performer at midnight in New York, 2025-02-01T05:00Z', () => {
    expect(badgeEffects(outcome, { badge: 'top-performer' })).toEqual([
      {
        id: '@2025-02-01T05%3A00%3A00.000Z:badge.awarded:a:top-performer:2025-01',
        type: 'badge.awarded',
        partnerId: 'a',
        at: '2025-02-01T05:00:00.000Z',
        eventId: null,
        badge: 'top-performer',
        count: 1,
        period: '2025-01',
      },
    ]);
  });

  it('puts the same deal in February under a UTC programme', () => {
    const utc = replay([joined, lateJanuaryDeal], { program: sisoProgram, asOf: '2025-03-01T12:00:00Z' });
    expect(revenueIn(utc, '2025-01')).toEqual(['0.00']);
    expect(badgeEffects(utc, { badge: 'top-performer' })).toMatchObject([
      { at: '2025-03-01T00:00:00.000Z', period: '2025-02' },
    ]);
  });

  it('ends March at midnight daylight time, 2025-04-01T04:00Z', () => {
    // New York is on UTC−4 from 9 March 2025.
    const march = replay([joined, events.deal('a', 'x2', '10.00', '2025-03-20T12:00:00Z')], {
      program: newYork,
      asOf: '2025-04-01T12:00:00Z',
    });
    expect(badgeEffects(march, { badge: 'top-performer' })).toMatchObject([
      { at: '2025-04-01T04:00:00.000Z', period: '2025-03' },
    ]);
  });

  it('counts a repeatable badge’s month in New York', () => {
    // 23:30 on 31 January and 00:30 on 1 February in New York: one deal in each month there,
    // but both on 1 February in UTC (04:30Z and 05:30Z).
    const deals = [joined, lateJanuaryDeal, events.deal('a', 'x2', '1000.00', '2025-02-01T00:30:00-05:00')];
    const inNewYork = replay(deals, { program: sisoIn('America/New_York', [TWO_IN_A_MONTH]) });
    const inUtc = replay(deals, { program: sisoIn('UTC', [TWO_IN_A_MONTH]) });
    expect(badgeEffects(inNewYork, { badge: 'two-in-a-month' })).toEqual([]);
    expect(badgeEffects(inUtc, { badge: 'two-in-a-month' })).toMatchObject([
      { eventId: 'e-x2', period: '2025-02' },
    ]);
  });
});

describe('Asia/Tokyo', () => {
  it('ends January at 2025-01-31T15:00Z and counts a deal at 16:00Z in February', () => {
    // Tokyo is UTC+9 all year: 2025-01-31T16:00Z is 01:00 on 1 February there.
    const outcome = replay(
      [
        events.joined('a', '2025-01-05T00:00:00Z', null, 'join-a'),
        events.joined('b', '2025-01-05T00:00:00Z', null, 'join-b'),
        events.deal('a', 'x1', '500.00', '2025-01-31T14:59:59Z'),
        events.deal('b', 'x2', '900.00', '2025-01-31T16:00:00Z'),
      ],
      { program: tokyo, asOf: '2025-02-28T15:00:00Z' },
    );
    expect(badgeEffects(outcome, { badge: 'top-performer' })).toMatchObject([
      { partnerId: 'a', at: '2025-01-31T15:00:00.000Z', period: '2025-01' },
      { partnerId: 'b', at: '2025-02-28T15:00:00.000Z', period: '2025-02' },
    ]);
  });
});
