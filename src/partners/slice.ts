// The partner roster and its deals: who joined (and under whom), trainings, features used, and
// the deal counts and revenue every rule reads. It checks the references events make (unknown
// partner, duplicate deal, refund beyond the deal) before anything changes.

import { periodKeysAt } from '../engine/calendar.js';
import type { Context, Slice } from '../engine/slice.js';
import { copyTable, type DealState, type PartnerState, table } from '../engine/state.js';
import { eventError } from '../events/codes.js';
import { ALL_SOURCES, SOURCE } from '../facts/catalogue.js';
import { minorOfEvent, takeIn, volumeRefusal } from '../ledger/volume.js';
import {
  addMinor,
  formatMinor,
  type MinorUnits,
  subtractMinor,
  NO_MINOR_UNITS as ZERO,
} from '../money/minor.js';
import { addToCounter, emptyCounter, removeFromCounter } from './counters.js';
import { closeMonth, monthResult } from './history.js';

function unknownPartner(context: Context, partnerId: string, path = 'partnerId') {
  return context.draft.partner(partnerId)
    ? null
    : eventError('UNKNOWN_PARTNER', path, `partner "${partnerId}" has not joined`);
}

function newPartner(context: Context, id: string, sponsorId: string | null, eventId: string): PartnerState {
  const { calendar, instant, compiled } = context;
  const month = calendar.periodOf(instant, 'month').key;
  return {
    id,
    sponsorId,
    joinedAt: instant,
    joinEventId: eventId,
    tier: 0,
    tierSince: instant,
    failedReviews: 0,
    waitingFor: null,
    demotedFrom: null,
    countedDeals: 0,
    dealsClosed: 0,
    revenue: ZERO,
    firstDealAt: null,
    trainings: [],
    featuresUsed: table(),
    badges: [],
    milestones: [],
    month: emptyCounter(month),
    quarter: emptyCounter(calendar.periodOf(instant, 'quarter').key),
    year: emptyCounter(calendar.periodOf(instant, 'year').key),
    history: table(),
    monthEndTiers: [],
    balance: { earned: ZERO, pending: ZERO, payable: ZERO, paid: ZERO, clawedBack: ZERO },
    payouts: [],
    terms: [],
    team: {
      direct: 0,
      selling: 0,
      size: 0,
      revenue: ZERO,
      month: emptyCounter(month),
      quarter: emptyCounter(calendar.periodOf(instant, 'quarter').key),
      directAtOrAbove: new Array<number>(compiled.program.tiers.length).fill(0),
      directIds: [],
      sizeByLevel: [],
      revenueByLevel: [],
    },
    recentDeals: {
      month: { key: month, dealIds: [] },
      quarter: { key: calendar.periodOf(instant, 'quarter').key, dealIds: [] },
      year: { key: calendar.periodOf(instant, 'year').key, dealIds: [] },
    },
    referralDecided: false,
    overrideTotal: { key: '', amount: ZERO },
  };
}

/**
 * The list with the value added, sorted: a new array, never the old one changed, because facts
 * and ledger entries made earlier may hold the old one.
 */
function withSorted(list: readonly string[], value: string): string[] {
  return [...list, value].sort();
}

