// A replayed history as the KPIs and the forecast's calibration read it: the accepted events
// (normalised, in time order) and, from the engine's effects, each partner's tier over time and
// the features it unlocked. Built on the public engine API only: replay, effects, parseEvent.
import { createEngine } from '../create-engine.js';
import { Calendar } from '../engine/calendar.js';
import type { ReplayResult } from '../engine/engine.js';
import type { JoinedEffect } from '../engine/outputs.js';
import { parseEvent } from '../events/parse.js';
import type { PartnerEvent } from '../events/types.js';
import { Decimal } from '../money/decimal.js';
import type { Program } from '../program/load.js';

export const DAY_MS = 86_400_000;

/** A tier a partner held from an instant on (its rank in the programme's tier list). */
export interface TierSpell {
  readonly at: number;
  readonly rank: number;
}

export interface PartnerHistory {
  readonly id: string;
  readonly joinedAt: number;
  readonly sponsorId: string | null;
  /** In time order, the entry tier first; each change (promotion, demotion) after it. */
  readonly tiers: TierSpell[];
  firstDealAt: number | null;
  /** When each training module was first completed. */
  readonly trainings: Map<string, number>;
  /** When each feature was used, in time order. */
  readonly uses: Map<string, number[]>;
  /** Each feature.unlocked effect of the partner. */
  readonly unlocks: Array<{ readonly feature: string; readonly at: number }>;
}

export interface HistoryDeal {
  readonly partnerId: string;
  readonly dealId: string;
  readonly at: number;
  readonly amount: Decimal;
  /** The partner's tier rank when the deal closed (after any promotion it caused). */
  readonly rank: number;
}

export interface HistoryRefund {
  readonly partnerId: string;
  readonly dealId: string;
  readonly at: number;
  readonly amount: Decimal;
}

export interface History {
  readonly program: Program;
  readonly calendar: Calendar;
  readonly replay: ReplayResult;
  /** The as-of time (epoch ms), or null when there were no events. */
  readonly asOf: number | null;
  /** The first accepted event's time, or null. */
  readonly firstAt: number | null;
  /** By partner id, in id order. */
  readonly partners: ReadonlyMap<string, PartnerHistory>;
  readonly deals: readonly HistoryDeal[];
  readonly refunds: readonly HistoryRefund[];
}

/**
 * How far to read a history.
 *
 * @inline
 */
export interface HistoryOptions {
  /** Read the history up to this instant (ISO-8601 with an offset or Z). Default: the last event. */
  readonly asOf?: string;
}

/**
 * Replays the events under the programme and reads what the KPIs and the calibration need.
 *
 * @throws {RangeError} when `asOf` is not an ISO-8601 date-time with an offset or Z.
 * @example
 * readHistory(events, sisoProgram).partners.get('p1')?.tiers
 * //=> [{ at: 1736154000000, rank: 0 }, { at: 1737979200000, rank: 1 }]
 */
export function readHistory(
  events: readonly unknown[],
  program: Program,
  options: HistoryOptions = {},
): History {
  const engine = createEngine(program);
  const replay = engine.replay(events, options.asOf === undefined ? {} : { asOf: options.asOf });
  return historyOf(events, program, replay);
}

/**
 * The history of events already replayed under the programme (the result of `engine.replay` over
 * exactly these events, or one answered from a saved run): what readHistory reads after its replay.
 */
export function historyOf(events: readonly unknown[], program: Program, replay: ReplayResult): History {
  const accepted = acceptedEvents(events, replay, program);
  const partners = new Map<string, PartnerHistory>();
  const rankOf = new Map(program.tiers.map((tier, rank) => [tier.id, rank]));
  for (const effect of replay.effects) {
    const at = Date.parse(effect.at);
    if (effect.type === 'partner.joined')
      partners.set(effect.partnerId, newPartner(effect, at, rankOf.get(effect.tier) ?? 0));
    const partner = partners.get(effect.partnerId);
    if (!partner) continue;
    if (effect.type === 'tier.promoted' || effect.type === 'tier.demoted')
      partner.tiers.push({ at, rank: rankOf.get(effect.to) ?? 0 });
    if (effect.type === 'feature.unlocked') partner.unlocks.push({ feature: effect.feature, at });
  }
  const { deals, refunds } = readEvents(accepted, partners);
  return {
    program,
    calendar: new Calendar(program.timeZone),
    replay,
    asOf: replay.asOf === null ? null : Date.parse(replay.asOf),
    firstAt: accepted[0] ? Date.parse(accepted[0].at) : null,
    partners: new Map([...partners].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    deals,
    refunds,
  };
}

/** The tier rank a partner held at an instant (changes at that very instant included). */
export function rankAt(partner: PartnerHistory, instant: number): number | null {
  let rank: number | null = null;
  for (const spell of partner.tiers) {
    if (spell.at > instant) break;
    rank = spell.rank;
  }
  return rank;
}

function newPartner(joined: JoinedEffect, joinedAt: number, rank: number): PartnerHistory {
  return {
    id: joined.partnerId,
    joinedAt,
    sponsorId: joined.sponsorId,
    tiers: [{ at: joinedAt, rank }],
    firstDealAt: null,
    trainings: new Map(),
    uses: new Map(),
    unlocks: [],
  };
}

/** The events the replay applied (neither rejected nor skipped), normalised, in time order. */
function acceptedEvents(events: readonly unknown[], replay: ReplayResult, program: Program): PartnerEvent[] {
  const left = new Set<number>([...replay.rejected, ...replay.skipped].map((item) => item.index));
  const currency = { code: program.currency.code, decimals: program.currency.decimals };
  const accepted: PartnerEvent[] = [];
  events.forEach((input, index) => {
    if (left.has(index)) return;
    const parsed = parseEvent(input, { currency });
    if (parsed.ok) accepted.push(parsed.event);
  });
  // Stable: events at the same time keep their input order, as in the replay.
  return accepted.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

function readEvents(accepted: readonly PartnerEvent[], partners: Map<string, PartnerHistory>) {
  const deals: HistoryDeal[] = [];
  const refunds: HistoryRefund[] = [];
  const sellerOf = new Map<string, string>();
  for (const event of accepted) {
    const at = Date.parse(event.at);
    if (event.type === 'deal.closed') {
      const partner = partners.get(event.partnerId);
      if (partner && partner.firstDealAt === null) partner.firstDealAt = at;
      sellerOf.set(event.dealId, event.partnerId);
      const rank = partner ? (rankAt(partner, at) ?? 0) : 0;
      deals.push({
        partnerId: event.partnerId,
        dealId: event.dealId,
        at,
        amount: new Decimal(event.amount),
        rank,
      });
    } else if (event.type === 'deal.refunded') {
      const partnerId = sellerOf.get(event.dealId) ?? '';
      refunds.push({ partnerId, dealId: event.dealId, at, amount: new Decimal(event.amount) });
    } else if (event.type === 'training.completed') {
      const trainings = partners.get(event.partnerId)?.trainings;
      if (trainings && !trainings.has(event.moduleId)) trainings.set(event.moduleId, at);
    } else if (event.type === 'feature.used') {
      const uses = partners.get(event.partnerId)?.uses;
      if (uses) uses.set(event.feature, [...(uses.get(event.feature) ?? []), at]);
    }
  }
  return { deals, refunds };
}
