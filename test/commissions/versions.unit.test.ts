// Effective-dated programme versions (program `versions`): a deal is paid under the version in
// force when it closed, and a new version never re-prices deals closed before it.
import { describe, expect, it } from 'vitest';
import { events, replay, sisoWith } from '../support/scenario.js';
import { partnerAt } from './givens.js';

// From 1 July, Active pays 24 % instead of 22 %.
const program = sisoWith({
  versions: [
    { version: '2025.2', effectiveFrom: '2025-07-01T00:00:00Z', tiers: { active: { baseRate: '0.24' } } },
  ],
});

describe('effective-dated versions', () => {
  // p1 is Active from 1 June (its 3rd deal); 4 deals in Q2 keep it Active at the 1 July review.
  const given = [
    ...partnerAt('active', 'p1', '2025-06-01'),
    events.deal('p1', 'june', '1000.00', '2025-06-20'),
    events.deal('p1', 'july-first', '1000.00', '2025-07-01'),
    events.deal('p1', 'july', '1000.00', '2025-07-10'),
  ];
  const outcome = replay(given, { asOf: '2025-08-01', program });

  it('pays a June deal 22 % under 2025.1', () => {
    // 0.22 × 1,000.00 = 220.00.
    expect(outcome.entries({ dealId: 'june' })).toEqual([
      expect.objectContaining({
        kind: 'commission',
        rate: '0.22',
        amount: '220.00',
        programVersion: '2025.1',
      }),
    ]);
    expect(outcome.entries({ dealId: 'p1-d3' })[0]).toMatchObject({ rate: '0.22', programVersion: '2025.1' });
  });

  it('pays July deals 24 % under 2025.2, from the first instant of 1 July', () => {
    // 0.24 × 1,000.00 = 240.00.
    for (const dealId of ['july-first', 'july']) {
      expect(outcome.entries({ dealId })).toEqual([
        expect.objectContaining({
          kind: 'commission',
          tier: 'active',
          rate: '0.24',
          amount: '240.00',
          programVersion: '2025.2',
        }),
      ]);
    }
  });

  it('never re-prices earlier deals: no entry for a June deal after June', () => {
    const juneDeals = new Set(['p1-d1', 'p1-d2', 'p1-d3', 'june']);
    const later = outcome.ledger.filter((entry) => juneDeals.has(entry.dealId) && entry.at >= '2025-07-01');
    expect(later).toEqual([]);
    // 200 + 200 + 220 + 220 (June) + 240 + 240 (July) = 1,320.00.
    expect(outcome.partner('p1').balance.earned).toBe('1320.00');
  });

  it('claws a June deal back at its own rate after the new version', () => {
    const refunded = replay([...given, events.refund('june', '500.00', '2025-07-15', 'rf')], { program });
    // 0.22 × -500.00 = -110.00 (the entry's rate, not 2025.2's 24 %).
    expect(refunded.entries({ eventId: 'rf' })).toEqual([
      expect.objectContaining({ kind: 'clawback', rate: '0.22', basis: '-500.00', amount: '-110.00' }),
    ]);
  });
});
