// SISO's rule badges (SISO-PROGRAM.md, "Badges"): first-sale, quick-starter, certified and
// team-builder, each awarded by the event that makes its rule hold, and never twice.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { badgeEffects, DAY_MS, heldBadges } from './givens.js';

const JOINED_AT = '2025-01-01T00:00:00Z';
const joined = events.joined('p1', JOINED_AT, null, 'join-p1');
const afterJoining = (milliseconds: number) => new Date(Date.parse(JOINED_AT) + milliseconds).toISOString();

describe('first-sale', () => {
  it('is awarded by the first counted deal, with that deal as its cause', () => {
    const outcome = replay([joined, events.deal('p1', 'x1', '1000.00', '2025-03-10')]);
    expect(badgeEffects(outcome, { badge: 'first-sale' })).toEqual([
      {
        // Effect id: causing event, type, partner, badge and the count held (CONTRACT.md).
        id: 'e-x1:badge.awarded:p1:first-sale:1',
        type: 'badge.awarded',
        partnerId: 'p1',
        at: '2025-03-10T00:00:00.000Z',
        eventId: 'e-x1',
        badge: 'first-sale',
        count: 1,
      },
    ]);
  });

  it('is not awarded for joining or training', () => {
    const outcome = replay([joined, events.trained('p1', '2025-01-02')]);
    expect(badgeEffects(outcome, { badge: 'first-sale' })).toEqual([]);
  });
});

describe('quick-starter: the first deal within 30 days of joining', () => {
  const firstDealAfter = (milliseconds: number) =>
    replay([joined, events.deal('p1', 'x1', '500.00', afterJoining(milliseconds))]);

  it('is awarded for a first deal 29 days after joining', () => {
    // 2025-01-01 + 29 days = 2025-01-30T00:00Z: daysToFirstDeal = 29 ≤ 30.
    const outcome = firstDealAfter(29 * DAY_MS);
    expect(badgeEffects(outcome, { badge: 'quick-starter' })).toMatchObject([
      { partnerId: 'p1', at: '2025-01-30T00:00:00.000Z', eventId: 'e-x1', count: 1 },
    ]);
  });

  it('is awarded for a first deal exactly 30 × 24 hours after joining', () => {
    // 2025-01-31T00:00Z: daysToFirstDeal = 30, and "within 30 days" includes the 30th.
    const outcome = firstDealAfter(30 * DAY_MS);
    expect(badgeEffects(outcome, { badge: 'quick-starter' })).toMatchObject([
      { at: '2025-01-31T00:00:00.000Z', eventId: 'e-x1' },
    ]);
  });

  it('is not awarded one millisecond after the 30 days', () => {
    expect(badgeEffects(firstDealAfter(30 * DAY_MS + 1), { badge: 'quick-starter' })).toEqual([]);
  });

  it('is not awarded for a first deal 31 days after joining, nor by any later deal', () => {
    // First deal on 2025-02-01 (31 days); the second, on 2025-02-02, is not a first deal.
    const outcome = replay([
      joined,
      events.deal('p1', 'x1', '500.00', afterJoining(31 * DAY_MS)),
      events.deal('p1', 'x2', '500.00', afterJoining(32 * DAY_MS)),
    ]);
    expect(badgeEffects(outcome, { badge: 'quick-starter' })).toEqual([]);
    expect(badgeEffects(outcome, { badge: 'first-sale' })).toMatchObject([{ eventId: 'e-x1' }]);
  });
});

describe('certified', () => {
  it('is awarded by the certification training', () => {
    const outcome = replay([joined, events.trained('p1', '2025-01-05', 'certification', 'cert-p1')]);
    expect(badgeEffects(outcome, { badge: 'certified' })).toEqual([
      {
        // Effect id: causing event, type, partner, badge and the count held (CONTRACT.md).
        id: 'cert-p1:badge.awarded:p1:certified:1',
        type: 'badge.awarded',
        partnerId: 'p1',
        at: '2025-01-05T00:00:00.000Z',
        eventId: 'cert-p1',
        badge: 'certified',
        count: 1,
      },
    ]);
  });

  it('is not awarded by another training module', () => {
    const outcome = replay([joined, events.trained('p1', '2025-01-05', 'sales-basics')]);
    expect(badgeEffects(outcome, { badge: 'certified' })).toEqual([]);
  });
});

