// Money movement (SISO-PROGRAM.md, "Money movement"): earnings are pending for 30 days (30 × 24 h)
// after the deal closed, then payable; the payout run at 00:00 UTC on the 15th asks for the whole
// payable balance of every partner at or above 50.00 (below, it carries over); payout.paid moves
// payable to paid; a clawback after payout makes payable negative, recovered from later earnings.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { joinedPartner } from './givens.js';

// A Starter partner (uncertified, so every deal pays 20 %) who joined on 1 January.
const starter = joinedPartner('p1', '2025-01-01', { certified: false });

const payoutsDue = (outcome: ReturnType<typeof replay>) => outcome.effectsOf({ type: 'payout.due' });

describe('pending, then payable 30 days after the deal closed', () => {
  // 0.20 × 1,000.00 = 200.00, closed 10 January 12:00; 30 × 24 h later is 9 February 12:00.
  const given = [...starter, events.deal('p1', 'x', '1000.00', '2025-01-10T12:00:00Z')];

  it('is pending one second before', () => {
    const outcome = replay(given, { asOf: '2025-02-09T11:59:59Z' });
    expect(outcome.partner('p1').balance).toMatchObject({
      earned: '200.00',
      pending: '200.00',
      payable: '0.00',
    });
  });

  it('is payable at that instant', () => {
    const outcome = replay(given, { asOf: '2025-02-09T12:00:00Z' });
    expect(outcome.partner('p1').balance).toMatchObject({
      earned: '200.00',
      pending: '0.00',
      payable: '200.00',
    });
  });
});

describe('a refund while the earnings are pending', () => {
  it('takes the clawback from pending, and only the rest becomes payable', () => {
    const given = [
      ...starter,
      events.deal('p1', 'x', '1000.00', '2025-01-10'), // 0.20 × 1,000.00 = 200.00
      events.refund('x', '400.00', '2025-01-20', 'rf'), // 0.20 × -400.00 = -80.00
    ];
    // 200.00 - 80.00 = 120.00 pending, then payable from 9 February.
    expect(replay(given, { asOf: '2025-01-21' }).partner('p1').balance).toMatchObject({
      earned: '120.00',
      pending: '120.00',
      payable: '0.00',
      clawedBack: '80.00',
    });
    expect(replay(given, { asOf: '2025-02-09' }).partner('p1').balance).toMatchObject({
      pending: '0.00',
      payable: '120.00',
    });
  });
});

describe('the payout run on the 15th', () => {
  it('asks for the whole payable balance, leaving what is still pending', () => {
    const outcome = replay(
      [
        ...starter,
        events.deal('p1', 'a', '1000.00', '2025-01-10'), // 200.00, payable from 9 February
        events.deal('p1', 'b', '500.00', '2025-01-12'), //  100.00, payable from 11 February
        events.deal('p1', 'c', '1000.00', '2025-01-20'), // 200.00, payable from 19 February
      ],
      { asOf: '2025-02-15' },
    );
    // 15 January: nothing payable yet. 15 February: 200.00 + 100.00 = 300.00; c is still pending.
    expect(payoutsDue(outcome)).toEqual([
      {
        // The run's moment and the partner: one payout.due per partner per run.
        id: '@2025-02-15T00%3A00%3A00.000Z:payout.due:p1',
        type: 'payout.due',
        partnerId: 'p1',
        at: '2025-02-15T00:00:00.000Z',
        eventId: null,
        amount: '300.00',
        currency: 'USD',
      },
    ]);
    expect(outcome.partner('p1').balance).toMatchObject({
      pending: '200.00',
      payable: '300.00',
      paid: '0.00',
    });
  });

  it('carries a payable balance below 50.00 over to a later run that reaches it', () => {
    const outcome = replay(
      [
        ...starter,
        events.deal('p1', 'a', '200.00', '2025-01-10'), // 0.20 × 200.00 = 40.00, payable 9 February
        events.deal('p1', 'b', '100.00', '2025-02-01'), // 0.20 × 100.00 = 20.00, payable 3 March
      ],
      { asOf: '2025-03-15' },
    );
    // 15 February: 40.00 < 50.00, carried over. 15 March: 40.00 + 20.00 = 60.00.
    expect(
      payoutsDue(outcome).map((effect) => [effect.at, 'amount' in effect ? effect.amount : null]),
    ).toEqual([['2025-03-15T00:00:00.000Z', '60.00']]);
  });

  it('asks every partner at or above the minimum, in partner id order, and no one below it', () => {
    const outcome = replay(
      [
        ...joinedPartner('b', '2025-01-01', { certified: false }),
        ...joinedPartner('a', '2025-01-01', { certified: false }),
        ...joinedPartner('c', '2025-01-01', { certified: false }),
        events.deal('b', 'b1', '750.00', '2025-01-10'), // 0.20 × 750.00 = 150.00
        events.deal('a', 'a1', '300.00', '2025-01-10'), // 0.20 × 300.00 = 60.00
        events.deal('c', 'c1', '249.95', '2025-01-10'), // 0.20 × 249.95 = 49.99 < 50.00
      ],
      { asOf: '2025-02-15' },
    );
    expect(
      payoutsDue(outcome).map((effect) => [effect.partnerId, 'amount' in effect ? effect.amount : null]),
    ).toEqual([
      ['a', '60.00'],
      ['b', '150.00'],
    ]);
  });

  it('asks for a payable balance of exactly 50.00 (at least the minimum)', () => {
    const outcome = replay([...starter, events.deal('p1', 'a', '250.00', '2025-01-10')], {
      asOf: '2025-02-15',
    });
    // 0.20 × 250.00 = 50.00.
    expect(payoutsDue(outcome)).toEqual([
      expect.objectContaining({ amount: '50.00', at: '2025-02-15T00:00:00.000Z' }),
    ]);
  });
});

