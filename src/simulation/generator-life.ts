// One generated partner's life: joining, trainings, deals as a Poisson process whose rate and
// size follow the tier the partner would hold (calibrated to the seed's revenue per partner per
// month), the odd refund, and the features it tries once unlocked. Each partner draws from its
// own seeded sequence, so a life can pause (at the Elite threshold) and resume unchanged.
// Amounts are whole cents (integers, exact in a double) until written as decimal strings.
import { sisoProgram } from '../program/siso.js';
import type { GeneratedEvent } from './generator.js';
import type { TimedEvent } from './generator-payouts.js';
import type { Random } from './random.js';

export const DAY_MS = 86_400_000;
const MONTH_MS = 30.4375 * DAY_MS;
const CURRENCY = 'USD';

/**
 * By the tier the partner would hold (Starter, Active, Performer, Elite): deals a month at
 * average talent, and the mean deal size. At average talent that is 1.6 × 105.00 = 168,
 * 2.0 × 425.00 = 850, 2.4 × 470.00 = 1,128 and 3.0 × 900.00 = 2,700 a month. Who holds a tier
 * is not average (fast sellers climb sooner, slow ones and quitters stay behind), and these
 * figures were tuned so that each tier's measured revenue per partner per month comes out near
 * the seed's 199, 755, 1,424 and 4,636 (checked, within loose bounds, by
 * test/simulation/generator.calibration.test.ts).
 */
const CALIBRATION = [
  { dealsPerMonth: 1.6, dealSizeCents: 10_500 },
  { dealsPerMonth: 2.0, dealSizeCents: 42_500 },
  { dealsPerMonth: 2.4, dealSizeCents: 47_000 },
  { dealsPerMonth: 3.0, dealSizeCents: 90_000 },
] as const;

/** Counted deals each tier needs (SISO: Active and above also need the certification). */
const DEALS_FOR_TIER = [0, 3, 10, 25] as const;
export const ELITE = DEALS_FOR_TIER.length - 1;
const CERTIFIED_SHARE = 0.95;
const MONTHLY_QUIT_RATE = 0.015;
const REFUND_SHARE = 0.03;
const MINIMUM_DEAL_CENTS = 2_500;
const OTHER_MODULES = [
  { moduleId: 'sales-essentials', share: 0.7, withinDays: 60 },
  { moduleId: 'product-deep-dive', share: 0.5, withinDays: 90 },
] as const;

/** The stream being generated: its period, switches and what has been emitted so far. */
export interface Run {
  readonly endMs: number;
  readonly refunds: boolean;
  readonly pending: TimedEvent[];
  /** Deals closed so far (deal ids are numbered in the order they are generated). */
  dealCount: number;
}

export interface Partner {
  readonly index: number;
  readonly id: string;
  readonly joinedAt: number;
  readonly sponsorId: string | null;
  /** Multiplies the deal rate: a lognormal around 1, so a few partners sell far more. */
  readonly talent: number;
  /** The chance the partner tries each feature it unlocks. */
  readonly engagement: number;
  readonly random: Random;
}

