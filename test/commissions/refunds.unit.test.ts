// Refunds (SISO-PROGRAM.md, "Money movement"; CONTRACT.md, "Rejections"): every entry of the
// deal is clawed back in proportion, each clawback rate × -refunded rounded once; once the deal is
// refunded in full an adjustment reverses any rounding residue, so every partner nets 0.00 on it.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { joinedPartner, moneyOf, netOn, partnerAt, sumOf } from './givens.js';

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('partial refunds that add up to the deal', () => {
  // p1 is Active (620.00 earned on its 3 qualifying deals: 200 + 200 + 220); deal x pays 0.22 × 1,000.00 = 220.00.
  const given = [
    ...partnerAt('active', 'p1', '2025-01-01'),
    events.deal('p1', 'x', '1000.00', '2025-01-02'),
    events.refund('x', '333.33', '2025-01-03', 'r1'),
    events.refund('x', '333.33', '2025-01-04', 'r2'),
    events.refund('x', '333.34', '2025-01-05', 'r3'),
  ];
  const outcome = replay(given);

  it('claws back each part at 22 % and takes the remainder with the refund that completes it', () => {
    // 0.22 × -333.33 = -73.3326 → -73.33, twice: 220.00 - 146.66 = 73.34 left.
    // r3 completes the refund: its clawback is the remainder, 1.00 × -73.34 = -73.34 (in
    // proportion it would have been 0.22 × -333.34 = -73.3348 → -73.33, leaving 0.01), so the
    // clawbacks add up to exactly the 220.00 earned, with no adjustment.
    expect(outcome.entries({ dealId: 'x' }).map(moneyOf)).toEqual([
      {
        id: 'e-x:commission',
        partnerId: 'p1',
        kind: 'commission',
        rate: '0.22',
        basis: '1000.00',
        amount: '220.00',
      },
      {
        id: 'r1:clawback:e-x:commission',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '0.22',
        basis: '-333.33',
        amount: '-73.33',
      },
      {
        id: 'r2:clawback:e-x:commission',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '0.22',
        basis: '-333.33',
        amount: '-73.33',
      },
      {
        id: 'r3:clawback:e-x:commission',
        partnerId: 'p1',
        kind: 'clawback',
        rate: '1.00',
        basis: '-73.34',
        amount: '-73.34',
      },
    ]);
    expect(outcome.entries({ id: 'r3:clawback:e-x:commission' })[0]?.reverses).toBe('e-x:commission');
    expect(outcome.entries({ id: 'r3:clawback:e-x:commission' })[0]?.explanation).toContain('the remainder');
    expect(outcome.entries({ id: 'r1:clawback:e-x:commission' })[0]).toMatchObject({
      reverses: 'e-x:commission',
      rateSource: 'refund',
      dealId: 'x',
      sourcePartnerId: 'p1',
    });
  });

  it('nets the deal to 0.00 and leaves the balance at the other deals', () => {
    expect(netOn(outcome, 'p1', 'x')).toBe('0.00');
    // 620.00 + 220.00 - 73.33 - 73.33 - 73.34 = 620.00, all pending (nothing is 30 days old).
    // clawedBack is the sum of the clawback entries (CONTRACT.md): exactly the 220.00 earned on x.
    expect(outcome.partner('p1').balance).toEqual({
      earned: '620.00',
      pending: '620.00',
      payable: '0.00',
      paid: '0.00',
      clawedBack: '220.00',
    });
  });

  it('stops counting the deal once it is refunded in full', () => {
    // 4 closed - 1 refunded in full = 3.
    expect(outcome.partner('p1').countedDeals).toBe(3);
  });
});

