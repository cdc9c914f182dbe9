// Which rate pays a deal (SISO-PROGRAM.md, "Tiers"): the base rate of the tier the seller holds
// once that deal is counted, so the deal that promotes is already paid the new rate: a certified
// partner's 3rd deal at 22 %, its 10th at 25 %, its 25th at 30 %.
import { describe, expect, it } from 'vitest';
import { replay } from '../support/scenario.js';
import { dealRun, joinedPartner } from './givens.js';

const commissionOf = (outcome: ReturnType<typeof replay>, dealId: string) =>
  outcome.entries({ dealId, kind: 'commission' })[0];

describe('commission at the rate of the tier held once the deal counts', () => {
  // A certified partner closes 26 deals of 1,000.00, one an hour.
  const outcome = replay([
    ...joinedPartner('p1', '2025-01-01'),
    ...dealRun('p1', { from: '2025-01-01T02:00:00Z', count: 26 }),
  ]);

  it.each([
    // deal, tier held once it counts, rate, 1,000.00 × rate
    ['p1-d1', 'starter', '0.20', '200.00'],
    ['p1-d2', 'starter', '0.20', '200.00'],
    ['p1-d3', 'active', '0.22', '220.00'],
    ['p1-d4', 'active', '0.22', '220.00'],
    ['p1-d9', 'active', '0.22', '220.00'],
    ['p1-d10', 'performer', '0.25', '250.00'],
    ['p1-d11', 'performer', '0.25', '250.00'],
    ['p1-d24', 'performer', '0.25', '250.00'],
    ['p1-d25', 'elite', '0.30', '300.00'],
    ['p1-d26', 'elite', '0.30', '300.00'],
  ])('pays %s as %s: %s × 1,000.00 = %s', (dealId, tier, rate, amount) => {
    expect(commissionOf(outcome, dealId)).toMatchObject({
      id: `e-${dealId}:commission`,
      tier,
      rate,
      basis: '1000.00',
      amount,
      rateSource: 'tier',
    });
  });

  it('sums to the hand total', () => {
    // 2 × 200.00 + 7 × 220.00 + 15 × 250.00 + 2 × 300.00 = 400 + 1,540 + 3,750 + 600 = 6,290.00
    expect(outcome.partner('p1').balance.earned).toBe('6290.00');
  });

  it('keeps an uncertified partner at 20 % on its 3rd and 10th deals (Active needs the certification)', () => {
    const uncertified = replay([
      ...joinedPartner('p2', '2025-01-01', { certified: false }),
      ...dealRun('p2', { from: '2025-01-01T02:00:00Z', count: 10 }),
    ]);
    // Performer needs every lower rule too, so no tier above Starter: 0.20 × 1,000.00 = 200.00.
    expect(commissionOf(uncertified, 'p2-d3')).toMatchObject({
      tier: 'starter',
      rate: '0.20',
      amount: '200.00',
    });
    expect(commissionOf(uncertified, 'p2-d10')).toMatchObject({
      tier: 'starter',
      rate: '0.20',
      amount: '200.00',
    });
  });
});
