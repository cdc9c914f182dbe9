// Per-period counters (counted deals and net revenue of the current month, quarter and year),
// kept incrementally: a counter whose key is not the current period's reads as zero.
import type { PeriodCounter } from '../engine/state.js';
import { addAmounts, subtractAmounts } from '../money/amounts.js';

export function emptyCounter(key: string): PeriodCounter {
  return { key, deals: 0, revenue: '0' };
}

/** Adds to a counter, starting it afresh when the period changed. */
export function addToCounter(
  counter: PeriodCounter,
  key: string,
  deals: number,
  revenue: string,
  decimals: number,
): void {
  if (counter.key !== key) {
    counter.key = key;
    counter.deals = 0;
    counter.revenue = '0';
  }
  counter.deals += deals;
  counter.revenue = addAmounts(counter.revenue, revenue, decimals);
}

/** Takes a refund off a counter, only while the deal's period is still the counter's period. */
export function removeFromCounter(
  counter: PeriodCounter,
  key: string,
  deals: number,
  revenue: string,
  decimals: number,
): void {
  if (counter.key !== key) return;
  counter.deals -= deals;
  counter.revenue = subtractAmounts(counter.revenue, revenue, decimals);
}

/** The counter's value for the period `key`: zero when it counts another period. */
export function counterFor(counter: PeriodCounter, key: string): { deals: number; revenue: string } {
  return counter.key === key ? counter : { deals: 0, revenue: '0' };
}
