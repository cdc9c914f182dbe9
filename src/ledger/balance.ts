// A partner's balance moves with every ledger entry: earned is the sum of its entries; what is
// earned sits pending until its deal's hold period ends, then payable until paid. So always
// earned = pending + payable + paid.
import type { LedgerEntry } from '../engine/outputs.js';
import type { Balance } from '../engine/state.js';
import { addAmounts, negateAmount, subtractAmounts } from '../money/amounts.js';

/**
 * A new entry on a deal whose hold period has or has not ended. `clawedBack` counts clawback
 * entries only (as a positive sum); other negative entries, such as a retroactive top-up taken
 * back, move the balance without counting as clawed back.
 */
export function bookEntry(
  balance: Balance,
  entry: Pick<LedgerEntry, 'amount' | 'kind'>,
  released: boolean,
  decimals: number,
): void {
  const { amount } = entry;
  balance.earned = addAmounts(balance.earned, amount, decimals);
  if (released) balance.payable = addAmounts(balance.payable, amount, decimals);
  else balance.pending = addAmounts(balance.pending, amount, decimals);
  if (entry.kind === 'clawback') {
    balance.clawedBack = addAmounts(balance.clawedBack, negateAmount(amount, decimals), decimals);
  }
}

/** A deal's hold period ended: its net amount for this partner moves from pending to payable. */
export function release(balance: Balance, amount: string, decimals: number): void {
  balance.pending = subtractAmounts(balance.pending, amount, decimals);
  balance.payable = addAmounts(balance.payable, amount, decimals);
}

/** The host paid: payable becomes paid. */
export function pay(balance: Balance, amount: string, decimals: number): void {
  balance.payable = subtractAmounts(balance.payable, amount, decimals);
  balance.paid = addAmounts(balance.paid, amount, decimals);
}
