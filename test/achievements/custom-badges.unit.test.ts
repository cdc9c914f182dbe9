// Rule badges a programme may add (docs/achievements.md): one repeatable once per calendar month
// ("2 counted deals this month") and one with levels (bronze, silver, gold at 1, 5 and 10 counted
// deals), each level awarded once and in order.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { badgeEffects, CLOSER, dealRun, sisoWithBadges, TWO_IN_A_MONTH } from './givens.js';

const joined = events.joined('p1', '2025-01-01', null, 'join-p1');

describe('a badge repeatable once per month', () => {
  const program = sisoWithBadges(TWO_IN_A_MONTH);

  it('is awarded once in each month the rule holds, counting up', () => {
    // January: 3 deals (awarded at the 2nd, not again at the 3rd). February: 1 deal (monthDeals
    // 1 < 2, nothing). March: 2 deals (awarded at the 2nd, the 2nd award).
    const outcome = replay(
      [
        joined,
        ...dealRun('p1', { from: '2025-01-10', count: 3, first: 1 }),
        ...dealRun('p1', { from: '2025-02-10', count: 1, first: 4 }),
        ...dealRun('p1', { from: '2025-03-10', count: 2, first: 5 }),
      ],
      { program },
    );
    expect(badgeEffects(outcome, { badge: 'two-in-a-month' })).toEqual([
      {
        id: 'e-p1-d2:badge.awarded:p1:two-in-a-month:2025-01',
        type: 'badge.awarded',
        partnerId: 'p1',
        at: '2025-01-10T01:00:00.000Z',
        eventId: 'e-p1-d2',
        badge: 'two-in-a-month',
        count: 1,
        period: '2025-01',
      },
      {
        id: 'e-p1-d6:badge.awarded:p1:two-in-a-month:2025-03',
        type: 'badge.awarded',
        partnerId: 'p1',
        at: '2025-03-10T01:00:00.000Z',
        eventId: 'e-p1-d6',
        badge: 'two-in-a-month',
        count: 2,
        period: '2025-03',
      },
    ]);
  });

  it('does not add up two deals on either side of a month boundary', () => {
    // 2025-01-31T23:00Z is January's, 2025-02-01T00:00Z February's: 1 deal in each.
    const outcome = replay(
      [
        joined,
        events.deal('p1', 'x1', '100.00', '2025-01-31T23:00:00Z'),
        events.deal('p1', 'x2', '100.00', '2025-02-01T00:00:00Z'),
      ],
      { program },
    );
    expect(badgeEffects(outcome, { badge: 'two-in-a-month' })).toEqual([]);
  });

  it('is not awarded twice in one month when a refund brings the count down and back up', () => {
    // January: x1, x2 → awarded. x2 refunded in full → monthDeals 1; x3 → 2 again: same month, no
    // second award.
    const outcome = replay(
      [
        joined,
        events.deal('p1', 'x1', '100.00', '2025-01-10'),
        events.deal('p1', 'x2', '100.00', '2025-01-11'),
        events.refund('x2', '100.00', '2025-01-12'),
        events.deal('p1', 'x3', '100.00', '2025-01-13'),
      ],
      { program },
    );
    expect(badgeEffects(outcome, { badge: 'two-in-a-month' })).toMatchObject([
      { eventId: 'e-x2', period: '2025-01', count: 1 },
    ]);
  });
});

describe('a badge with levels', () => {
  const program = sisoWithBadges(CLOSER);
  const levelsOf = (outcome: Parameters<typeof badgeEffects>[0]) =>
    badgeEffects(outcome, { badge: 'closer' }).map(({ level, eventId }) => ({ level, eventId }));

  it('awards each level once, in order, at the deal that reaches it', () => {
    // 12 deals: bronze at the 1st, silver at the 5th, gold at the 10th; the 11th and 12th add none.
    const outcome = replay([joined, ...dealRun('p1', { from: '2025-01-10', count: 12 })], { program });
    expect(levelsOf(outcome)).toEqual([
      { level: 'bronze', eventId: 'e-p1-d1' },
      { level: 'silver', eventId: 'e-p1-d5' },
      { level: 'gold', eventId: 'e-p1-d10' },
    ]);
    expect(outcome.partner('p1').badges.map((award) => award.level)).toEqual(['bronze', 'silver', 'gold']);
  });

  it('does not award a level again after falling below it and climbing back', () => {
    // 5 deals (silver at d5); d5 refunded in full → 4 counted; d6 → 5 again: no second silver.
    const outcome = replay(
      [
        joined,
        ...dealRun('p1', { from: '2025-01-10', count: 5 }),
        events.refund('p1-d5', '1000.00', '2025-01-11'),
        ...dealRun('p1', { from: '2025-01-12', count: 1, first: 6 }),
      ],
      { program },
    );
    expect(levelsOf(outcome)).toEqual([
      { level: 'bronze', eventId: 'e-p1-d1' },
      { level: 'silver', eventId: 'e-p1-d5' },
    ]);
  });

  it('awards nothing before the lowest level', () => {
    const outcome = replay([joined, events.trained('p1', '2025-01-02')], { program });
    expect(levelsOf(outcome)).toEqual([]);
  });
});
