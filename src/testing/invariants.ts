// Invariants a host's CI can check on its own programme: whatever the events, the ledger and the
// balances must keep these promises. Each check returns the violations it found (empty when all
// is well), so a failing property names exactly what broke.
import type { Engine } from '../create-engine.js';
import type { ReplayResult } from '../engine/engine.js';
import type { LedgerEntry } from '../engine/outputs.js';
import { allDeals, allPartners } from '../engine/state.js';
import { addAmounts, compareAmounts, negateAmount } from '../money/amounts.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import { multiplyAndRound } from '../money/money.js';

export interface Violation {
  readonly invariant: string;
  readonly message: string;
}

type Check = (engine: Engine, result: ReplayResult) => Violation[];

const violation = (invariant: string, message: string): Violation => ({ invariant, message });

/** Every entry's amount is its rate × basis rounded once (before a cap, where one cut it). */
export const entriesAreRateTimesBasis: Check = (engine, result) => {
  const { currency, rounding } = engine.program;
  return result.ledger.flatMap((entry) => {
    const exact = multiplyAndRound(
      new Decimal(entry.rate),
      new Decimal(entry.basis),
      currency.decimals,
      rounding,
    );
    const expected = formatMoney(exact, currency.decimals);
    const written = entry.uncapped ?? entry.amount;
    return written === expected
      ? []
      : [
          violation(
            'entriesAreRateTimesBasis',
            `${entry.id}: ${entry.rate} × ${entry.basis} is ${expected}, not ${written}`,
          ),
        ];
  });
};

function sumBy<K>(
  entries: readonly LedgerEntry[],
  key: (entry: LedgerEntry) => K,
  decimals: number,
): Map<K, string> {
  const sums = new Map<K, string>();
  for (const entry of entries)
    sums.set(key(entry), addAmounts(sums.get(key(entry)) ?? '0', entry.amount, decimals));
  return sums;
}

/** A deal refunded in full nets to exactly zero for every partner. */
export const fullRefundsNetZero: Check = (engine, result) => {
  const decimals = engine.program.currency.decimals;
  const refunded = new Set(
    [...allDeals(result.state)]
      .filter((deal) => compareAmounts(deal.refunded, deal.amount, decimals) === 0)
      .map((deal) => deal.id),
  );
  const nets = sumBy(
    result.ledger.filter((entry) => refunded.has(entry.dealId)),
    (entry) => `${entry.dealId}\u0000${entry.partnerId}`,
    decimals,
  );
  return [...nets].flatMap(([key, net]) => {
    if (compareAmounts(net, '0', decimals) === 0) return [];
    const [dealId, partnerId] = key.split('\u0000');
    return [
      violation('fullRefundsNetZero', `deal ${dealId} was refunded in full but nets ${net} for ${partnerId}`),
    ];
  });
};

/** Each balance is the sum of the partner's entries: earned = pending + payable + paid. */
export const balancesMatchLedger: Check = (engine, result) => {
  const decimals = engine.program.currency.decimals;
  const earned = sumBy(result.ledger, (entry) => entry.partnerId, decimals);
  const clawedBack = sumBy(
    result.ledger.filter((entry) => entry.kind === 'clawback'),
    (entry) => entry.partnerId,
    decimals,
  );
  const found: Violation[] = [];
  for (const partner of allPartners(result.state)) {
    const { balance } = partner;
    const expected = earned.get(partner.id) ?? '0';
    if (compareAmounts(balance.earned, expected, decimals) !== 0) {
      found.push(
        violation(
          'balancesMatchLedger',
          `${partner.id}: earned ${balance.earned}, entries sum to ${expected}`,
        ),
      );
    }
    const parts = addAmounts(addAmounts(balance.pending, balance.payable, decimals), balance.paid, decimals);
    if (compareAmounts(parts, balance.earned, decimals) !== 0) {
      found.push(
        violation(
          'balancesMatchLedger',
          `${partner.id}: pending + payable + paid = ${parts}, earned ${balance.earned}`,
        ),
      );
    }
    const clawed = negateAmount(clawedBack.get(partner.id) ?? '0', decimals);
    if (compareAmounts(balance.clawedBack, clawed, decimals) !== 0) {
      found.push(
        violation(
          'balancesMatchLedger',
          `${partner.id}: clawedBack ${balance.clawedBack}, clawbacks sum to ${clawed}`,
        ),
      );
    }
  }
  return found;
};

/** Ledger ids are unique. */
export const ledgerIdsUnique: Check = (_engine, result) => {
  const seen = new Set<string>();
  return result.ledger.flatMap((entry) => {
    if (!seen.has(entry.id)) {
      seen.add(entry.id);
      return [];
    }
    return [violation('ledgerIdsUnique', `${entry.id} appears more than once`)];
  });
};

/** No tier holds more partners than its capacity, and the holder counts match the partners. */
export const capacityRespected: Check = (engine, result) => {
  const counts = engine.program.tiers.map(() => 0);
  for (const partner of allPartners(result.state)) counts[partner.tier] = (counts[partner.tier] ?? 0) + 1;
  return engine.program.tiers.flatMap((tier, index) => {
    const found: Violation[] = [];
    const count = counts[index] ?? 0;
    if (tier.capacity !== undefined && count > tier.capacity) {
      found.push(
        violation(
          'capacityRespected',
          `${count} partners hold ${tier.id}, which has ${tier.capacity} places`,
        ),
      );
    }
    if (result.state.holders[index] !== count) {
      found.push(
        violation(
          'capacityRespected',
          `${tier.id} counts ${result.state.holders[index]} holders, ${count} partners hold it`,
        ),
      );
    }
    return found;
  });
};

/** Every invariant, by name. */
export const invariants = {
  entriesAreRateTimesBasis,
  fullRefundsNetZero,
  balancesMatchLedger,
  ledgerIdsUnique,
  capacityRespected,
} as const;

/**
 * Runs every invariant on a replay result.
 *
 * @example
 * checkInvariants(engine, engine.replay(events))
 * //=> []
 */
export function checkInvariants(engine: Engine, result: ReplayResult): Violation[] {
  return Object.values(invariants).flatMap((check) => check(engine, result));
}

/**
 * Replays twice (and shuffled among distinct times) and reports any difference: the fold must be
 * deterministic. Returns the violations with the invariants' own.
 */
export function checkReplay(engine: Engine, events: readonly unknown[]): Violation[] {
  const first = engine.replay(events);
  const second = engine.replay([...events].reverse().sort((a, b) => timeOf(a) - timeOf(b)));
  const same = JSON.stringify(first.ledger) === JSON.stringify(engine.replay(events).ledger);
  const found = checkInvariants(engine, first);
  if (!same) found.push(violation('deterministic', 'replaying the same events twice gave different ledgers'));
  const distinctTimes = new Set(events.map(timeOf)).size === events.length;
  if (distinctTimes && JSON.stringify(first.state) !== JSON.stringify(second.state)) {
    found.push(violation('deterministic', 'the same events in another input order gave another state'));
  }
  return found;
}

function timeOf(event: unknown): number {
  const at = event !== null && typeof event === 'object' ? (event as { at?: unknown }).at : undefined;
  return typeof at === 'string' ? Date.parse(at) : 0;
}
