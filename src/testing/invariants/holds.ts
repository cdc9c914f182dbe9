// Payable never includes money inside its hold: at the as-of time, a partner's payable balance
// plus what it was paid is exactly what its entries on deals whose hold has ended add up to, and
// its pending balance is what its entries on deals still held add up to.
import {
  allDeals,
  allPartners,
  Decimal,
  type Engine,
  formatBalance,
  type ReplayResult,
  versionAt,
} from '../../index.js';
import { entryEvidence, type Invariant, text, type Violation, violation } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When each deal's hold ends: its close plus the hold period of the version in force then. */
function releases(engine: Engine, result: ReplayResult): Map<string, number> {
  const ends = new Map<string, number>();
  for (const deal of allDeals(result.state)) {
    const closed = deal.closedAt;
    ends.set(deal.id, closed + versionAt(engine.compiled, closed).holdPeriodDays * DAY_MS);
  }
  return ends;
}

export const payableExcludesHeld: Invariant = {
  name: 'payableExcludesHeld',
  description:
    "Payable + paid is exactly the partner's entries on deals whose hold has ended; pending is those on deals still held.",
  needsEvents: false,
  check: (engine, { result }) => {
    if (result.asOf === null) return [];
    const asOf = Date.parse(result.asOf);
    const ends = releases(engine, result);
    const released = new Map<string, Decimal>();
    const held = new Map<string, Decimal>();
    for (const entry of result.ledger) {
      const sums = (ends.get(entry.dealId) ?? Number.POSITIVE_INFINITY) <= asOf ? released : held;
      sums.set(entry.partnerId, (sums.get(entry.partnerId) ?? new Decimal(0)).plus(entry.amount));
    }
    const found: Violation[] = [];
    for (const partner of allPartners(result.state)) {
      const { id } = partner;
      const balance = formatBalance(partner.balance, engine.program.currency.decimals);
      const free = released.get(id) ?? new Decimal(0);
      const inHold = held.get(id) ?? new Decimal(0);
      const payable = new Decimal(balance.payable).plus(balance.paid);
      if (payable.eq(free) && inHold.eq(balance.pending)) continue;
      const stillHeld = result.ledger.filter(
        (entry) => entry.partnerId === id && (ends.get(entry.dealId) ?? Number.POSITIVE_INFINITY) > asOf,
      );
      const message = `${id}: payable ${balance.payable} + paid ${balance.paid} should be ${text(engine, free)} (holds ended by ${result.asOf}), pending ${balance.pending} should be ${text(engine, inHold)}`;
      found.push(
        violation('payableExcludesHeld', message, [
          { partnerId: id, balance },
          ...stillHeld.map(entryEvidence),
        ]),
      );
    }
    return found;
  },
};
