// A partner's statement for a period (engine.statement) and its next payout (engine.nextPayout):
// closing = opening + entries − payouts, where opening is what was earned less paid before the
// period; the next payout is the next 15th with what will be payable by then.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json' with { type: 'json' };
import { loadProgram } from '../../src/program/load.js';
import { events, replay } from '../support/scenario.js';
import { joinedPartner } from './givens.js';

// A Starter partner (20 %): 200.00 on a, paid on 16 February; 100.00 on b; b refunded 100.00.
const given = [
  ...joinedPartner('p1', '2025-01-01', { certified: false }),
  events.deal('p1', 'a', '1000.00', '2025-01-10'), // 0.20 × 1,000.00 = 200.00, payable 9 Feb
  events.paid('p1', '200.00', '2025-02-16', 'pay-1'),
  events.deal('p1', 'b', '500.00', '2025-02-20'), // 0.20 × 500.00 = 100.00
  events.refund('b', '100.00', '2025-03-05', 'rf'), // 0.20 × -100.00 = -20.00
];
const outcome = replay(given, { asOf: '2025-04-01' });
const statementOf = (from?: string, to?: string) =>
  outcome.engine.statement(outcome.state, outcome.ledger, 'p1', {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });

describe('statement', () => {
  it('for February: opening 200.00 + 100.00 earned − 200.00 paid = 100.00', () => {
    const february = statementOf('2025-02-01T00:00:00Z', '2025-03-01T00:00:00Z');
    expect(february).toMatchObject({
      partnerId: 'p1',
      currency: 'USD',
      openingBalance: '200.00',
      totalsByKind: { commission: '100.00' },
      payouts: [{ eventId: 'pay-1', at: '2025-02-16T00:00:00.000Z', amount: '200.00' }],
      closingBalance: '100.00',
    });
    expect(february.entries.map((entry) => entry.id)).toEqual(['e-b:commission']);
  });

  it('for March: opening 100.00 − 20.00 clawed back = 80.00', () => {
    // Opening: 200.00 + 100.00 earned − 200.00 paid before 1 March = 100.00.
    const march = statementOf('2025-03-01T00:00:00Z', '2025-04-01T00:00:00Z');
    expect(march).toMatchObject({
      openingBalance: '100.00',
      totalsByKind: { clawback: '-20.00' },
      payouts: [],
      closingBalance: '80.00',
    });
    expect(march.entries.map((entry) => entry.id)).toEqual(['rf:clawback:e-b:commission']);
  });

  it('for all time: 0.00 + 200.00 + 100.00 − 20.00 − 200.00 = 80.00, earned less paid', () => {
    const all = statementOf();
    expect(all).toMatchObject({ openingBalance: '0.00', closingBalance: '80.00' });
    expect(all.entries).toHaveLength(3);
    // earned 280.00 − paid 200.00 = 80.00.
    expect(outcome.partner('p1').balance).toMatchObject({ earned: '280.00', paid: '200.00' });
  });
});

describe('next payout', () => {
  const deals = [
    ...joinedPartner('p1', '2025-01-01', { certified: false }),
    events.deal('p1', 'a', '1000.00', '2025-01-10'), // 200.00, payable 9 February
    events.deal('p1', 'b', '500.00', '2025-01-25'), //  100.00, payable 24 February
  ];

  it('is the next 15th with what will be payable by then', () => {
    const state = replay(deals, { asOf: '2025-01-30' });
    // 15 February: a (released 9 February) 200.00; b is released after the run.
    expect(state.engine.nextPayout(state.state, 'p1')).toEqual({
      at: '2025-02-15T00:00:00.000Z',
      expected: '200.00',
      reachesMinimum: true,
      minimum: '50.00',
    });
  });

  it('adds what is payable now to what is released before the run', () => {
    // After the 15 February run (not paid by the host): 200.00 payable, and b released 24 February.
    const state = replay(deals, { asOf: '2025-02-20' });
    expect(state.engine.nextPayout(state.state, 'p1')).toMatchObject({
      at: '2025-03-15T00:00:00.000Z',
      expected: '300.00',
      reachesMinimum: true,
    });
  });

  it('says when the amount stays below the minimum', () => {
    const state = replay(
      [
        ...joinedPartner('p1', '2025-01-01', { certified: false }),
        events.deal('p1', 'a', '200.00', '2025-01-10'),
      ],
      { asOf: '2025-01-20' },
    );
    // 0.20 × 200.00 = 40.00 < 50.00.
    expect(state.engine.nextPayout(state.state, 'p1')).toMatchObject({
      at: '2025-02-15T00:00:00.000Z',
      expected: '40.00',
      reachesMinimum: false,
    });
  });
});

describe('next payout under a minimum of 0', () => {
  it('does not reach the minimum with nothing to pay, as the payout run pays nothing then', () => {
    const document = structuredClone(sisoDocument) as unknown as { payouts: { minimum: string } };
    document.payouts.minimum = '0';
    const program = loadProgram(document);
    // A partner without a deal: 0.00 expected on 15 January; the run pays no 0.00 balance.
    const nothing = replay(joinedPartner('p1', '2025-01-01', { certified: false }), {
      program,
      asOf: '2025-01-05',
    });
    expect(nothing.engine.nextPayout(nothing.state, 'p1')).toEqual({
      at: '2025-01-15T00:00:00.000Z',
      expected: '0.00',
      reachesMinimum: false,
      minimum: '0.00',
    });
    // With a deal of 10.00 on 2 January (0.20 × 10.00 = 2.00, payable 1 February, 30 days on):
    // 2.00 on 15 February, above 0.
    const some = replay(
      [
        ...joinedPartner('p1', '2025-01-01', { certified: false }),
        events.deal('p1', 'a', '10.00', '2025-01-02'),
      ],
      { program, asOf: '2025-01-20' },
    );
    expect(some.engine.nextPayout(some.state, 'p1')).toMatchObject({
      at: '2025-02-15T00:00:00.000Z',
      expected: '2.00',
      reachesMinimum: true,
    });
  });
});

describe('a statement period it cannot read', () => {
  it('is refused with INVALID_ARGUMENT and the bound that is wrong', () => {
    const outcome = replay([events.joined('p1', '2025-01-01')]);
    const ask = (options: { from?: string; to?: string }) => () =>
      outcome.engine.statement(outcome.state, outcome.ledger, 'p1', options);
    expect(ask({ from: 'yesterday' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'from' }),
    );
    expect(ask({ to: '2025-02-01' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', path: 'to' }),
    );
  });
});
