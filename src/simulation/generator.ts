// The seeded synthetic event generator: partners join over a period (a founding cohort, then
// teams grown by preferential attachment), live their lives (generator-life.ts), share the
// limited Elite places first come first served, and are paid after each 15th
// (generator-payouts.ts: what each run asked for). The stream replays under the SISO programme
// with no rejection.
import { sisoProgram } from '../program/siso.js';
import {
  beginLife,
  DAY_MS,
  ELITE,
  emit,
  endLife,
  type Life,
  type Partner,
  type Run,
} from './generator-life.js';
import { planPayouts, type TimedEvent } from './generator-payouts.js';
import { createRandom, type Random } from './random.js';

/** Options of `generateEvents`: how many partners, over how many months, from which seed. */
export interface GenerateOptions {
  /** How many partners join over the period (at least 1). */
  readonly partners: number;
  /** How long the period is, in calendar months (1 to 1,200). */
  readonly months: number;
  /** The seed: the same options and seed give the same events. */
  readonly seed: number;
  /** The first instant of the period, ISO-8601 with an offset or Z. Default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** Emit deal.refunded events (about 3 % of deals). Default true. */
  readonly refunds?: boolean;
  /**
   * Emit payout.paid events: on the 17th at 10:00 UTC, two days after each payout run, every
   * partner the run found due is paid the amount it asked for (or, when a clawback in between
   * lowered the payable balance, that balance). Computed by folding the stream through the SISO
   * engine, so the stream replays under SISO with no PAYOUT_EXCEEDS_PAYABLE. Default true. A
   * programme that pays less than SISO may refuse some payments: turn them off for such runs
   * (payments never change what a programme costs, only when it is paid).
   */
  readonly payouts?: boolean;
}

/**
 * The fields every event has.
 *
 * @inline
 */
interface EventBase {
  /** The event's id: `e0000001`, `e0000002`, ... in time order. */
  id: string;
  /** When it happened (ISO-8601, UTC). */
  at: string;
}

/** The contract's events as plain JSON objects, ready for NDJSON or `engine.replay`. */
export type GeneratedEvent =
  | (EventBase & {
      /** A partner joined. */
      type: 'partner.joined';
      /** The partner who joined. */
      partnerId: string;
      /** Its sponsor, a partner who joined earlier, or null. */
      sponsorId: string | null;
    })
  | (EventBase & {
      /** A partner completed a training module. */
      type: 'training.completed';
      /** The partner. */
      partnerId: string;
      /** The module, such as `certification`. */
      moduleId: string;
    })
  | (EventBase & {
      /** A partner closed a deal. */
      type: 'deal.closed';
      /** The seller. */
      partnerId: string;
      /** The deal's id. */
      dealId: string;
      /** The deal amount, with the currency's places. */
      amount: string;
      /** The ISO 4217 currency code (USD for SISO). */
      currency: string;
    })
  | (EventBase & {
      /** Part or all of a deal was refunded. */
      type: 'deal.refunded';
      /** The deal refunded. */
      dealId: string;
      /** The part refunded now. */
      amount: string;
    })
  | (EventBase & {
      /** The host paid a partner. */
      type: 'payout.paid';
      /** The partner paid. */
      partnerId: string;
      /** The amount paid. */
      amount: string;
    })
  | (EventBase & {
      /** A partner used a feature. */
      type: 'feature.used';
      /** The partner. */
      partnerId: string;
      /** The feature's id. */
      feature: string;
    });

/** The first tenth join in the first two weeks, without a sponsor. */
const FOUNDING_SHARE = 0.1;
/** Later partners who come without a sponsor: about 30 % in all with the founders. */
const UNSPONSORED_LATER = 0.22;
const DABBLER_SHARE = 0.08;
/** How long after quitting an Elite partner's place frees (two failed quarterly reviews). */
const PLACE_FREED_AFTER_MS = 183 * DAY_MS;

/**
 * A seeded, realistic event stream for the SISO programme, sorted by time, with ids `e0000001`…
 * in that order. The same options give the same events on any machine and in any time zone.
 *
 * @throws {RangeError} when partners, months, seed or start is unusable.
 * @example
 * const events = generateEvents({ partners: 200, months: 12, seed: 7 });
 * events[0]
 * //=> { id: 'e0000001', type: 'partner.joined', at: '2025-01-01T…Z', partnerId: 'p001', sponsorId: null }
 * createEngine(sisoProgram).replay(events).rejected
 * //=> []
 */
