// What the table report shows of the ledger and the effects, counted as they stream past: entries
// and their total per kind, effects per type. A long run's entries are never held together.
import type { Effect, LedgerEntry, LedgerKind } from '../index.js';
import { Decimal, formatMoney } from '../money/index.js';

/** The kinds in the order the table lists them. */
const LEDGER_KINDS: readonly LedgerKind[] = [
  'commission',
  'referral-bonus',
  'override',
  'clawback',
  'adjustment',
];

export interface LedgerTotal {
  /** A ledger kind, or `all`. */
  readonly kind: LedgerKind | 'all';
  readonly entries: number;
  /** The sum of the amounts, formatted with the currency's decimals. */
  readonly total: string;
}

/**
 * Counts and sums ledger entries by kind.
 *
 * @example
 * const totals = new LedgerTotals();
 * totals.add(entry);   // a 200.00 commission
 * totals.rows(2)[0]
 * //=> { kind: 'commission', entries: 1, total: '200.00' }
 */
export class LedgerTotals {
  private readonly byKind = new Map<LedgerKind, { entries: number; total: Decimal }>();
  count = 0;

  add(entry: LedgerEntry): void {
    this.count++;
    const sum = this.byKind.get(entry.kind) ?? { entries: 0, total: new Decimal(0) };
    this.byKind.set(entry.kind, { entries: sum.entries + 1, total: sum.total.plus(entry.amount) });
  }

  /** One row per kind, every kind listed, then `all`. */
  rows(decimals: number): LedgerTotal[] {
    let entries = 0;
    let total = new Decimal(0);
    const rows: LedgerTotal[] = LEDGER_KINDS.map((kind) => {
      const sum = this.byKind.get(kind) ?? { entries: 0, total: new Decimal(0) };
      entries += sum.entries;
      total = total.plus(sum.total);
      return { kind, entries: sum.entries, total: formatMoney(sum.total, decimals) };
    });
    rows.push({ kind: 'all', entries, total: formatMoney(total, decimals) });
    return rows;
  }
}

/**
 * Counts effects by type, in the order each type first appears.
 *
 * @example
 * const counts = new EffectCounts();
 * counts.add(badge); counts.add(badge);
 * counts.rows()
 * //=> [['badge.awarded', 2]]
 */
export class EffectCounts {
  private readonly byType = new Map<Effect['type'], number>();
  count = 0;

  add(effect: Effect): void {
    this.byType.set(effect.type, (this.byType.get(effect.type) ?? 0) + 1);
    this.count++;
  }

  rows(): Array<[Effect['type'], number]> {
    return [...this.byType];
  }
}
