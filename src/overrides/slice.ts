// Team overrides: each counted deal pays the seller's uplines by level, as the programme
// declares (rate, minimum tier at the moment of the deal, an optional activity rule), with
// optional compression (an ineligible upline is skipped and the next eligible one takes the
// level) and caps per deal and per partner per period, applied exactly and explained.

import { termsInForce } from '../commissions/rates.js';
import type { Context, Slice } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { ruleFacts } from '../facts/partner-facts.js';
import { earn } from '../ledger/book.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
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

/** The room left under the caps for this upline, or undefined when no cap applies. */
function capRoom(context: Context, plan: CompiledOverrides, upline: PartnerState): Decimal | undefined {
  let room: Decimal | undefined = plan.perDealCap ?? undefined;
  if (plan.perPeriodCap) {
    const key = context.calendar.periodOf(context.instant, plan.perPeriodCap.period).key;
    const used = upline.overrideTotal.key === key ? new Decimal(upline.overrideTotal.amount) : new Decimal(0);
    const left = Decimal.max(plan.perPeriodCap.amount.minus(used), 0);
    room = room === undefined ? left : Decimal.min(room, left);
  }
  return room;
}

function countTowardCap(context: Context, plan: CompiledOverrides, uplineId: string, amount: Decimal): void {
  if (!plan.perPeriodCap) return;
  const key = context.calendar.periodOf(context.instant, plan.perPeriodCap.period).key;
  const upline = context.draft.writablePartner(uplineId);
  const used = upline.overrideTotal.key === key ? new Decimal(upline.overrideTotal.amount) : new Decimal(0);
  upline.overrideTotal = {
    key,
    amount: formatMoney(used.plus(amount), context.compiled.program.currency.decimals),
  };
}

export function payOverrides(context: Context, deal: DealState, eventId: string): void {
  const plan = context.version.overrides;
  if (!plan || plan.levels.length === 0) return;
  const commission = deal.entries.find((entry) => entry.kind === 'commission');
  const basis = plan.basis === 'commission' ? new Decimal(commission?.amount ?? 0) : new Decimal(deal.amount);
  for (const { level, upline } of overrideEarners(context, plan, deal.partnerId)) {
    const terms = termsInForce(context, upline, 'overrideRate');
    const room = capRoom(context, plan, upline);
    if (room?.isZero()) continue;
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
        (room === undefined
          ? ''
          : `; cap room left ${formatMoney(room, context.compiled.program.currency.decimals)}`),
    });
    countTowardCap(context, plan, upline.id, new Decimal(entry.amount));
    if (plan.perPeriodCap) {
      const record = context.draft.writableDeal(deal.id).entries.find((item) => item.id === entry.id);
      if (record) record.capCounted = entry.amount;
    }
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
  const paidIn = context.calendar.periodOf(Date.parse(deal.closedAt), period).key;
  const places = context.compiled.program.currency.decimals;
  for (const entry of context.draft.writableDeal(dealId).entries) {
    if (entry.kind !== 'override' || entry.capCounted === undefined || entry.capCounted === entry.net)
      continue;
    const upline = context.draft.partner(entry.partnerId);
    if (upline && paidIn === key && upline.overrideTotal.key === key) {
      const returned = new Decimal(entry.capCounted).minus(entry.net);
      const total = new Decimal(upline.overrideTotal.amount).minus(returned);
      context.draft.writablePartner(upline.id).overrideTotal = { key, amount: formatMoney(total, places) };
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