export function generateEvents(options: GenerateOptions): GeneratedEvent[] {
  const { startMs, endMs } = checkOptions(options);
  const run: Run = { endMs, refunds: options.refunds ?? true, pending: [], dealCount: 0 };
  const partners = joinPartners(createRandom(options.seed), options.partners, startMs, endMs);
  const lives = partners.map((partner) => beginLife(run, partner));
  assignElitePlaces(lives);
  for (const life of lives) endLife(run, life);
  run.pending.sort(byTime);
  if (options.payouts ?? true) {
    // Payments are emitted last, so each comes after any other event at its instant.
    for (const { instant, partnerId, amount } of planPayouts(run.pending, startMs, endMs))
      emit(run, instant, { type: 'payout.paid', partnerId, amount });
    run.pending.sort(byTime);
  }
  const width = Math.max(7, String(run.pending.length).length);
  return run.pending.map((item, position) => {
    item.event.id = `e${String(position + 1).padStart(width, '0')}`;
    return item.event;
  });
}

function byTime(a: TimedEvent, b: TimedEvent): number {
  return a.instant - b.instant || a.sequence - b.sequence;
}

function checkOptions(options: GenerateOptions): { startMs: number; endMs: number } {
  const { partners, months, seed } = options;
  if (!Number.isSafeInteger(partners) || partners < 1)
    throw new RangeError(`partners must be a whole number of at least 1; got ${partners}`);
  if (!Number.isSafeInteger(months) || months < 1 || months > 1200)
    throw new RangeError(`months must be a whole number from 1 to 1200; got ${months}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number; got ${seed}`);
  const start = options.start ?? '2025-01-01T00:00:00Z';
  const startMs = Date.parse(start);
  if (!/T.*(Z|[+-]\d\d:\d\d)$/.test(start) || Number.isNaN(startMs))
    throw new RangeError(`start must be an ISO-8601 date-time with an offset or Z; got "${start}"`);
  const end = new Date(startMs);
  end.setUTCMonth(end.getUTCMonth() + months);
  return { startMs, endMs: end.getTime() };
}

/** Join times (founders in the first two weeks, the rest spread), sponsors, talent, a seed each. */
function joinPartners(random: Random, count: number, startMs: number, endMs: number): Partner[] {
  const founders = Math.max(1, Math.round(count * FOUNDING_SHARE));
  const joinTimes = new Float64Array(count);
  for (let index = 0; index < count; index += 1) {
    const span = index < founders ? 14 * DAY_MS : endMs - startMs - DAY_MS;
    joinTimes[index] = startMs + Math.floor((random.next() * Math.max(span, 1000)) / 1000) * 1000;
  }
  joinTimes.sort();
  const width = Math.max(3, String(count).length);
  // Preferential attachment: one ticket per partner and one more per recruit, drawn uniformly.
  const tickets: number[] = [];
  const partners: Partner[] = [];
  for (let index = 0; index < count; index += 1) {
    const unsponsored = index < founders || random.chance(UNSPONSORED_LATER);
    const sponsor = unsponsored ? undefined : tickets[random.integer(0, tickets.length - 1)];
    if (sponsor !== undefined) tickets.push(sponsor);
    tickets.push(index);
    const dabbler = random.chance(DABBLER_SHARE);
    partners.push({
      index,
      id: `p${String(index + 1).padStart(width, '0')}`,
      joinedAt: joinTimes[index] ?? startMs,
      sponsorId: sponsor === undefined ? null : (partners[sponsor]?.id ?? null),
      talent: Math.exp(0.45 * random.normal() - 0.45 ** 2 / 2) * (dabbler ? 0.2 : 1),
      engagement: 0.55 + 0.45 * random.next(),
      // Two draws make a 53-bit seed, so no two partners share a sequence in practice.
      random: createRandom(random.integer(0, 0x1f_ffff) * 0x1_0000_0000 + random.integer(0, 0xffff_ffff)),
    });
  }
  return partners;
}

/**
 * Elite places, first come first served as the programme gives them: each partner meeting the
 * Elite rule takes the place that frees first (a holder who quits loses it two reviews later).
 */
function assignElitePlaces(lives: readonly Life[]): void {
  const capacity = sisoProgram.tiers[ELITE]?.capacity ?? Number.POSITIVE_INFINITY;
  const waiting = lives
    .filter((life) => life.eliteQualifiedAt !== null)
    .sort(
      (a, b) => (a.eliteQualifiedAt ?? 0) - (b.eliteQualifiedAt ?? 0) || a.partner.index - b.partner.index,
    );
  const busyUntil: number[] = [];
  for (const life of waiting) {
    const qualifiedAt = life.eliteQualifiedAt ?? 0;
    let place = busyUntil.length < capacity ? busyUntil.length : 0;
    for (let other = 0; other < busyUntil.length && place !== busyUntil.length; other += 1) {
      if ((busyUntil[other] ?? 0) < (busyUntil[place] ?? 0)) place = other;
    }
    life.eliteFrom = Math.max(qualifiedAt, busyUntil[place] ?? Number.NEGATIVE_INFINITY);
    busyUntil[place] = Math.max(life.eliteFrom, life.quitsAt + PLACE_FREED_AFTER_MS);
  }
}
