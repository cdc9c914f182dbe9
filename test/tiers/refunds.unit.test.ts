// Refunds and tiers (SISO-PROGRAM.md, "Tiers": counted deals are closed deals not refunded in
// full). A full refund stops the deal counting, a partial one does not; nothing demotes but a
// review, and a refunded deal never brings a promotion.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { certifiedPartner, dealRun, statusOf } from '../support/tiers.js';

const active = [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 3 })];

describe('refunds and counted deals', () => {
  it('drops countedDeals on a full refund without demoting', () => {
    const outcome = replay([...active, events.refund('p1-d3', '1000.00', '2025-01-10', 'refund-3')]);
    // 3 closed − 1 refunded in full = 2 counted, below Active's 3, but only reviews demote.
    expect(outcome.partner('p1').countedDeals).toBe(2);
    expect(outcome.partner('p1').dealsClosed).toBe(3);
    expect(outcome.tierOf('p1')).toBe('active');
    expect(
      outcome.effectsOf({ eventId: 'refund-3' }).filter((effect) => effect.type.startsWith('tier.')),
    ).toEqual([]);
  });

  it('keeps counting a partially refunded deal', () => {
    const outcome = replay([...active, events.refund('p1-d3', '999.99', '2025-01-10', 'refund-part')]);
    // 1,000.00 − 999.99 = 0.01 still stands: the deal counts.
    expect(outcome.partner('p1').countedDeals).toBe(3);
  });

  it('stops counting once partial refunds add up to the whole amount', () => {
    const outcome = replay([
      ...active,
      events.refund('p1-d3', '400.00', '2025-01-10', 'refund-a'),
      events.refund('p1-d3', '600.00', '2025-01-11', 'refund-b'),
    ]);
    // 400.00 + 600.00 = 1,000.00: refunded in full.
    expect(outcome.partner('p1').countedDeals).toBe(2);
  });

  it('does not promote on a refunded deal: 3 closed with one refunded in full, then certified, stays Starter', () => {
    const given = [
      events.joined('p1', '2025-01-01', null, 'join-p1'),
      ...dealRun('p1', { from: '2025-01-02', count: 3 }),
      events.refund('p1-d3', '1000.00', '2025-01-05', 'refund-3'),
      events.trained('p1', '2025-01-06', 'certification', 'cert-p1'),
    ];
    const outcome = replay(given);
    // 3 − 1 = 2 counted < 3: the certification does not promote.
    expect(outcome.tierOf('p1')).toBe('starter');
    expect(outcome.effectsOf({ type: 'tier.promoted', eventId: 'cert-p1' })).toEqual([]);
    // The next deal is the 3rd counted one: promoted there, paid 0.22 × 1,000.00 = 220.00.
    const next = replay([...given, events.deal('p1', 'p1-d4', '1000.00', '2025-01-07')]);
    expect(next.effectsOf({ type: 'tier.promoted', eventId: 'e-p1-d4' })).toEqual([
      expect.objectContaining({ from: 'starter', to: 'active' }),
    ]);
    expect(next.entries({ kind: 'commission', dealId: 'p1-d4' })[0]).toMatchObject({
      rate: '0.22',
      amount: '220.00',
    });
  });

  it('does not count a deal refunded in full within the quarter at the review', () => {
    const given = [
      ...active,
      events.deal('p1', 'p1-q2', '1000.00', '2025-05-01'),
      events.refund('p1-q2', '1000.00', '2025-05-10', 'refund-q2'),
    ];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    // Q2 has 1 closed − 1 refunded in full = 0 counted < 1: at risk.
    expect(outcome.effectsOf({ type: 'tier.at-risk', partnerId: 'p1' })).toHaveLength(1);
    expect(statusOf(outcome, 'p1')).toBe('at-risk');
  });

  it('counts a partially refunded deal at the review', () => {
    const given = [
      ...active,
      events.deal('p1', 'p1-q2', '1000.00', '2025-05-01'),
      events.refund('p1-q2', '500.00', '2025-05-10', 'refund-q2'),
    ];
    const outcome = replay(given, { asOf: '2025-07-01T00:00:00Z' });
    expect(outcome.effectsOf({ type: 'tier.at-risk', partnerId: 'p1' })).toEqual([]);
  });
});
