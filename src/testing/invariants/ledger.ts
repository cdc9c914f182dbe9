// Invariants of the ledger and the balances, judged on a replay result alone: each entry is rate
// × basis rounded once, a full refund nets to zero, balances are the sums of their entries, ids
// are unique, and no tier holds more partners than its places.
import {
  allDeals,
  allPartners,
  Decimal,
  type Engine,
  formatBalance,
  formatMoney,
  multiplyAndRound,
} from '../../index.js';
import { entryEvidence, type Invariant, sumBy, text, violation } from './types.js';

export const entriesAreRateTimesBasis: Invariant = {
  name: 'entriesAreRateTimesBasis',
  description: "Every entry's amount is its rate × basis rounded once (before a cap, where one cut it).",
  needsEvents: false,
  check: (engine, { result }) => {
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
      if (written === expected) return [];
      const message = `${entry.id}: ${entry.rate} × ${entry.basis} is ${expected}, not ${written}`;
      return [violation('entriesAreRateTimesBasis', message, [entryEvidence(entry)])];
    });
  },
};

export const fullRefundsNetZero: Invariant = {
  name: 'fullRefundsNetZero',
  description: 'A deal refunded in full nets to exactly zero for every partner.',
  needsEvents: false,
  check: (engine, { result }) => {
    const refunded = new Set(
      [...allDeals(result.state)].filter((deal) => deal.refunded === deal.amount).map((deal) => deal.id),
    );
    const involved = result.ledger.filter((entry) => refunded.has(entry.dealId));
    const nets = sumBy(involved, (entry) => `${entry.dealId}\u0000${entry.partnerId}`);
    return [...nets].flatMap(([key, net]) => {
      if (net.isZero()) return [];
      const [dealId, partnerId] = key.split('\u0000');
      const entries = involved.filter((entry) => entry.dealId === dealId && entry.partnerId === partnerId);
      const message = `deal ${dealId} was refunded in full but nets ${text(engine, net)} for ${partnerId}`;
      return [violation('fullRefundsNetZero', message, entries.map(entryEvidence))];
    });
  },
};

export const balancesMatchLedger: Invariant = {
  name: 'balancesMatchLedger',
  description:
    'Each balance is the sum of its entries: earned = pending + payable + paid; clawedBack the clawbacks.',
  needsEvents: false,
  check: (engine, { result }) => {
    const earned = sumBy(result.ledger, (entry) => entry.partnerId);
    const clawedBack = sumBy(
      result.ledger.filter((entry) => entry.kind === 'clawback'),
      (entry) => entry.partnerId,
    );
    const zero = new Decimal(0);
    const found = [];
    for (const partner of allPartners(result.state)) {
      const { id } = partner;
      const balance = formatBalance(partner.balance, engine.program.currency.decimals);
      const evidence = [{ partnerId: id, balance }];
      const expected = earned.get(id) ?? zero;
      if (!expected.eq(balance.earned))
        found.push(
          violation(
            'balancesMatchLedger',
            `${id}: earned ${balance.earned}, entries sum to ${text(engine, expected)}`,
            evidence,
          ),
        );
      const parts = new Decimal(balance.pending).plus(balance.payable).plus(balance.paid);
      if (!parts.eq(balance.earned))
        found.push(
          violation(
            'balancesMatchLedger',
            `${id}: pending + payable + paid = ${text(engine, parts)}, earned ${balance.earned}`,
            evidence,
          ),
        );
      const clawed = (clawedBack.get(id) ?? zero).negated();
      if (!clawed.eq(balance.clawedBack))
        found.push(
          violation(
            'balancesMatchLedger',
            `${id}: clawedBack ${balance.clawedBack}, clawbacks sum to ${text(engine, clawed)}`,
            evidence,
          ),
        );
    }
    return found;
  },
};

export const ledgerIdsUnique: Invariant = {
  name: 'ledgerIdsUnique',
  description: 'Ledger ids are unique.',
  needsEvents: false,
  check: (_engine, { result }) => {
    const seen = new Set<string>();
    return result.ledger.flatMap((entry) => {
      if (!seen.has(entry.id)) {
        seen.add(entry.id);
        return [];
      }
      return [violation('ledgerIdsUnique', `${entry.id} appears more than once`, [entryEvidence(entry)])];
    });
  },
};

/**
 * The most partners a tier may hold by the as-of time: the largest capacity any version in force
 * so far gave it (holders admitted under a larger capacity are not counted against a later, smaller
 * one), or none if one had no limit.
 */
function placesOf(engine: Engine, index: number, asOf: string | null): number | null {
  const until = asOf === null ? Number.NEGATIVE_INFINITY : Date.parse(asOf);
  const versions = engine.compiled.versions.filter(
    (version, position) => position === 0 || version.effectiveFrom <= until,
  );
  const capacities = versions.map((version) => version.tiers[index]?.capacity ?? null);
  return capacities.includes(null) ? null : Math.max(...(capacities as number[]));
}

export const capacityRespected: Invariant = {
  name: 'capacityRespected',
  description:
    'No tier holds more partners than its capacity (the largest any version in force so far gave it).',
  needsEvents: false,
  check: (engine, { result }) => {
    const holders = engine.program.tiers.map((): string[] => []);
    for (const partner of allPartners(result.state)) holders[partner.tier]?.push(partner.id);
    return engine.program.tiers.flatMap((tier, index) => {
      const ids = (holders[index] ?? []).sort();
      const places = placesOf(engine, index, result.asOf);
      if (places === null || ids.length <= places) return [];
      const message = `${ids.length} partners hold ${tier.id}, which has ${places} places`;
      return [violation('capacityRespected', message, [{ tier: tier.id, partners: ids }])];
    });
  },
};
