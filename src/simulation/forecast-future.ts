// One seeded future for the forecast: the history's partners go on selling, and new partners
// join, at the calibrated rates. The stream is built month by month through the baseline engine,
// continued from the history's final state, so each partner sells at the rate of the tier the
// engine says it holds when the month (or the forecast) begins; new partners sell at the entry
// tier's rate from the moment they join. Deal amounts are drawn from the history's own deals of
// that tier; refunds and trainings follow the history's rates.
import type { Engine } from '../create-engine.js';
import type { Batch } from '../engine/batch.js';
import type { EngineState } from '../engine/state.js';
import { Decimal } from '../money/decimal.js';
import { partnerSummaries } from '../reports/run-report.js';
import type { Calibration, TierCalibration } from './calibration.js';
import type { History } from './history.js';
import { DAY_MS } from './history.js';
import { createRandom, type Random } from './random.js';

/** The mean length of a month (365.25 / 12 days): rates per month become rates per millisecond. */
export const MONTH_MS = 30.4375 * DAY_MS;
/** Ids of generated partners, deals and events start with this, so they never meet the history's. */
export const FUTURE_ID_PREFIX = '~forecast:';

export interface FutureOptions {
  readonly history: History;
  readonly calibration: Calibration;
  /** The baseline's engine and the state its replay of the history ended in. */
  readonly engine: Engine;
  readonly state: EngineState;
  readonly seed: number;
  /** The forecast's period: from the history's as-of time to this instant (epoch ms). */
  readonly endMs: number;
}

interface Pending {
  readonly at: number;
  readonly sequence: number;
  readonly event: Record<string, unknown>;
}

/** A stretch of the forecast: from its start (the as-of time, or a month's start) to the next month's. */
export interface FutureMonth {
  /** The calendar month it lies in, such as `2026-01`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** The future stream, in time order, and what the baseline's ledger gained in each month of it. */
export interface Future {
  readonly events: readonly Record<string, unknown>[];
  readonly months: readonly FutureMonth[];
  /** The sum of the baseline's ledger entries in each month. */
  readonly baselineByMonth: readonly Decimal[];
}

/** The months of the forecast: the as-of time to the next month boundary, and so on to the end. */
export function futureMonths(history: History, endMs: number): FutureMonth[] {
  const months: FutureMonth[] = [];
  for (let start = history.asOf ?? 0; start < endMs; ) {
    const month = history.calendar.periodOf(start, 'month');
    const end = Math.min(month.end, endMs);
    months.push({ key: month.key, start, end });
    start = end;
  }
  return months;
}

/** Adds each entry's amount to the month its time falls in (the last month takes the end instant). */
export function costsByMonth(
  months: readonly FutureMonth[],
  entries: Iterable<{ at: string; amount: string }>,
): Decimal[] {
  const totals = months.map(() => new Decimal(0));
  for (const entry of entries) {
    const at = Date.parse(entry.at);
    let index = months.findIndex((month) => at < month.end);
    if (index < 0) index = months.length - 1;
    totals[index] = (totals[index] ?? new Decimal(0)).plus(entry.amount);
  }
  return totals;
}

class FutureRun {
  readonly random: Random;
  readonly pending: Pending[] = [];
  readonly members: string[];
  readonly decimals: number;
  private count = 0;
  private emitted = 0;

  constructor(readonly options: FutureOptions) {
    this.random = createRandom(options.seed);
    this.members = [...options.history.partners.keys()];
    this.decimals = options.history.program.currency.decimals;
  }

  id(kind: string): string {
    this.count += 1;
    return `${FUTURE_ID_PREFIX}${kind}${this.count}`;
  }

  push(at: number, fields: Record<string, unknown>): void {
    if (at >= this.options.endMs) return;
    const event = {
      id: this.id('e'),
      type: fields.type,
      at: new Date(Math.floor(at)).toISOString(),
      ...fields,
    };
    this.emitted += 1;
    this.pending.push({ at: Math.floor(at), sequence: this.emitted, event });
  }

