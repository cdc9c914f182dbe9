// The core judges a payout against the payable balance before the work due by its time, without
// a copy, because commissions declares that time-driven work only adds to what is payable (holds
// ending release earnings; nothing due at a moment takes from it). This pins that claim: on
// generated streams, advancing a state to any later time never lowers a partner's payable, and a
// payout of exactly what a hold release makes payable, sent when the release is due, is accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEngine,
  type EngineState,
  loadProgram,
  partnerIds,
  partnerOf,
  sisoProgram,
} from '../../src/index.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { arbitraries } from '../../src/testing/index.js';

/** SISO with Active's rate applying retroactively within the month (top-ups in time-driven work). */
function retroactiveSiso() {
  const input = JSON.parse(JSON.stringify(sisoProgram)) as ProgramInput;
  const active = input.tiers[1];
  if (active?.id !== 'active') throw new Error('SISO has Active second');
  active.retroactive = { period: 'month' };
  return loadProgram(input);
}

/** Each partner's payable balance, in minor units (cents). */
function payables(state: EngineState): Map<string, number> {
  return new Map(partnerIds(state).map((id) => [id, partnerOf(state, id)?.balance.payable ?? 0]));
}

const DAY_MS = 86_400_000;

describe('time-driven work never lowers a payable balance', () => {
  for (const [name, program] of [
    ['SISO', sisoProgram],
    ['SISO with a retroactive Active rate', retroactiveSiso()],
  ] as const) {
    it(`holds on ${name}`, () => {
      const engine = createEngine(program);
      const stream = arbitraries.events(program, { partners: 5, months: 4 });
      const cut = fc.record({
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        days: fc.integer({ min: 1, max: 70 }),
      });
      let grew = 0;
      fc.assert(
        fc.property(stream, cut, (events, { at, days }) => {
          const prefix = events.slice(0, Math.floor(at * events.length));
          const before = engine.replay(prefix).state;
          if (before.clock === null) return;
          const later = new Date(before.clock + days * DAY_MS).toISOString();
          const after = engine.advance(before, later).state;
          const now = payables(after);
          for (const [id, payable] of payables(before)) {
            const is = now.get(id) ?? 0;
            expect(is, id).toBeGreaterThanOrEqual(payable);
            if (is > payable) grew += 1;
          }
        }),
        { seed: 1207, numRuns: 40 },
      );
      // Not vacuous: holds ended in the advanced span of some runs.
      expect(grew).toBeGreaterThan(0);
    });
  }
});

describe('a payout judged at its time', () => {
  const engine = createEngine(sisoProgram);
  const joined = [
    { id: 'j1', type: 'partner.joined', at: '2025-03-01T09:00:00Z', partnerId: 'p1', sponsorId: null },
    {
      id: 'd1',
      type: 'deal.closed',
      at: '2025-03-02T09:00:00Z',
      partnerId: 'p1',
      dealId: 'd1',
      amount: '1000.00',
      currency: 'USD',
    },
  ];
  // Starter earns 20 %: 0.20 × 1,000.00 = 200.00, pending for 30 days, payable from 2025-04-01T09:00Z.
  it('accepts a payout of what becomes payable by its time', () => {
    const paid = {
      id: 'p',
      type: 'payout.paid',
      at: '2025-04-01T10:00:00Z',
      partnerId: 'p1',
      amount: '200.00',
    };
    const result = engine.replay([...joined, paid]);
    expect(result.rejected).toEqual([]);
    // 200.00 payable − 200.00 paid = 0.00.
    // In minor units: 0 cents payable, 20,000 cents paid.
    expect(partnerOf(result.state, 'p1')?.balance).toMatchObject({ payable: 0, paid: 20_000 });
  });

  it('refuses one cent more, running none of the work due by its time', () => {
    const paid = {
      id: 'p',
      type: 'payout.paid',
      at: '2025-04-01T10:00:00Z',
      partnerId: 'p1',
      amount: '200.01',
    };
    const result = engine.replay([...joined, paid]);
    expect(result.rejected.map((rejection) => rejection.code)).toEqual(['PAYOUT_EXCEEDS_PAYABLE']);
    // The as-of time is the last accepted event's: the hold (ending 2025-04-01T09:00Z) still runs.
    expect(result.state.clock).toBe(Date.parse('2025-03-02T09:00:00.000Z'));
    expect(partnerOf(result.state, 'p1')?.balance).toMatchObject({ pending: 20_000, payable: 0 });
  });

  it('refuses a payout before the hold has ended', () => {
    const paid = {
      id: 'p',
      type: 'payout.paid',
      at: '2025-04-01T08:00:00Z',
      partnerId: 'p1',
      amount: '200.00',
    };
    expect(engine.replay([...joined, paid]).rejected.map((rejection) => rejection.code)).toEqual([
      'PAYOUT_EXCEEDS_PAYABLE',
    ]);
  });
});