export const partnersSlice: Slice = {
  name: 'partners',
  periodsEnded: (context, ended) => {
    const month = ended.find((range) => range.period === 'month');
    if (month) closeMonth(context, month);
  },
  check: {
    'partner.joined': (context, event) => {
      if (context.draft.partner(event.partnerId)) {
        return eventError(
          'DUPLICATE_PARTNER',
          'partnerId',
          `partner "${event.partnerId}" has already joined`,
        );
      }
      return event.sponsorId === null ? null : unknownPartner(context, event.sponsorId, 'sponsorId');
    },
    'training.completed': (context, event) => unknownPartner(context, event.partnerId),
    'feature.used': (context, event) =>
      unknownPartner(context, event.partnerId) ??
      (context.compiled.features.has(event.feature)
        ? null
        : eventError(
            'INVALID_EVENT',
            'feature',
            `feature "${event.feature}" is not one of the programme's features`,
          )),
    'terms.set': (context, event) => unknownPartner(context, event.partnerId),
    'payout.paid': (context, event) => unknownPartner(context, event.partnerId),
    'deal.closed': (context, event) => {
      const { currency } = context.compiled.program;
      if (event.currency !== currency.code) {
        return eventError(
          'CURRENCY_MISMATCH',
          'currency',
          `deal is in ${event.currency}; the programme pays in ${currency.code}`,
        );
      }
      if (context.draft.deal(event.dealId)) {
        return eventError('DUPLICATE_DEAL', 'dealId', `deal "${event.dealId}" was already closed`);
      }
      return unknownPartner(context, event.partnerId) ?? volumeRefusal(context, event.amount);
    },
    'deal.refunded': (context, event) => {
      const deal = context.draft.deal(event.dealId);
      if (!deal) return eventError('UNKNOWN_DEAL', 'dealId', `deal "${event.dealId}" was never closed`);
      const left = subtractMinor(deal.amount, deal.refunded);
      if (minorOfEvent(context, event.amount) <= left) return null;
      const shown = formatMinor(left, context.compiled.program.currency.decimals);
      return eventError(
        'REFUND_EXCEEDS_DEAL',
        'amount',
        `refund of ${event.amount} is more than the ${shown} of deal "${deal.id}" not yet refunded`,
      );
    },
  },
  phases: {
    record: {
      on: {
        'partner.joined': (context, event) => {
          context.draft.addPartner(newPartner(context, event.partnerId, event.sponsorId, event.id));
          context.touched.add(event.partnerId, ALL_SOURCES);
        },
        'training.completed': (context, event) => {
          // A module done again changes nothing.
          const seen = context.draft.partner(event.partnerId);
          if (seen === undefined || seen.trainings.includes(event.moduleId)) return;
          const partner = context.draft.writablePartner(event.partnerId);
          partner.trainings = withSorted(partner.trainings, event.moduleId);
          context.touched.add(event.partnerId, SOURCE.training);
        },
        'feature.used': (context, event) => {
          // Only a first use changes the partner: a use again writes nothing (most uses are).
          const seen = context.draft.partner(event.partnerId);
          if (seen === undefined || Object.hasOwn(seen.featuresUsed, event.feature)) return;
          const partner = context.draft.writablePartner(event.partnerId);
          // Written in place once this draft owns a null-prototype table (a feature id such as
          // "__proto__" stays a plain key); a table shared with the input, or an ordinary object
          // (a parsed state has one), is copied into a fresh one first.
          const current = partner.featuresUsed;
          const used =
            Object.getPrototypeOf(current) === null
              ? context.draft.own(current, copyTable)
              : copyTable(current);
          used[event.feature] = context.instant;
          partner.featuresUsed = used;
          context.touched.add(event.partnerId, SOURCE.feature);
        },
        'deal.closed': (context, event) => {
          const partner = context.draft.writablePartner(event.partnerId);
          const amount = minorOfEvent(context, event.amount);
          takeIn(context, amount);
          const keys = periodKeysAt(context.calendar, context.instant);
          partner.dealsClosed += 1;
          partner.countedDeals += 1;
          partner.revenue = addMinor(partner.revenue, amount);
          partner.firstDealAt ??= context.instant;
          addToCounter(partner.month, keys.month, 1, amount);
          addToCounter(partner.quarter, keys.quarter, 1, amount);
          addToCounter(partner.year, keys.year, 1, amount);
          const result = monthResult(context.draft, partner, keys.month);
          result.deals += 1;
          result.revenue = addMinor(result.revenue, amount);
          if (context.compiled.retroactivePeriods.size > 0) {
            rememberDeal(context, partner.recentDeals, keys, event.dealId);
          }
          // The partner's own id string, not the event's copy: a deal lives as long as the state.
          context.draft.addDeal(newDeal(context, event.id, event.dealId, partner.id, amount));
          context.touched.add(event.partnerId, SOURCE.deal);
        },
        'deal.refunded': (context, event) => {
          const deal = context.draft.writableDeal(event.dealId);
          const partner = context.draft.writablePartner(deal.partnerId);
          const amount = minorOfEvent(context, event.amount);
          deal.refunded = addMinor(deal.refunded, amount);
          const uncounted = deal.refunded === deal.amount ? 1 : 0;
          partner.countedDeals -= uncounted;
          partner.revenue = subtractMinor(partner.revenue, amount);
          const keys = periodKeysAt(context.calendar, deal.closedAt);
          removeFromCounter(partner.month, keys.month, uncounted, amount);
          removeFromCounter(partner.quarter, keys.quarter, uncounted, amount);
          removeFromCounter(partner.year, keys.year, uncounted, amount);
          recordRefundInHistory(context, partner, keys.month, uncounted, amount);
          context.touched.add(deal.partnerId, SOURCE.refund);
        },
      },
    },
  },
};

/**
 * A refund in the month its deal closed lowers that month's results; a later one is kept apart,
 * in the month it was received, so a month is judged as it stood when it ended.
 */
function recordRefundInHistory(
  context: Context,
  partner: PartnerState,
  dealMonth: string,
  uncounted: number,
  amount: MinorUnits,
): void {
  const month = context.calendar.periodOf(context.instant, 'month').key;
  const result = monthResult(context.draft, partner, month);
  if (month === dealMonth) {
    result.deals -= uncounted;
    result.revenue = subtractMinor(result.revenue, amount);
    return;
  }
  const late = result.late ?? {};
  const before = late[dealMonth] ?? { deals: 0, revenue: ZERO };
  late[dealMonth] = { deals: before.deals + uncounted, revenue: addMinor(before.revenue, amount) };
  result.late = late;
}

function newDeal(
  context: Context,
  eventId: string,
  dealId: string,
  partnerId: string,
  amount: MinorUnits,
): DealState {
  return {
    id: dealId,
    partnerId,
    eventId,
    closedAt: context.instant,
    amount,
    refunded: ZERO,
    released: false,
    entries: [],
  };
}

function rememberDeal(
  context: Context,
  recent: PartnerState['recentDeals'],
  keys: { month: string; quarter: string; year: string },
  dealId: string,
): void {
  for (const period of ['month', 'quarter', 'year'] as const) {
    if (!context.compiled.retroactivePeriods.has(period)) continue;
    const list = recent[period];
    if (list.key !== keys[period]) {
      recent[period] = { key: keys[period], dealIds: [dealId] };
      continue;
    }
    // The list is shared with the state the partner was copied from until this draft owns it.
    list.dealIds = context.draft.own(list.dealIds, (ids) => [...ids]);
    list.dealIds.push(dealId);
  }
}
