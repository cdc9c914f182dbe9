// The generator's payments follow what each payout run asked for: folded through the engine, no
// payment exceeds what is payable, every payment goes to a partner the run just before it found
// due, and nearly every amount asked for is paid before the next run.
import { describe, expect, it } from 'vitest';
import { createEngine, type Effect, sisoProgram } from '../../src/index.js';
import { type GeneratedEvent, generateEvents } from '../../src/simulation/generator.js';
import { planPayouts, type TimedEvent } from '../../src/simulation/generator-payouts.js';

function cents(amount: string): number {
  const [whole = '0', fraction = '00'] = amount.split('.');
  return Number(whole) * 100 + Number(fraction);
}

function timed(events: readonly GeneratedEvent[]): TimedEvent[] {
  return events.map((event, sequence) => ({ instant: Date.parse(event.at), sequence, event }));
}

type Due = Extract<Effect, { type: 'payout.due' }>;
type Paid = Extract<GeneratedEvent, { type: 'payout.paid' }>;

/** Each due with what was paid to its partner after its run and before the next run. */
function duesAndPayments(events: readonly GeneratedEvent[]) {
  const result = createEngine(sisoProgram).replay(events);
  const dues = result.effects.filter((effect): effect is Due => effect.type === 'payout.due');
  const payments = events.filter((event): event is Paid => event.type === 'payout.paid');
  const runs = [...new Set(dues.map((due) => due.at))].sort();
  const paidAfter = dues.map((due) => {
    const nextRun = runs[runs.indexOf(due.at) + 1] ?? '9999';
    return payments
      .filter((payment) => payment.partnerId === due.partnerId && payment.at > due.at && payment.at < nextRun)
      .reduce((sum, payment) => sum + cents(payment.amount), 0);
  });
  return { result, dues, payments, runs, paidAfter };
}

describe('the generator pays what each payout run asked for', () => {
  it('pays one partner the 200.00 its first run asked for, two days later (by hand)', () => {
    // p1 sells 1,000.00 on 10 January at Starter's 20 %: 200.00, pending for 30 days (to
    // 9 February 12:00), so the run of 15 February asks for 200.00 (>= the 50.00 minimum) and
    // the host pays it on the 17th at 10:00. The run of 15 January found nothing payable.
    const events: GeneratedEvent[] = [
      { id: 'a', type: 'partner.joined', at: '2025-01-02T09:00:00.000Z', partnerId: 'p1', sponsorId: null },
      {
        id: 'b',
        type: 'deal.closed',
        at: '2025-01-10T12:00:00.000Z',
        partnerId: 'p1',
        dealId: 'd1',
        amount: '1000.00',
        currency: 'USD',
      },
    ];
    const start = Date.parse('2025-01-01T00:00:00Z');
    expect(planPayouts(timed(events), start, Date.parse('2025-03-01T00:00:00Z'))).toEqual([
      { instant: Date.parse('2025-02-17T10:00:00Z'), partnerId: 'p1', amount: '200.00' },
    ]);
  });

  it('pays no more than was asked for when a refund after the run lowered the payable balance', () => {
    // The same 200.00 is asked for on 15 February; half of d1 (500.00) is refunded on the 16th,
    // clawing back 20 % of 500.00 = 100.00 from the payable balance, so the host pays the 100.00
    // left on the 17th rather than the 200.00 asked for (which the engine would refuse).
    const events: GeneratedEvent[] = [
      { id: 'a', type: 'partner.joined', at: '2025-01-02T09:00:00.000Z', partnerId: 'p1', sponsorId: null },
      {
        id: 'b',
        type: 'deal.closed',
        at: '2025-01-10T12:00:00.000Z',
        partnerId: 'p1',
        dealId: 'd1',
        amount: '1000.00',
        currency: 'USD',
      },
      { id: 'c', type: 'deal.refunded', at: '2025-02-16T08:00:00.000Z', dealId: 'd1', amount: '500.00' },
    ];
    const start = Date.parse('2025-01-01T00:00:00Z');
    expect(planPayouts(timed(events), start, Date.parse('2025-03-01T00:00:00Z'))).toEqual([
      { instant: Date.parse('2025-02-17T10:00:00Z'), partnerId: 'p1', amount: '100.00' },
    ]);
  });

  it.each([
    { partners: 200, months: 12, seed: 1 },
    { partners: 300, months: 18, seed: 2025 },
  ])(
    'over a generated stream %o: no refusal, only partners due, > 99.5 % paid by the next run',
    (options) => {
      const events = generateEvents(options);
      const { result, dues, payments, runs, paidAfter } = duesAndPayments(events);
      expect(result.rejected).toEqual([]);
      expect(payments.length).toBeGreaterThan(100);
      // Every payment follows a due of the same partner at the latest run before it, and is no
      // more than that due.
      for (const payment of payments) {
        const run = runs.filter((at) => at < payment.at).at(-1);
        const due = dues.find((effect) => effect.partnerId === payment.partnerId && effect.at === run);
        expect(due, `${payment.id} pays ${payment.partnerId}`).toBeDefined();
        expect(cents(payment.amount)).toBeLessThanOrEqual(cents(due?.amount ?? '0'));
      }
      // Measured: 99.96 % (seed 1) of the amounts asked for are paid before the next run; the rest
      // is what a clawback between a run and its payment day took back.
      const asked = dues.reduce((sum, due) => sum + cents(due.amount), 0);
      const paid = dues.reduce(
        (sum, due, index) => sum + Math.min(cents(due.amount), paidAfter[index] ?? 0),
        0,
      );
      expect(paid / asked).toBeGreaterThan(0.995);
    },
  );

  it('counts each amount once: the dues, with every due paid before the next, add up to at most what was earned', () => {
    // Before, a due left unpaid was asked for again at every run, so the dues added up to more
    // than was ever earned. Now a run asks only for what was released (or left) since the last.
    const events = generateEvents({ partners: 200, months: 12, seed: 1 });
    const { result, dues } = duesAndPayments(events);
    const earned = result.ledger.reduce((sum, entry) => sum + cents(entry.amount), 0);
    const asked = dues.reduce((sum, due) => sum + cents(due.amount), 0);
    expect(asked).toBeLessThanOrEqual(earned);
  });
});