  /** Arrival times of a Poisson process of `perMonth` events a month over [start, end). */
  arrivals(perMonth: number, start: number, end: number): number[] {
    const times: number[] = [];
    if (!(perMonth > 0)) return times;
    for (
      let at = start + this.random.exponential(MONTH_MS / perMonth);
      at < end;
      at += this.random.exponential(MONTH_MS / perMonth)
    )
      times.push(at);
    return times;
  }
}

/**
 * A seeded future for the history: the same options give the same events.
 *
 * @example
 * generateFuture({ history, calibration, engine, state, seed: 1, endMs }).events[0]
 * //=> { id: '~forecast:e2', type: 'deal.closed', at: '2026-01-03T…Z', partnerId: 'p007', … }
 */
export function generateFuture(options: FutureOptions): Future {
  const run = new FutureRun(options);
  const { history, engine } = options;
  const entries: Array<{ at: string; amount: string }> = [];
  const batch = engine.batch(options.state, {
    onEffect: () => undefined,
    onEntry: (entry) => entries.push({ at: entry.at, amount: entry.amount }),
  });
  const events: Record<string, unknown>[] = [];
  const months = futureMonths(history, options.endMs);
  for (const [index, month] of months.entries()) {
    if (index > 0) batch.advance(new Date(month.start).toISOString());
    const ranks = tierRanks(engine, batch);
    for (const partnerId of run.members)
      sell(run, partnerId, ranks.get(partnerId) ?? 0, month.start, month.end);
    join(run, month.start, month.end);
    events.push(...applyDue(run, batch, month.end));
  }
  batch.advance(new Date(options.endMs).toISOString());
  return { events, months, baselineByMonth: costsByMonth(months, entries) };
}

/** Each partner's tier rank in the batch's state now. */
function tierRanks(engine: Engine, batch: Batch): Map<string, number> {
  const rankOf = new Map(engine.program.tiers.map((tier, rank) => [tier.id, rank]));
  const ranks = new Map<string, number>();
  for (const partner of partnerSummaries(engine.compiled, batch.result().state))
    ranks.set(partner.id, rankOf.get(partner.tier) ?? 0);
  return ranks;
}

/** The calibration of a tier, or of the nearest lower tier the history has partner-months in. */
function tierFor(calibration: Calibration, rank: number): TierCalibration | undefined {
  for (let tier = rank; tier >= 0; tier -= 1) {
    const found = calibration.tiers[tier];
    if (found?.dealsPerPartnerMonth) return found;
  }
  return undefined;
}

function sell(run: FutureRun, partnerId: string, rank: number, start: number, end: number): void {
  const tier = tierFor(run.options.calibration, rank);
  if (!tier?.dealsPerPartnerMonth || tier.dealAmounts.length === 0) return;
  for (const at of run.arrivals(tier.dealsPerPartnerMonth.toNumber(), start, end)) {
    const amount = tier.dealAmounts[run.random.integer(0, tier.dealAmounts.length - 1)] ?? '0';
    const dealId = run.id('d');
    const currency = run.options.history.program.currency.code;
    run.push(at, {
      type: 'deal.closed',
      partnerId,
      dealId,
      amount: new Decimal(amount).toFixed(run.decimals),
      currency,
    });
    refund(run, dealId, amount, at);
  }
}

function refund(run: FutureRun, dealId: string, amount: string, closedAt: number): void {
  const { refundRate, refundedShare, refundDays } = run.options.calibration;
  if (!run.random.chance(refundRate.toNumber())) return;
  const part = Decimal.min(
    new Decimal(amount),
    new Decimal(amount).times(refundedShare).toDecimalPlaces(run.decimals, Decimal.ROUND_DOWN),
  );
  if (part.lessThanOrEqualTo(0)) return;
  run.push(closedAt + Math.max(1, refundDays) * DAY_MS, {
    type: 'deal.refunded',
    dealId,
    amount: part.toFixed(run.decimals),
  });
}

/** New partners over [start, end): sponsored at the history's share, trained at its rates. */
function join(run: FutureRun, start: number, end: number): void {
  const { calibration } = run.options;
  for (const at of run.arrivals(calibration.joinsPerMonth.toNumber(), start, end)) {
    const partnerId = run.id('p');
    const sponsored = run.members.length > 0 && run.random.chance(calibration.sponsoredShare.toNumber());
    const sponsorId = sponsored ? (run.members[run.random.integer(0, run.members.length - 1)] ?? null) : null;
    run.push(at, { type: 'partner.joined', partnerId, sponsorId });
    run.members.push(partnerId);
    for (const module of calibration.modules) {
      if (run.random.chance(module.completedShare.toNumber()))
        run.push(at + Math.max(1, module.days) * DAY_MS, {
          type: 'training.completed',
          partnerId,
          moduleId: module.moduleId,
        });
    }
    sell(run, partnerId, 0, at + 1, end);
  }
}

/** Applies the pending events before `end`, in time order (emission order among equal times). */
function applyDue(run: FutureRun, batch: Batch, end: number): Record<string, unknown>[] {
  run.pending.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
  const due = run.pending.filter((item) => item.at < end);
  const later = run.pending.filter((item) => item.at >= end);
  run.pending.length = 0;
  run.pending.push(...later);
  for (const item of due) batch.apply(item.event);
  return due.map((item) => item.event);
}