describe('payments and clawbacks after payment', () => {
  // 200.00 payable from 9 February, asked for on 15 February.
  const paidOut = [
    ...starter,
    events.deal('p1', 'x', '1000.00', '2025-01-10'),
    events.paid('p1', '200.00', '2025-02-16', 'pay-1'),
  ];

  it('moves payable to paid', () => {
    const outcome = replay(paidOut);
    expect(outcome.partner('p1').balance).toEqual({
      earned: '200.00',
      pending: '0.00',
      payable: '0.00',
      paid: '200.00',
      clawedBack: '0.00',
    });
    expect(outcome.partner('p1').payouts).toEqual([
      { eventId: 'pay-1', at: '2025-02-16T00:00:00.000Z', amount: '200.00' },
    ]);
  });

  it('takes a clawback after payment from payable, which goes negative, and recovers it from later earnings', () => {
    const given = [
      ...paidOut,
      events.refund('x', '1000.00', '2025-02-20', 'rf'), // 0.20 × -1,000.00 = -200.00
      events.deal('p1', 'y', '1500.00', '2025-03-01'), //    0.20 × 1,500.00 = 300.00, payable 31 March
    ];
    const afterRefund = replay(given, { asOf: '2025-02-20' });
    // earned 200.00 - 200.00 = 0.00 = pending 0.00 + payable -200.00 + paid 200.00.
    expect(afterRefund.partner('p1').balance).toEqual({
      earned: '0.00',
      pending: '0.00',
      payable: '-200.00',
      paid: '200.00',
      clawedBack: '200.00',
    });
    const later = replay(given, { asOf: '2025-04-15' });
    // 15 March: -200.00, nothing asked. 15 April: -200.00 + 300.00 = 100.00.
    expect(payoutsDue(later).map((effect) => [effect.at, 'amount' in effect ? effect.amount : null])).toEqual(
      [
        ['2025-02-15T00:00:00.000Z', '200.00'],
        ['2025-04-15T00:00:00.000Z', '100.00'],
      ],
    );
    expect(later.partner('p1').balance).toEqual({
      earned: '300.00',
      pending: '0.00',
      payable: '100.00',
      paid: '200.00',
      clawedBack: '200.00',
    });
  });

  it('accepts a payment of part of the payable balance', () => {
    const outcome = replay([
      ...starter,
      events.deal('p1', 'x', '1000.00', '2025-01-10'),
      events.paid('p1', '150.00', '2025-02-16', 'pay-1'),
    ]);
    // 200.00 - 150.00 = 50.00 still payable.
    expect(outcome.partner('p1').balance).toMatchObject({ payable: '50.00', paid: '150.00' });
  });

  it('rejects a payment above payable with PAYOUT_EXCEEDS_PAYABLE, changing nothing', () => {
    const base = [...starter, events.deal('p1', 'x', '1000.00', '2025-01-10')];
    const asOf = '2025-02-20';
    const outcome = replay([...base, events.paid('p1', '200.01', '2025-02-16', 'pay-1')], { asOf });
    const without = replay(base, { asOf });
    // 200.01 > 200.00 payable.
    expect(outcome.rejected).toEqual([
      expect.objectContaining({ eventId: 'pay-1', code: 'PAYOUT_EXCEEDS_PAYABLE' }),
    ]);
    expect(outcome.state).toEqual(without.state);
    expect(outcome.partner('p1').balance).toMatchObject({ payable: '200.00', paid: '0.00' });
  });

  it('rejects a payment of what is still pending', () => {
    const outcome = replay([
      ...starter,
      events.deal('p1', 'x', '1000.00', '2025-01-10'),
      events.paid('p1', '200.00', '2025-02-01', 'pay-1'),
    ]);
    // On 1 February the 200.00 is pending (payable from 9 February): payable 0.00 < 200.00.
    expect(outcome.rejected).toEqual([
      expect.objectContaining({ eventId: 'pay-1', code: 'PAYOUT_EXCEEDS_PAYABLE' }),
    ]);
  });
});
