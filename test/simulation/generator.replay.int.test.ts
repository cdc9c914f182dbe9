// The generated stream is valid input: it replays under the SISO programme with no rejection
// (no unknown partner or deal, no refund beyond its deal, no payout beyond what is payable), for
// several seeds, sizes and switches, and its payouts are real.
import { describe, expect, it } from 'vitest';
import { allPartners, createEngine, partnerIds, sisoProgram } from '../../src/index.js';
import { type GenerateOptions, generateEvents } from '../../src/simulation/generator.js';

const cases: GenerateOptions[] = [
  { partners: 200, months: 12, seed: 1 },
  { partners: 200, months: 12, seed: 2025 },
  { partners: 120, months: 18, seed: 77, start: '2025-06-15T09:30:00+02:00' },
  { partners: 150, months: 9, seed: 3, refunds: false },
];

describe('a generated stream replayed under the SISO programme', () => {
  it.each(cases)('is accepted in full: %o', (options) => {
    const events = generateEvents(options);
    const result = createEngine(sisoProgram).replay(events);
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([]);
    expect(partnerIds(result.state)).toHaveLength(options.partners);
  });

  it('pays partners, and the engine records the payments', () => {
    const events = generateEvents({ partners: 200, months: 12, seed: 1 });
    const payments = events.filter((event) => event.type === 'payout.paid');
    expect(payments.length).toBeGreaterThan(0);
    const result = createEngine(sisoProgram).replay(events);
    const paid = [...allPartners(result.state)].filter((partner) => partner.payouts.length > 0);
    expect(paid.length).toBeGreaterThan(0);
    // Payments are what the runs asked for (generator.payouts.int.test.ts), so all are positive.
    expect(payments.every((payment) => 'amount' in payment && Number(payment.amount) > 0)).toBe(true);
  });
});
