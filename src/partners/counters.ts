// Per-period counters (counted deals and net revenue of the current month, quarter and year),
// kept incrementally: a counter whose key is not the current period's reads as zero.
import type { PeriodCounter } from '../engine/state.js';
import { addMinor, type MinorUnits, NO_MINOR_UNITS, subtractMinor } from '../money/minor.js';

export function emptyCounter(key: string): PeriodCounter {
  return { key, deals: 0, revenue: NO_MINOR_UNITS };
}

/** Adds to a counter, starting it afresh when the period changed. */
export function addToCounter(counter: PeriodCounter, key: string, deals: number, revenue: MinorUnits): void {
  if (counter.key !== key) {
    counter.key = key;
    counter.deals = 0;
    counter.revenue = NO_MINOR_UNITS;
  }
  counter.deals += deals;
  counter.revenue = addMinor(counter.revenue, revenue);
}

/** Takes a refund off a counter, only while the deal's period is still the counter's period. */
export function removeFromCounter(
  counter: PeriodCounter,
  key: string,
  deals: number,
  revenue: MinorUnits,
): void {
  if (counter.key !== key) return;
  counter.deals -= deals;
  counter.revenue = subtractMinor(counter.revenue, revenue);
}

/** The counter's value for the period `key`: zero when it counts another period. */
export function counterFor(counter: PeriodCounter, key: string): { deals: number; revenue: MinorUnits } {
  return counter.key === key ? counter : NOTHING;
}

const NOTHING = Object.freeze({ deals: 0, revenue: NO_MINOR_UNITS });
