// Sums a run as it streams past: every ledger entry into the total and its kind, tier, month and
// partner; every tier effect into the movements and waitlists; every accepted deal and refund
// into revenue by month. Sums are BigInt minor units (each entry was rounded once by the ledger),
// turned into money strings once, at the end.
import type { Effect, LedgerEntry, LedgerKind } from '../engine/outputs.js';
import type { PartnerEvent } from '../events/types.js';
import { fromMinorUnits, toMinorUnits } from '../money/amounts.js';
import type { Program } from '../program/load.js';
import type { PartnerSummary } from '../reports/run-report.js';
import type { MonthKeys } from './month-keys.js';
import { LEDGER_KINDS, type Movements, type RunOutcome, type WaitlistLength } from './outcome.js';

type Sums = Map<string, bigint>;

function add(sums: Sums, key: string, minor: bigint): void {
  sums.set(key, (sums.get(key) ?? 0n) + minor);
}

export class RunTally {
  private total = 0n;
  private readonly byKind: Sums = new Map();
  private readonly entriesByKind = new Map<string, number>();
  private readonly byTier: Sums = new Map();
  private readonly costByMonth: Sums = new Map();
  private readonly revenueByMonth: Sums = new Map();
  private readonly byPartner: Sums = new Map();
  private readonly demotions = new Map<string, number>();
  private readonly movements = { promotions: 0, demotions: 0, atRisk: 0, waitlisted: 0 };
  /** Per tier with a waitlist: who waits for it, and the longest it was. */
  private readonly waiting = new Map<string, { partners: Set<string>; peak: number }>();
  private entries = 0;
  private readonly rejected = new Map<string, number>();
  private readonly decimals: number;

  constructor(
    private readonly program: Program,
    private readonly months: MonthKeys,
  ) {
    this.decimals = program.currency.decimals;
    for (const tier of program.tiers)
      if (tier.capacity !== undefined) this.waiting.set(tier.id, { partners: new Set(), peak: 0 });
  }

  entry(entry: LedgerEntry): void {
    const minor = toMinorUnits(entry.amount, this.decimals);
    this.entries++;
    this.total += minor;
    add(this.byKind, entry.kind, minor);
    this.entriesByKind.set(entry.kind, (this.entriesByKind.get(entry.kind) ?? 0) + 1);
    add(this.byTier, entry.tier, minor);
    add(this.costByMonth, this.months.of(entry.at), minor);
    add(this.byPartner, entry.partnerId, minor);
  }

  effect(effect: Effect): void {
    if (effect.type === 'tier.promoted') {
      this.movements.promotions++;
      this.waiting.get(effect.to)?.partners.delete(effect.partnerId);
    } else if (effect.type === 'tier.demoted') {
      this.movements.demotions++;
      this.demotions.set(effect.partnerId, (this.demotions.get(effect.partnerId) ?? 0) + 1);
    } else if (effect.type === 'tier.at-risk') this.movements.atRisk++;
    else if (effect.type === 'tier.waitlisted') {
      this.movements.waitlisted++;
      const list = this.waiting.get(effect.to);
      if (list) {
        list.partners.add(effect.partnerId);
        list.peak = Math.max(list.peak, list.partners.size);
      }
    }
  }

  /**
   * An event the engine accepted: a deal adds its amount to its month's revenue, a refund (of a
   * deal the engine accepted, or it would have been refused) takes its amount off its month's.
   */
  accepted(event: PartnerEvent): void {
    if (event.type === 'deal.closed')
      add(this.revenueByMonth, this.months.of(event.at), toMinorUnits(event.amount, this.decimals));
    else if (event.type === 'deal.refunded')
      add(this.revenueByMonth, this.months.of(event.at), -toMinorUnits(event.amount, this.decimals));
  }

  rejectedEvent(code: string): void {
    this.rejected.set(code, (this.rejected.get(code) ?? 0) + 1);
  }

  /** The outcome, once the run is over and its partners summarised. */
  outcome(asOf: string | null, summaries: readonly PartnerSummary[]): RunOutcome {
    const money = (minor: bigint) => fromMinorUnits(minor, this.decimals);
    const { program } = this;
    return {
      program: `${program.id}@${program.version}`,
      asOf,
      currency: program.currency.code,
      total: money(this.total),
      revenue: money([...this.revenueByMonth.values()].reduce((sum, minor) => sum + minor, 0n)),
      byKind: LEDGER_KINDS.map((kind: LedgerKind) => ({
        kind,
        cost: money(this.byKind.get(kind) ?? 0n),
        entries: this.entriesByKind.get(kind) ?? 0,
      })),
      byTier: program.tiers.map((tier) => ({ tier: tier.id, cost: money(this.byTier.get(tier.id) ?? 0n) })),
      byMonth: this.monthFigures(money),
      tiers: program.tiers.map((tier) => ({
        tier: tier.id,
        partners: summaries.filter((partner) => partner.tier === tier.id).length,
      })),
      movements: { ...this.movements } satisfies Movements,
      waitlists: [...this.waiting].map(
        ([tier, list]): WaitlistLength => ({ tier, final: list.partners.size, peak: list.peak }),
      ),
      partners: summaries.map((partner) => ({
        id: partner.id,
        earned: money(this.byPartner.get(partner.id) ?? 0n),
        tier: partner.tier,
        demotions: this.demotions.get(partner.id) ?? 0,
      })),
      entries: this.entries,
      rejected: [...this.rejected]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, events]) => ({ code, events })),
    };
  }

  private monthFigures(money: (minor: bigint) => string) {
    const months = [...new Set([...this.costByMonth.keys(), ...this.revenueByMonth.keys()])].sort();
    return months.map((month) => ({
      month,
      cost: money(this.costByMonth.get(month) ?? 0n),
      revenue: money(this.revenueByMonth.get(month) ?? 0n),
    }));
  }
}
