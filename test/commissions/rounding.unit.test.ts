// Each ledger entry is rate × basis rounded once to cents with HALF_EVEN (SISO-PROGRAM.md: "rounding
// HALF_EVEN per ledger entry"): a tie goes to the even cent, anything else to the nearest cent.
// Partners are brought to the tier whose rate gives the product wanted.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { joinedPartner, moneyOf, netOn, partnerAt } from './givens.js';

describe('HALF_EVEN rounding of each entry', () => {
  it('rounds 22 % of 10.75 = 2.365 down to the even cent 2.36 (Active)', () => {
    const outcome = replay([
      ...partnerAt('active', 'p1', '2025-01-01'),
      events.deal('p1', 'x', '10.75', '2025-01-02'),
    ]);
    // 0.22 × 10.75 = 2.365: a tie between 2.36 and 2.37; 6 is even.
    expect(moneyOf(outcome.entries({ dealId: 'x' })[0])).toEqual({
      id: 'e-x:commission',
      partnerId: 'p1',
      kind: 'commission',
      rate: '0.22',
      basis: '10.75',
      amount: '2.36',
    });
  });

  it('rounds 22 % of 10.25 = 2.255 up to the even cent 2.26 (Active)', () => {
    const outcome = replay([
      ...partnerAt('active', 'p1', '2025-01-01'),
      events.deal('p1', 'x', '10.25', '2025-01-02'),
    ]);
    // 0.22 × 10.25 = 2.255: a tie between 2.25 and 2.26; 6 is even.
    expect(outcome.entries({ dealId: 'x' })[0]?.amount).toBe('2.26');
  });

  it('rounds 25 % of 10.02 = 2.505 down to the even cent 2.50 (Performer)', () => {
    const outcome = replay([
      ...partnerAt('performer', 'p1', '2025-01-01'),
      events.deal('p1', 'x', '10.02', '2025-01-02'),
    ]);
    // 0.25 × 10.02 = 2.505: a tie between 2.50 and 2.51; 0 is even.
    expect(moneyOf(outcome.entries({ dealId: 'x' })[0])).toMatchObject({
      rate: '0.25',
      basis: '10.02',
      amount: '2.50',
    });
  });

  it('keeps an exact product: 20 % of 10.05 = 2.01 (Starter)', () => {
    const outcome = replay([
      ...joinedPartner('p1', '2025-01-01', { certified: false }),
      events.deal('p1', 'x', '10.05', '2025-01-02'),
    ]);
    // 0.20 × 10.05 = 2.010 exactly.
    expect(moneyOf(outcome.entries({ dealId: 'x' })[0])).toMatchObject({
      rate: '0.20',
      basis: '10.05',
      amount: '2.01',
    });
  });

  it('rounds a negative tie the same way: the full refund of 10.75 claws back -2.36', () => {
    const outcome = replay([
      ...partnerAt('active', 'p1', '2025-01-01'),
      events.deal('p1', 'x', '10.75', '2025-01-02'),
      events.refund('x', '10.75', '2025-01-03', 'r1'),
    ]);
    // 0.22 × -10.75 = -2.365: a tie, to the even cent -2.36; 2.36 - 2.36 = 0.00, no residue.
    expect(outcome.entries({ dealId: 'x', kind: 'clawback' }).map(moneyOf)).toEqual([
      {
        id: 'r1:clawback:e-x:commission',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '0.22',
        basis: '-10.75',
        amount: '-2.36',
      },
    ]);
    expect(outcome.entries({ dealId: 'x', kind: 'adjustment' })).toEqual([]);
    expect(netOn(outcome, 'p1', 'x')).toBe('0.00');
  });
});