/** Where a partner's life stands; `eliteFrom` is when an Elite place is its (Infinity: not yet). */
export interface Life {
  readonly partner: Partner;
  readonly certifiedAt: number;
  readonly quitsAt: number;
  time: number;
  countedDeals: number;
  reachedTier: number;
  eliteFrom: number;
  /** When the partner first met the Elite rule (null until then). */
  eliteQualifiedAt: number | null;
  over: boolean;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Queues an event at a whole second; `id`, `type` and `at` come first, as in the contract. */
export function emit(run: Run, instant: number, fields: DistributiveOmit<GeneratedEvent, 'id' | 'at'>): void {
  const whole = Math.floor(instant / 1000) * 1000;
  const { type, ...rest } = fields;
  const event = { id: '', type, at: new Date(whole).toISOString(), ...rest } as GeneratedEvent;
  run.pending.push({ instant: whole, sequence: run.pending.length, event });
}

export function formatCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The partner joins, trains and starts selling, up to the moment it meets the Elite rule. */
export function beginLife(run: Run, partner: Partner): Life {
  const { random, joinedAt, id: partnerId } = partner;
  emit(run, joinedAt, { type: 'partner.joined', partnerId, sponsorId: partner.sponsorId });
  const certifiedAt = random.chance(CERTIFIED_SHARE)
    ? joinedAt + random.integer(2, 35) * DAY_MS + random.integer(0, DAY_MS - 1)
    : Number.POSITIVE_INFINITY;
  if (certifiedAt < run.endMs) {
    emit(run, certifiedAt, { type: 'training.completed', partnerId, moduleId: 'certification' });
  }
  for (const module of OTHER_MODULES) {
    if (!random.chance(module.share)) continue;
    const at = joinedAt + random.next() * module.withinDays * DAY_MS;
    if (at < run.endMs) emit(run, at, { type: 'training.completed', partnerId, moduleId: module.moduleId });
  }
  useFeatures(run, partner, 0, joinedAt);
  const life: Life = {
    partner,
    certifiedAt,
    quitsAt: joinedAt + random.exponential(MONTH_MS / MONTHLY_QUIT_RATE),
    time: joinedAt,
    countedDeals: 0,
    reachedTier: 0,
    eliteFrom: Number.POSITIVE_INFINITY,
    eliteQualifiedAt: null,
    over: false,
  };
  sell(run, life, true);
  return life;
}

/** Sells on to the end of the period (or until the partner quits). */
export function endLife(run: Run, life: Life): void {
  if (!life.over) sell(run, life, false);
}

function qualifiedTier(countedDeals: number, certified: boolean): number {
  if (!certified) return 0;
  let tier = 0;
  while (tier < ELITE && countedDeals >= (DEALS_FOR_TIER[tier + 1] ?? 0)) tier += 1;
  return tier;
}

/**
 * Deals at the rate of the tier the partner holds now. The waiting time is memoryless, so when
 * the tier changes without a deal (certification, an Elite place freeing up) it is drawn again.
 */
function sell(run: Run, life: Life, untilEliteRule: boolean): void {
  const { partner } = life;
  const stopAt = Math.min(run.endMs, life.quitsAt);
  for (;;) {
    const qualified = qualifiedTier(life.countedDeals, life.time >= life.certifiedAt);
    if (untilEliteRule && qualified === ELITE) {
      life.eliteQualifiedAt = life.time;
      return;
    }
    const tier = life.time >= life.eliteFrom ? qualified : Math.min(qualified, ELITE - 1);
    for (; life.reachedTier < tier; life.reachedTier += 1)
      useFeatures(run, partner, life.reachedTier + 1, life.time);
    const calibration = CALIBRATION[tier] ?? CALIBRATION[0];
    const next =
      life.time + partner.random.exponential(MONTH_MS / (calibration.dealsPerMonth * partner.talent));
    const change = nextTierChange(life);
    if (change < Math.min(next, stopAt)) {
      life.time = change;
      continue;
    }
    if (next >= stopAt) {
      life.over = true;
      return;
    }
    life.time = next;
    life.countedDeals += 1;
    const size = Math.exp(0.45 * partner.random.normal() - 0.45 ** 2 / 2);
    closeDeal(run, partner, next, Math.max(MINIMUM_DEAL_CENTS, Math.round(calibration.dealSizeCents * size)));
  }
}

/** The next moment the tier may change without a deal: the certification, an Elite place. */
function nextTierChange(life: Life): number {
  let change = Number.POSITIVE_INFINITY;
  if (life.certifiedAt > life.time) change = life.certifiedAt;
  if (life.eliteFrom > life.time && life.eliteFrom < change) change = life.eliteFrom;
  return change;
}

function closeDeal(run: Run, partner: Partner, closedAt: number, cents: number): void {
  run.dealCount += 1;
  const dealId = `d${String(run.dealCount).padStart(7, '0')}`;
  const amount = formatCents(cents);
  emit(run, closedAt, {
    type: 'deal.closed',
    partnerId: partner.id,
    dealId,
    amount,
    currency: CURRENCY,
  });
  if (run.refunds && partner.random.chance(REFUND_SHARE))
    refundDeal(run, partner.random, dealId, closedAt, cents);
}

/**
 * A full refund (45 %) or a partial one of 10 to 60 %, sometimes followed by a second (the rest,
 * or up to half of it), 3 to 95 days after the deal; never more than the deal in total.
 */
function refundDeal(run: Run, random: Random, dealId: string, closedAt: number, cents: number): void {
  let at = closedAt + random.integer(3, 75) * DAY_MS + random.integer(0, DAY_MS - 1);
  const first = random.chance(0.45) ? cents : Math.max(1, Math.floor(cents * (0.1 + 0.5 * random.next())));
  if (at >= run.endMs) return;
  emit(run, at, { type: 'deal.refunded', dealId, amount: formatCents(first) });
  const rest = cents - first;
  if (rest === 0 || !random.chance(0.3)) return;
  at += random.integer(1, 20) * DAY_MS;
  const second = random.chance(0.5) ? rest : Math.max(1, Math.floor(rest * 0.5 * random.next()));
  if (at >= run.endMs) return;
  emit(run, at, { type: 'deal.refunded', dealId, amount: formatCents(second) });
}

/** The features a tier unlocks, each tried (by an engaged partner) a few days after unlocking. */
function useFeatures(run: Run, partner: Partner, tier: number, unlockedAt: number): void {
  for (const feature of sisoProgram.tiers[tier]?.unlocks ?? []) {
    if (!partner.random.chance(partner.engagement)) continue;
    const at = unlockedAt + 1000 + partner.random.exponential(7 * DAY_MS);
    if (at < run.endMs) emit(run, at, { type: 'feature.used', partnerId: partner.id, feature });
  }
}
