// Team overrides: each counted deal pays the seller's uplines by level, as the programme
// declares (rate, minimum tier at the moment of the deal, an optional activity rule), with
// optional compression (an ineligible upline is skipped and the next eligible one takes the
// level) and caps per deal and per partner per period, applied exactly and explained.

import { termsInForce } from '../commissions/rates.js';
import type { Context, Slice } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { ruleFacts } from '../facts/partner-facts.js';
import { earn } from '../ledger/book.js';
import { dealEntryId } from '../ledger/ids.js';
import { Decimal } from '../money/decimal.js';
import {
  addMinor,
  formatMinor,
  type MinorUnits,
  minMinor,
  minorOfDecimal,
  NO_MINOR_UNITS,
  subtractMinor,
} from '../money/minor.js';
import type { CompiledOverrideLevel, CompiledOverrides } from '../program/compile.js';
import { uplineIds } from './team.js';

function eligible(context: Context, upline: PartnerState, level: CompiledOverrideLevel): boolean {
  if (upline.tier < level.minTierIndex) return false;
  if (!level.eligibility) return true;
  return level.eligibility.test(ruleFacts(context, upline));
}

/** Pairs each level with the upline that takes it, with or without compression. */
export function overrideEarners(
  context: Context,
  plan: CompiledOverrides,
  sellerId: string,
): Array<{ level: CompiledOverrideLevel; upline: PartnerState }> {
  const uplines = uplineIds(context.draft, sellerId);
  const earners: Array<{ level: CompiledOverrideLevel; upline: PartnerState }> = [];
  for (const level of plan.levels) {
    for (;;) {
      const next = uplines.next();
      if (next.done) return earners;
      const upline = context.draft.partner(next.value);
      if (upline && eligible(context, upline, level)) {
        earners.push({ level, upline });
        break;
      }
      if (!plan.compression) break;
    }
  }
  return earners;
}

/** The room left under the caps for this upline (minor units), or undefined when no cap applies. */
function capRoom(context: Context, plan: CompiledOverrides, upline: PartnerState): MinorUnits | undefined {
  const places = context.compiled.program.currency.decimals;
  let room = plan.perDealCap ? minorOfDecimal(plan.perDealCap, places) : undefined;
  if (plan.perPeriodCap) {
    const key = context.calendar.periodOf(context.instant, plan.perPeriodCap.period).key;
    const used = upline.overrideTotal.key === key ? upline.overrideTotal.amount : NO_MINOR_UNITS;
    const cap = minorOfDecimal(plan.perPeriodCap.amount, places);
    const left = used < cap ? subtractMinor(cap, used) : NO_MINOR_UNITS;
    room = room === undefined ? left : minMinor(room, left);
  }
  return room;
}

function countTowardCap(
  context: Context,
  plan: CompiledOverrides,
  uplineId: string,
  amount: MinorUnits,
): void {
  if (!plan.perPeriodCap) return;
  const key = context.calendar.periodOf(context.instant, plan.perPeriodCap.period).key;
  const upline = context.draft.writablePartner(uplineId);
  const used = upline.overrideTotal.key === key ? upline.overrideTotal.amount : NO_MINOR_UNITS;
  upline.overrideTotal = { key, amount: addMinor(used, amount) };
}

export function payOverrides(context: Context, deal: DealState, eventId: string): void {
  const plan = context.version.overrides;
  if (!plan || plan.levels.length === 0) return;
  const commission = deal.entries.find((entry) => entry.kind === 'commission');
  const basis = plan.basis === 'commission' ? (commission?.amount ?? NO_MINOR_UNITS) : deal.amount;
  const places = context.compiled.program.currency.decimals;
  for (const { level, upline } of overrideEarners(context, plan, deal.partnerId)) {
    const terms = termsInForce(context, upline, 'overrideRate');
    const room = capRoom(context, plan, upline);
    if (room === 0) continue;
    const entry = earn(context, deal, eventId, {
      partnerId: upline.id,
      kind: 'override',
      rate: terms?.overrideRate ? new Decimal(terms.overrideRate) : level.rate,
      basis,
      basisOf: plan.basis === 'commission' ? 'commission' : 'deal',
      source: terms ? 'custom-terms' : 'override-level',
      qualifiers: [String(level.level)],
      level: level.level,
      ...(room === undefined ? {} : { cap: room }),
      reason:
        `level ${level.level} override on ${deal.partnerId}'s deal ${deal.id}` +
        (plan.basis === 'commission' ? ` (on the seller's commission)` : '') +
        (terms ? `, custom override rate set by event ${terms.eventId}` : '') +
        (room === undefined ? '' : `; cap room left ${formatMinor(room, places)}`),
    });
    const record = plan.perPeriodCap
      ? context.draft.writableDeal(deal.id).entries.find((item) => dealEntryId(deal, item) === entry.id)
      : undefined;
    countTowardCap(context, plan, upline.id, record?.amount ?? NO_MINOR_UNITS);
    if (record) record.capCounted = record.amount;
  }
}

/**
 * A refund gives back cap room: an override clawed back in the cap period it was paid in no
 * longer counts toward that period's cap (what a partner earns is what it keeps).
 */
function returnCapRoom(context: Context, dealId: string): void {
  const plan = context.version.overrides;
  const deal = context.draft.deal(dealId);
  if (!plan?.perPeriodCap || !deal) return;
  const { period } = plan.perPeriodCap;
  const key = context.calendar.periodOf(context.instant, period).key;
  const paidIn = context.calendar.periodOf(deal.closedAt, period).key;
  for (const entry of context.draft.writableDeal(dealId).entries) {
    if (entry.kind !== 'override' || entry.capCounted === undefined || entry.capCounted === entry.net)
      continue;
    const upline = context.draft.partner(entry.partnerId);
    if (upline && paidIn === key && upline.overrideTotal.key === key) {
      const returned = subtractMinor(entry.capCounted, entry.net);
      const total = subtractMinor(upline.overrideTotal.amount, returned);
      context.draft.writablePartner(upline.id).overrideTotal = { key, amount: total };
    }
    entry.capCounted = entry.net;
  }
}

export const overridesSlice: Slice = {
  name: 'overrides',
  phases: {
    payTeam: {
      on: {
        'deal.closed': (context, event) => {
          const deal = context.draft.deal(event.dealId);
          if (deal) payOverrides(context, deal, event.id);
        },
        'deal.refunded': (context, event) => returnCapRoom(context, event.dealId),
      },
    },
  },
};
