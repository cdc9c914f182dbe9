// The generator's payouts: the host pays what each payout run asked for. The generated stream
// (without payments) is folded through the SISO engine in time order; two days after each run
// the host pays every partner the run found due the amount it asked for, or the payable balance
// at that moment when a clawback in between lowered it, and the payment is folded in too.
import { createEngine, type Engine } from '../create-engine.js';
import type { Batch } from '../engine/batch.js';
import { compareAmounts, zeroAmount } from '../money/amounts.js';
import { sisoProgram } from '../program/siso.js';
import { partnerSummaries } from '../reports/run-report.js';
import type { GeneratedEvent } from './generator.js';

/** An event of the stream being generated, at its whole-second instant, in emission order. */
export interface TimedEvent {
  readonly instant: number;
  readonly sequence: number;
  readonly event: GeneratedEvent;
}

/** One payment the host makes after a payout run. */
export interface PlannedPayout {
  readonly instant: number;
  readonly partnerId: string;
  /** Decimal string with the currency's places, as the engine wrote the due amount. */
  readonly amount: string;
}

/** The payments are made on the 17th at 10:00 UTC, two days after the run on the 15th. */
const PAYMENT_DAY = 17;
const PAYMENT_HOUR = 10;

/**
 * The payments after each payout run of the period, for events sorted by instant and sequence
 * (payments come after any other event at the same instant, as they are emitted last).
 *
 * @example
 * // p1 joins on 2 January and sells 1,000.00 on the 10th: 20 % is 200.00, payable from
 * // 9 February, asked for by the run of 15 February and paid on the 17th.
 * planPayouts(events, Date.parse('2025-01-01T00:00:00Z'), Date.parse('2025-03-01T00:00:00Z'))
 * //=> [{ instant: Date.parse('2025-02-17T10:00:00Z'), partnerId: 'p1', amount: '200.00' }]
 */
export function planPayouts(sorted: readonly TimedEvent[], startMs: number, endMs: number): PlannedPayout[] {
  const engine = createEngine(sisoProgram);
  // The amount each partner was last asked for, since the last payment day.
  const due = new Map<string, string>();
  const batch = engine.batch(undefined, {
    onEffect: (effect) => {
      if (effect.type === 'payout.due') due.set(effect.partnerId, effect.amount);
    },
    onEntry: () => undefined,
  });
  const payouts: PlannedPayout[] = [];
  let next = 0;
  for (const instant of paymentDays(startMs, endMs)) {
    for (let item = sorted[next]; item && item.instant <= instant; item = sorted[++next])
      batch.apply({ ...item.event, id: `generated-${item.sequence}` });
    if (next === 0) continue; // no event yet: no clock, so no run
    const at = new Date(instant).toISOString();
    batch.advance(at);
    for (const payout of paymentsDue(engine, batch, due, instant)) {
      const { partnerId, amount } = payout;
      batch.apply({ id: `payment-${payouts.length}`, type: 'payout.paid', at, partnerId, amount });
      payouts.push(payout);
    }
    due.clear();
  }
  return payouts;
}

/** What each partner was asked for, up to its payable balance now (a clawback may have lowered it). */
function paymentsDue(
  engine: Engine,
  batch: Batch,
  due: ReadonlyMap<string, string>,
  instant: number,
): PlannedPayout[] {
  if (due.size === 0) return [];
  const places = engine.program.currency.decimals;
  const payable = new Map<string, string>();
  for (const partner of partnerSummaries(engine.compiled, batch.result().state))
    if (due.has(partner.id)) payable.set(partner.id, partner.balance.payable);
  const payouts: PlannedPayout[] = [];
  for (const [partnerId, asked] of [...due].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const now = payable.get(partnerId) ?? zeroAmount(places);
    const amount = compareAmounts(asked, now, places) <= 0 ? asked : now;
    if (compareAmounts(amount, zeroAmount(places), places) > 0) payouts.push({ instant, partnerId, amount });
  }
  return payouts;
}

/** The payment instants strictly after the start and before the end of the period. */
function paymentDays(startMs: number, endMs: number): number[] {
  const days: number[] = [];
  const first = new Date(startMs);
  for (let month = 0; ; month += 1) {
    const instant = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + month, PAYMENT_DAY, PAYMENT_HOUR);
    if (instant >= endMs) return days;
    if (instant > startMs) days.push(instant);
  }
}