describe('team-builder: 3 direct sub-partners have each closed a deal', () => {
  const team = [
    events.joined('s', '2025-01-01', null, 'join-s'),
    events.joined('c1', '2025-01-02', 's', 'join-c1'),
    events.joined('c2', '2025-01-02', 's', 'join-c2'),
    events.joined('c3', '2025-01-02', 's', 'join-c3'),
  ];

  it('is awarded to the sponsor by the deal of the third selling sub-partner', () => {
    const outcome = replay([
      ...team,
      events.deal('c1', 'x1', '100.00', '2025-01-10'),
      events.deal('c2', 'x2', '100.00', '2025-01-11'),
      events.deal('c3', 'x3', '100.00', '2025-01-12'),
    ]);
    expect(badgeEffects(outcome, { badge: 'team-builder' })).toEqual([
      {
        // Effect id: causing event, type, partner, badge and the count held (CONTRACT.md).
        id: 'e-x3:badge.awarded:s:team-builder:1',
        type: 'badge.awarded',
        partnerId: 's',
        at: '2025-01-12T00:00:00.000Z',
        eventId: 'e-x3',
        badge: 'team-builder',
        count: 1,
      },
    ]);
  });

  it('is not awarded with two selling sub-partners', () => {
    const outcome = replay([
      ...team,
      events.deal('c1', 'x1', '100.00', '2025-01-10'),
      events.deal('c2', 'x2', '100.00', '2025-01-11'),
    ]);
    expect(badgeEffects(outcome, { badge: 'team-builder' })).toEqual([]);
  });

  it('does not count a sub-partner’s second deal as another selling sub-partner', () => {
    // c2 sells twice: still 2 selling sub-partners (c1, c2), not 3.
    const outcome = replay([
      ...team,
      events.deal('c1', 'x1', '100.00', '2025-01-10'),
      events.deal('c2', 'x2', '100.00', '2025-01-11'),
      events.deal('c2', 'x3', '100.00', '2025-01-12'),
    ]);
    expect(badgeEffects(outcome, { badge: 'team-builder' })).toEqual([]);
  });

  it('does not count a sub-partner’s own sub-partner (level 2)', () => {
    // g is c1's sub-partner: s has 2 direct selling sub-partners (c1, c2); g is not direct.
    const outcome = replay([
      ...team,
      events.joined('g', '2025-01-03', 'c1', 'join-g'),
      events.deal('c1', 'x1', '100.00', '2025-01-10'),
      events.deal('c2', 'x2', '100.00', '2025-01-11'),
      events.deal('g', 'x3', '100.00', '2025-01-12'),
    ]);
    expect(badgeEffects(outcome, { badge: 'team-builder', partnerId: 's' })).toEqual([]);
  });
});

describe('one-time badges are never awarded twice', () => {
  it('does not award first-sale again after the first deal is refunded in full and another closes', () => {
    // x1 refunded in full: 0 counted deals; x2 makes 1 again, but first-sale is already held.
    const outcome = replay([
      joined,
      events.deal('p1', 'x1', '300.00', '2025-01-05'),
      events.refund('x1', '300.00', '2025-01-06'),
      events.deal('p1', 'x2', '300.00', '2025-01-07'),
      events.deal('p1', 'x3', '300.00', '2025-01-08'),
    ]);
    expect(badgeEffects(outcome, { badge: 'first-sale' })).toMatchObject([{ eventId: 'e-x1' }]);
    expect(badgeEffects(outcome, { badge: 'quick-starter' })).toMatchObject([{ eventId: 'e-x1' }]);
  });

  it('does not award certified for a second certification event', () => {
    const outcome = replay([
      joined,
      events.trained('p1', '2025-01-05', 'certification', 'cert-1'),
      events.trained('p1', '2025-02-05', 'certification', 'cert-2'),
    ]);
    expect(badgeEffects(outcome, { badge: 'certified' })).toMatchObject([{ eventId: 'cert-1' }]);
  });

  it('does not award team-builder again for a fourth selling sub-partner', () => {
    const outcome = replay([
      events.joined('s', '2025-01-01', null, 'join-s'),
      ...['c1', 'c2', 'c3', 'c4'].map((id) => events.joined(id, '2025-01-02', 's', `join-${id}`)),
      ...['c1', 'c2', 'c3', 'c4'].map((id, day) => events.deal(id, `x-${id}`, '100.00', `2025-01-1${day}`)),
    ]);
    expect(badgeEffects(outcome, { badge: 'team-builder' })).toMatchObject([{ eventId: 'e-x-c3' }]);
  });

  it('keeps one award of each in the state, in the order they were won', () => {
    const outcome = replay([
      joined,
      events.trained('p1', '2025-01-02'),
      ...['x1', 'x2', 'x3'].map((dealId, day) => events.deal('p1', dealId, '100.00', `2025-01-0${3 + day}`)),
    ]);
    // Certified on 01-02, then first-sale and quick-starter (2 days after joining) on 01-03.
    expect(heldBadges(outcome, 'p1')).toEqual(['certified', 'first-sale', 'quick-starter']);
  });
});
