// A partner's balance moves with every ledger entry: earned is the sum of its entries; what is
// earned sits pending until its deal's hold period ends, then payable until paid. So always
// earned = pending + payable + paid.
import type { Balance } from '../engine/state.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';

function add(text: string, amount: Decimal, decimals: number): string {
  return formatMoney(new Decimal(text).plus(amount), decimals);
}

/** A new entry (or clawback, negative) on a deal whose hold period has or has not ended. */
export function bookEntry(balance: Balance, amount: Decimal, released: boolean, decimals: number): void {
  balance.earned = add(balance.earned, amount, decimals);
  if (released) balance.payable = add(balance.payable, amount, decimals);
  else balance.pending = add(balance.pending, amount, decimals);
  if (amount.isNegative()) balance.clawedBack = add(balance.clawedBack, amount.negated(), decimals);
}

/** A deal's hold period ended: its net amount for this partner moves from pending to payable. */
export function release(balance: Balance, amount: Decimal, decimals: number): void {
  balance.pending = add(balance.pending, amount.negated(), decimals);
  balance.payable = add(balance.payable, amount, decimals);
}

/** The host paid: payable becomes paid. */
export function pay(balance: Balance, amount: Decimal, decimals: number): void {
  balance.payable = add(balance.payable, amount.negated(), decimals);
  balance.paid = add(balance.paid, amount, decimals);
}
