// Retroactive tier rates (tier `retroactive: { period }`): when a partner reaches such a tier, its
// earlier counted deals of the same period paid a lower tier rate are topped up by adjustment
// entries (rate = the difference, basis = the deal amount), which refunds claw back like any entry.
import { describe, expect, it } from 'vitest';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, replay, sisoWith } from '../support/scenario.js';
import { joinedPartner, moneyOf, netOn } from './givens.js';

function activeRetroactiveByMonth() {
  const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
  const active = tiers[1];
  if (active?.id !== 'active') throw new Error('SISO has Active second');
  active.retroactive = { period: 'month' };
  return sisoWith({ tiers });
}
const program = activeRetroactiveByMonth();
const certified = joinedPartner('p1', '2025-02-20');

describe('retroactive Active rate within the month', () => {
  // d1 and d2 pay 20 % as Starter; d3 is the 3rd counted deal: Active, 22 %.
  const march = [
    ...certified,
    events.deal('p1', 'd1', '1000.00', '2025-03-03'), // 0.20 × 1,000.00 = 200.00
    events.deal('p1', 'd2', '500.00', '2025-03-05'), //  0.20 × 500.00 = 100.00
    events.deal('p1', 'd3', '800.00', '2025-03-10'), //  0.22 × 800.00 = 176.00
  ];

  it('tops up the month’s earlier deals by 2 % of their amount when the 3rd promotes', () => {
    const outcome = replay(march, { program });
    // 0.22 - 0.20 = 0.02: d1 0.02 × 1,000.00 = 20.00, d2 0.02 × 500.00 = 10.00.
    expect(outcome.entries({ eventId: 'e-d3' }).map(moneyOf)).toEqual([
      {
        id: 'e-d3:commission',
        partnerId: 'p1',
        kind: 'commission',
        rate: '0.22',
        basis: '800.00',
        amount: '176.00',
      },
      {
        id: 'e-d3:adjustment:d1',
        partnerId: 'p1',
        kind: 'adjustment',
        rate: '0.02',
        basis: '1000.00',
        amount: '20.00',
      },
      {
        id: 'e-d3:adjustment:d2',
        partnerId: 'p1',
        kind: 'adjustment',
        rate: '0.02',
        basis: '500.00',
        amount: '10.00',
      },
    ]);
    expect(outcome.entries({ id: 'e-d3:adjustment:d1' })[0]).toMatchObject({
      dealId: 'd1',
      rateSource: 'retroactive',
    });
    // 200.00 + 100.00 + 176.00 + 20.00 + 10.00 = 506.00 = 0.22 × (1,000 + 500 + 800).
    expect(outcome.partner('p1').balance.earned).toBe('506.00');
  });

  it('does not top up a deal of February', () => {
    const outcome = replay(
      [
        ...certified,
        events.deal('p1', 'd1', '1000.00', '2025-02-25'),
        events.deal('p1', 'd2', '500.00', '2025-03-05'),
        events.deal('p1', 'd3', '800.00', '2025-03-10'),
      ],
      { program },
    );
    // Only d2 is of March: 0.02 × 500.00 = 10.00.
    expect(outcome.entries({ kind: 'adjustment' }).map(moneyOf)).toEqual([
      {
        id: 'e-d3:adjustment:d2',
        partnerId: 'p1',
        kind: 'adjustment',
        rate: '0.02',
        basis: '500.00',
        amount: '10.00',
      },
    ]);
    expect(outcome.entries({ dealId: 'd1' })).toHaveLength(1);
  });

  it('tops up every deal of the month when the certification is what promotes', () => {
    const outcome = replay(
      [
        ...joinedPartner('p2', '2025-02-20', { certified: false }),
        events.deal('p2', 'd1', '1000.00', '2025-03-02'), // 0.20 × 1,000.00 = 200.00
        events.deal('p2', 'd2', '500.00', '2025-03-03'), //  0.20 × 500.00 = 100.00
        events.deal('p2', 'd3', '250.00', '2025-03-04'), //  0.20 × 250.00 = 50.00 (not certified yet)
        events.trained('p2', '2025-03-20', 'certification', 'cert-p2'),
      ],
      { program },
    );
    // 0.02 × 1,000.00 = 20.00, 0.02 × 500.00 = 10.00, 0.02 × 250.00 = 5.00.
    expect(
      outcome
        .entries({ eventId: 'cert-p2' })
        .map((entry) => [entry.id, entry.rate, entry.basis, entry.amount]),
    ).toEqual([
      ['cert-p2:adjustment:d1', '0.02', '1000.00', '20.00'],
      ['cert-p2:adjustment:d2', '0.02', '500.00', '10.00'],
      ['cert-p2:adjustment:d3', '0.02', '250.00', '5.00'],
    ]);
  });

  it('does not top up under the unchanged SISO programme', () => {
    expect(replay(march).entries({ kind: 'adjustment' })).toEqual([]);
  });

  it('claws back the top-up with the commission when the deal is refunded', () => {
    const outcome = replay([...march, events.refund('d1', '1000.00', '2025-03-20', 'rf')], { program });
    // 0.20 × -1,000.00 = -200.00 and 0.02 × -1,000.00 = -20.00: d1 nets 0.00.
    expect(outcome.entries({ eventId: 'rf' }).map(moneyOf)).toEqual([
      {
        id: 'rf:clawback:e-d1:commission',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '0.20',
        basis: '-1000.00',
        amount: '-200.00',
      },
      {
        id: 'rf:clawback:e-d3:adjustment:d1',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '0.02',
        basis: '-1000.00',
        amount: '-20.00',
      },
    ]);
    expect(netOn(outcome, 'p1', 'd1')).toBe('0.00');
  });

  it('claws back the top-up in proportion to a partial refund', () => {
    const outcome = replay([...march, events.refund('d1', '250.00', '2025-03-20', 'rf')], { program });
    // 0.20 × -250.00 = -50.00 and 0.02 × -250.00 = -5.00: d1 nets 220.00 - 55.00 = 165.00.
    expect(outcome.entries({ eventId: 'rf' }).map((entry) => entry.amount)).toEqual(['-50.00', '-5.00']);
    expect(netOn(outcome, 'p1', 'd1')).toBe('165.00');
  });
});

