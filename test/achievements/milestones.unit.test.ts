// SISO's milestones: `one-deal-to-active` (Starter with 2 counted deals), `halfway-to-performer`
// (5 counted deals) and `first-1000-earned` (1,000.00 earned): a `milestone.reached` effect with
// the programme's message, from the event that makes it hold, once each ever.
import { describe, expect, it } from 'vitest';
import { events, replay, sisoWith } from '../support/scenario.js';
import { dealRun, MILESTONE_MESSAGES, milestoneEffects } from './givens.js';

const joined = events.joined('p1', '2025-01-01', null, 'join-p1');
const reached = (outcome: Parameters<typeof milestoneEffects>[0], partnerId = 'p1') =>
  milestoneEffects(outcome, partnerId).map(({ milestone, eventId }) => ({ milestone, eventId }));

describe('SISO milestones', () => {
  it('reaches each at the deal that makes it hold, with the programme’s message', () => {
    // Uncertified Starter, 20 % of 1,500.00 = 300.00 a deal. Deal 2: Starter with 2 deals. Deal 4:
    // 4 × 300.00 = 1,200.00 ≥ 1,000.00. Deal 5: 5 counted deals.
    const outcome = replay([joined, ...dealRun('p1', { from: '2025-01-10', count: 5, amount: '1500.00' })]);
    const at = (hour: number) => `2025-01-10T0${hour}:00:00.000Z`;
    expect(milestoneEffects(outcome, 'p1')).toEqual([
      {
        id: 'e-p1-d2:milestone.reached:p1:one-deal-to-active',
        type: 'milestone.reached',
        partnerId: 'p1',
        at: at(1),
        eventId: 'e-p1-d2',
        milestone: 'one-deal-to-active',
        message: MILESTONE_MESSAGES['one-deal-to-active'],
      },
      {
        id: 'e-p1-d4:milestone.reached:p1:first-1000-earned',
        type: 'milestone.reached',
        partnerId: 'p1',
        at: at(3),
        eventId: 'e-p1-d4',
        milestone: 'first-1000-earned',
        message: MILESTONE_MESSAGES['first-1000-earned'],
      },
      {
        id: 'e-p1-d5:milestone.reached:p1:halfway-to-performer',
        type: 'milestone.reached',
        partnerId: 'p1',
        at: at(4),
        eventId: 'e-p1-d5',
        milestone: 'halfway-to-performer',
        message: MILESTONE_MESSAGES['halfway-to-performer'],
      },
    ]);
    expect(outcome.partner('p1').milestones).toEqual([
      'one-deal-to-active',
      'first-1000-earned',
      'halfway-to-performer',
    ]);
  });

  it('reaches none before its rule holds', () => {
    // One deal: 1 counted deal, 300.00 earned.
    const outcome = replay([joined, events.deal('p1', 'x1', '1500.00', '2025-01-10')]);
    expect(reached(outcome)).toEqual([]);
  });

  it('reaches one-deal-to-active once, even when a refund takes the count back to 1 and up to 2', () => {
    // d1, d2 → 2 counted (reached); d2 refunded in full → 1; d3 → 2 again: not reached again.
    const outcome = replay([
      joined,
      ...dealRun('p1', { from: '2025-01-10', count: 2, amount: '100.00' }),
      events.refund('p1-d2', '100.00', '2025-01-11'),
      ...dealRun('p1', { from: '2025-01-12', count: 1, amount: '100.00', first: 3 }),
    ]);
    expect(reached(outcome)).toEqual([{ milestone: 'one-deal-to-active', eventId: 'e-p1-d2' }]);
  });

  it('tells a certified Starter with 2 deals only what is left: one deal', () => {
    // Certified on 2 January; deal 2 makes 2 counted deals: the certified milestone, whose message
    // does not ask for the certification again.
    const outcome = replay([
      joined,
      events.trained('p1', '2025-01-02'),
      ...dealRun('p1', { from: '2025-01-10', count: 2, amount: '100.00' }),
    ]);
    expect(milestoneEffects(outcome, 'p1').map(({ milestone, message }) => [milestone, message])).toEqual([
      ['one-deal-to-active-certified', MILESTONE_MESSAGES['one-deal-to-active-certified']],
    ]);
  });

  it('reaches halfway-to-performer and first-1000-earned once, whatever refunds do afterwards', () => {
    // 5 × 300.00 = 1,500.00 earned, 5 deals. d5 and d4 refunded in full: 3 deals, 900.00 earned.
    // d6, d7: 5 deals and 1,500.00 again. Nothing is reached a second time.
    const outcome = replay([
      joined,
      ...dealRun('p1', { from: '2025-01-10', count: 5, amount: '1500.00' }),
      events.refund('p1-d5', '1500.00', '2025-01-11'),
      events.refund('p1-d4', '1500.00', '2025-01-11T01:00:00Z'),
      ...dealRun('p1', { from: '2025-01-12', count: 2, amount: '1500.00', first: 6 }),
    ]);
    expect(outcome.partner('p1').balance.earned).toBe('1500.00');
    expect(reached(outcome)).toEqual([
      { milestone: 'one-deal-to-active', eventId: 'e-p1-d2' },
      { milestone: 'first-1000-earned', eventId: 'e-p1-d4' },
      { milestone: 'halfway-to-performer', eventId: 'e-p1-d5' },
    ]);
  });

  it('is reached by a sub-partner’s deal that earns the sponsor enough', () => {
    // s certified, 3 × 1,000.00: 200.00 + 200.00 + 220.00 (Active from the 3rd) = 620.00.
    // c's first deal of 8,000.00: referral bonus 5 % = 400.00 → s earned 1,020.00 ≥ 1,000.00.
    // c itself earns 20 % × 8,000.00 = 1,600.00 from the same deal.
    const outcome = replay([
      events.joined('s', '2025-01-01', null, 'join-s'),
      events.trained('s', '2025-01-02'),
      ...dealRun('s', { from: '2025-01-03', count: 3 }),
      events.joined('c', '2025-01-04', 's', 'join-c'),
      events.deal('c', 'c1', '8000.00', '2025-01-05'),
    ]);
    expect(outcome.partner('s').balance.earned).toBe('1020.00');
    expect(reached(outcome, 's')).toContainEqual({ milestone: 'first-1000-earned', eventId: 'e-c1' });
    expect(reached(outcome, 'c')).toContainEqual({ milestone: 'first-1000-earned', eventId: 'e-c1' });
  });

  it('changes no money and no tier', () => {
    // The same deals under SISO without milestones give the same ledger and tier; 5 × 300.00.
    const given = [joined, ...dealRun('p1', { from: '2025-01-10', count: 5, amount: '1500.00' })];
    const withMilestones = replay(given);
    const without = replay(given, { program: sisoWith({ milestones: [] }) });
    expect(reached(withMilestones)).toHaveLength(3);
    expect(reached(without)).toEqual([]);
    expect(withMilestones.ledger).toEqual(without.ledger);
    expect(withMilestones.entries().map((entry) => entry.amount)).toEqual(Array(5).fill('300.00'));
    expect([withMilestones.tierOf('p1'), without.tierOf('p1')]).toEqual(['starter', 'starter']);
  });
});