describe('refunds that are rejected', () => {
  const base = [
    ...joinedPartner('p1', '2025-01-01', { certified: false }),
    events.deal('p1', 'x', '1000.00', '2025-01-02'),
    events.refund('x', '600.00', '2025-01-03', 'r1'),
  ];
  const asOf = '2025-01-10';

  it('rejects a refund beyond what is left of the deal with REFUND_EXCEEDS_DEAL, changing nothing', () => {
    // 1,000.00 - 600.00 = 400.00 left; 500.00 is more.
    const over = events.refund('x', '500.00', '2025-01-04', 'r2');
    const outcome = replay([...base, over], { asOf });
    const without = replay(base, { asOf });
    expect(outcome.rejected).toEqual([
      expect.objectContaining({ eventId: 'r2', index: 3, code: 'REFUND_EXCEEDS_DEAL' }),
    ]);
    expect(outcome.state).toEqual(without.state);
    expect(outcome.ledger).toEqual(without.ledger);
    expect(outcome.effects).toEqual(without.effects);
    // 200.00 - 0.20 × 600.00 = 200.00 - 120.00 = 80.00.
    expect(outcome.partner('p1').balance.earned).toBe('80.00');
  });

  it('accepts a refund of exactly what is left', () => {
    const outcome = replay([...base, events.refund('x', '400.00', '2025-01-04', 'r2')], { asOf });
    // 0.20 × -400.00 = -80.00: 200.00 - 120.00 - 80.00 = 0.00.
    expect(outcome.rejected).toEqual([]);
    expect(netOn(outcome, 'p1', 'x')).toBe('0.00');
  });

  it('rejects a refund of a deal never closed with UNKNOWN_DEAL, changing nothing', () => {
    const outcome = replay([...base, events.refund('nope', '10.00', '2025-01-04', 'r2')], { asOf });
    const without = replay(base, { asOf });
    expect(outcome.rejected).toEqual([expect.objectContaining({ eventId: 'r2', code: 'UNKNOWN_DEAL' })]);
    expect(outcome.state).toEqual(without.state);
    expect(outcome.ledger).toEqual(without.ledger);
  });

  it('returns the same state from apply when a refund is rejected', () => {
    const { engine, state } = replay(base, { asOf });
    const result = engine.apply(state, events.refund('x', '400.01', '2025-01-11', 'r2'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('REFUND_EXCEEDS_DEAL');
    expect(result.state).toBe(state);
  });
});

describe('refunds through the team', () => {
  // s is Performer; r, its recruit, is Starter. r-d1 of 1,234.57 pays:
  //   r: 0.20 × 1,234.57 = 246.914  → 246.91
  //   s: 0.05 × 1,234.57 = 61.7285  → 61.73 (bonus)
  //   s: 0.10 × 1,234.57 = 123.457  → 123.46 (override)
  const team = [
    ...partnerAt('performer', 's', '2025-01-01'),
    ...joinedPartner('r', '2025-01-02', { sponsorId: 's', certified: false }),
    events.deal('r', 'r-d1', '1234.57', '2025-01-03'),
  ];

  it('reverses commission, referral bonus and override exactly on a full refund', () => {
    const outcome = replay([...team, events.refund('r-d1', '1234.57', '2025-01-04', 'rf')]);
    // The same products negated, HALF_EVEN being symmetric: no residue, no adjustment.
    expect(byId(outcome.entries({ eventId: 'rf' })).map(moneyOf)).toEqual([
      {
        id: 'rf:clawback:e-r-d1:commission',
        partnerId: 'r',
        kind: 'clawback',
        rate: '0.20',
        basis: '-1234.57',
        amount: '-246.91',
      },
      {
        id: 'rf:clawback:e-r-d1:override:1',
        partnerId: 's',
        kind: 'clawback',
        rate: '0.10',
        basis: '-1234.57',
        amount: '-123.46',
      },
      {
        id: 'rf:clawback:e-r-d1:referral-bonus',
        partnerId: 's',
        kind: 'clawback',
        rate: '0.05',
        basis: '-1234.57',
        amount: '-61.73',
      },
    ]);
    expect(netOn(outcome, 'r', 'r-d1')).toBe('0.00');
    expect(netOn(outcome, 's', 'r-d1')).toBe('0.00');
    // r earned only on r-d1: 246.91 - 246.91 = 0.00, of which 246.91 clawed back.
    expect(outcome.partner('r').balance).toMatchObject({ earned: '0.00', clawedBack: '246.91' });
  });

  it('claws back every entry in proportion to a partial refund', () => {
    const outcome = replay([...team, events.refund('r-d1', '333.33', '2025-01-04', 'rf1')]);
    //   r: 0.20 × -333.33 = -66.666   → -66.67
    //   s: 0.05 × -333.33 = -16.6665  → -16.67 (0.0065 past the cent: not a tie)
    //   s: 0.10 × -333.33 = -33.333   → -33.33
    expect(
      byId(outcome.entries({ eventId: 'rf1' })).map((entry) => [
        entry.id,
        entry.rate,
        entry.basis,
        entry.amount,
      ]),
    ).toEqual([
      ['rf1:clawback:e-r-d1:commission', '0.20', '-333.33', '-66.67'],
      ['rf1:clawback:e-r-d1:override:1', '0.10', '-333.33', '-33.33'],
      ['rf1:clawback:e-r-d1:referral-bonus', '0.05', '-333.33', '-16.67'],
    ]);
    // s keeps 61.73 + 123.46 - 16.67 - 33.33 = 135.19 of r-d1.
    expect(netOn(outcome, 's', 'r-d1')).toBe('135.19');
  });

  it('takes the remainder of every partner’s entry when the rest is refunded', () => {
    const outcome = replay([
      ...team,
      events.refund('r-d1', '333.33', '2025-01-04', 'rf1'),
      events.refund('r-d1', '901.24', '2025-01-05', 'rf2'),
    ]);
    // 333.33 + 901.24 = 1,234.57: refunded in full, so rf2 takes what each entry has left.
    //   r: 246.91 - 66.67 = 180.24 left (0.20 × -901.24 = -180.248 → -180.25 would take 0.01 too many)
    //   s bonus: 61.73 - 16.67 = 45.06 left, the same as 0.05 × -901.24 = -45.062 → -45.06: in proportion
    //   s override: 123.46 - 33.33 = 90.13 left (0.10 × -901.24 = -90.124 → -90.12 would leave 0.01)
    expect(
      byId(outcome.entries({ eventId: 'rf2' })).map((entry) => [
        entry.id,
        entry.rate,
        entry.basis,
        entry.amount,
      ]),
    ).toEqual([
      ['rf2:clawback:e-r-d1:commission', '1.00', '-180.24', '-180.24'],
      ['rf2:clawback:e-r-d1:override:1', '1.00', '-90.13', '-90.13'],
      ['rf2:clawback:e-r-d1:referral-bonus', '0.05', '-901.24', '-45.06'],
    ]);
    expect(netOn(outcome, 'r', 'r-d1')).toBe('0.00');
    expect(netOn(outcome, 's', 'r-d1')).toBe('0.00');
    expect(sumOf(outcome.entries({ dealId: 'r-d1' }))).toBe('0.00');
    // r's clawbacks: 66.67 + 180.24 = 246.91, exactly what r-d1 paid it.
    expect(outcome.partner('r').balance).toMatchObject({ earned: '0.00', clawedBack: '246.91' });
  });

  it('never claws back more than a deal earned (200.00 refunded in three parts)', () => {
    // A Starter's 1,000.00 deal pays 0.20 × 1,000.00 = 200.00. Refunds of 333.33, 333.33, 333.34:
    // 0.20 × -333.33 = -66.666 → -66.67 twice (133.34); in proportion the third would be
    // 0.20 × -333.34 = -66.668 → -66.67 (200.01 in all); it takes the remainder, 66.66, instead.
    const outcome = replay([
      ...joinedPartner('q', '2025-01-01', { certified: false }),
      events.deal('q', 'qx', '1000.00', '2025-01-02'),
      events.refund('qx', '333.33', '2025-01-03', 'q1'),
      events.refund('qx', '333.33', '2025-01-04', 'q2'),
      events.refund('qx', '333.34', '2025-01-05', 'q3'),
    ]);
    expect(outcome.entries({ dealId: 'qx' }).map((entry) => [entry.kind, entry.amount])).toEqual([
      ['commission', '200.00'],
      ['clawback', '-66.67'],
      ['clawback', '-66.67'],
      ['clawback', '-66.66'],
    ]);
    expect(outcome.partner('q').balance).toMatchObject({ earned: '0.00', clawedBack: '200.00' });
  });
});