describe('retroactive rates and programme versions', () => {
  // Active 22 % until 15 March, 24 % from then (version 2025.2), retroactive by month.
  const versioned = sisoWith({
    tiers: JSON.parse(JSON.stringify(program.tiers)),
    versions: [
      { version: '2025.2', effectiveFrom: '2025-03-15T00:00:00Z', tiers: { active: { baseRate: '0.24' } } },
    ],
  });
  const given = [
    ...certified,
    events.deal('p1', 'd1', '1000.00', '2025-03-02'), // Starter: 0.20 × 1,000.00 = 200.00
    events.deal('p1', 'd2', '1000.00', '2025-03-03'), // Starter: 0.20 × 1,000.00 = 200.00
    events.deal('p1', 'd3', '1000.00', '2025-03-04'), // Active (2025.1): 0.22 × 1,000.00 = 220.00; d1, d2 + 0.02
    events.deal('p1', 'd4', '1000.00', '2025-03-20'), // Active (2025.2): 0.24 × 1,000.00 = 240.00
  ];

  it('tops up to the rate of the version in force when each deal closed, never re-pricing', () => {
    const outcome = replay(given, { program: versioned });
    // d1 and d2 closed under 2025.1: topped up to 22 % at d3 (0.02 × 1,000.00 = 20.00 each) and
    // never again when 2025.2 pays 24 % on d4; d3 keeps its 22 %.
    expect(
      outcome.entries({ kind: 'adjustment' }).map((entry) => [entry.dealId, entry.rate, entry.amount]),
    ).toEqual([
      ['d1', '0.02', '20.00'],
      ['d2', '0.02', '20.00'],
    ]);
    expect(
      outcome.entries({ eventId: 'e-d4' }).map((entry) => [entry.kind, entry.rate, entry.amount]),
    ).toEqual([['commission', '0.24', '240.00']]);
  });

  it('names the commission an adjustment tops up', () => {
    const outcome = replay(given, { program: versioned });
    expect(outcome.entries({ kind: 'adjustment', dealId: 'd1' })[0]?.reverses).toBe('e-d1:commission');
  });
});
