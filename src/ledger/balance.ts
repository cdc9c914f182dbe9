// A partner's balance moves with every ledger entry: earned is the sum of its entries; what is
// earned sits pending until its deal's hold period ends, then payable until paid. So always
// earned = pending + payable + paid. Amounts are minor units (integers), so each move is exact.
import type { LedgerKind } from '../engine/outputs.js';
import type { Balance } from '../engine/state.js';
import { addMinor, formatMinor, type MinorUnits, subtractMinor } from '../money/minor.js';

/**
 * A new entry on a deal whose hold period has or has not ended. `clawedBack` counts clawback
 * entries only (as a positive sum); other negative entries, such as a retroactive top-up taken
 * back, move the balance without counting as clawed back.
 */
export function bookEntry(balance: Balance, amount: MinorUnits, kind: LedgerKind, released: boolean): void {
  balance.earned = addMinor(balance.earned, amount);
  if (released) balance.payable = addMinor(balance.payable, amount);
  else balance.pending = addMinor(balance.pending, amount);
  if (kind === 'clawback') balance.clawedBack = subtractMinor(balance.clawedBack, amount);
}

/** A deal's hold period ended: its net amount for this partner moves from pending to payable. */
export function release(balance: Balance, amount: MinorUnits): void {
  balance.pending = subtractMinor(balance.pending, amount);
  balance.payable = addMinor(balance.payable, amount);
}

/** The host paid: payable becomes paid. */
export function pay(balance: Balance, amount: MinorUnits): void {
  balance.payable = subtractMinor(balance.payable, amount);
  balance.paid = addMinor(balance.paid, amount);
}

/** A balance as the contract shows it: money strings with the currency's places. */
export interface BalanceSummary {
  /** Every ledger entry summed, clawbacks included. */
  readonly earned: string;
  /** Earned on deals still in their hold period. */
  readonly pending: string;
  /** Earned on deals whose hold period has ended, not yet paid. */
  readonly payable: string;
  /** What the host reported paid. */
  readonly paid: string;
  /** Clawback entries summed, as a positive amount. */
  readonly clawedBack: string;
}

/**
 * A balance in minor units as money strings.
 *
 * @example
 * formatBalance({ earned: 118000, pending: 0, payable: 118000, paid: 0, clawedBack: 0 }, 2).earned
 * //=> '1180.00'
 */
export function formatBalance(balance: Readonly<Balance>, decimals: number): BalanceSummary {
  return {
    earned: formatMinor(balance.earned, decimals),
    pending: formatMinor(balance.pending, decimals),
    payable: formatMinor(balance.payable, decimals),
    paid: formatMinor(balance.paid, decimals),
    clawedBack: formatMinor(balance.clawedBack, decimals),
  };
}
