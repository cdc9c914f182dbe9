// The partner-team graph: the sponsor tree built from partner.joined, with team aggregates
// (direct sub-partners, selling ones, team size and revenue, sub-partners by tier) kept
// incrementally on every upline, so a deal deep in a large tree costs O(levels), not O(team).

import { periodKeysAt } from '../engine/calendar.js';
import type { TierChanged } from '../engine/changes.js';
import type { Draft } from '../engine/draft.js';
import type { Context, Slice } from '../engine/slice.js';
import type { DealState, PartnerState } from '../engine/state.js';
import { SOURCE } from '../facts/catalogue.js';
import { minorOfEvent } from '../ledger/volume.js';
import { addMinor, type MinorUnits, NO_MINOR_UNITS, negateMinor } from '../money/minor.js';
import { addToCounter, removeFromCounter } from '../partners/counters.js';

/**
 * The partners above one, nearest first (its sponsor, the sponsor's sponsor, ...).
 *
 * @example
 * [...uplineIds(draft, 'c')]   // a sponsored b, b sponsored c
 * //=> ['b', 'a']
 */
export function* uplineIds(draft: Pick<Draft, 'partner'>, partnerId: string): Generator<string> {
  let current = draft.partner(partnerId)?.sponsorId ?? null;
  while (current !== null) {
    yield current;
    current = draft.partner(current)?.sponsorId ?? null;
  }
}

/** A deal (or a refund of it) changes the team revenue of every partner above its seller. */
function changeTeamRevenue(
  context: Context,
  deal: DealState,
  change: { amount: MinorUnits; refund: boolean },
): void {
  // Counted in the deal's own month and quarter, whenever the refund comes.
  const { month: dealMonth, quarter: dealQuarter } = periodKeysAt(context.calendar, deal.closedAt);
  let level = 0;
  for (const uplineId of uplineIds(context.draft, deal.partnerId)) {
    const team = context.draft.writablePartner(uplineId).team;
    while (team.revenueByLevel.length < level) team.revenueByLevel.push(NO_MINOR_UNITS);
    const signed = change.refund ? negateMinor(change.amount) : change.amount;
    team.revenueByLevel[level] = addMinor(team.revenueByLevel[level] ?? NO_MINOR_UNITS, signed);
    level += 1;
    team.revenue = addMinor(team.revenue, signed);
    if (change.refund) {
      removeFromCounter(team.month, dealMonth, 0, change.amount);
      removeFromCounter(team.quarter, dealQuarter, 0, change.amount);
    } else {
      addToCounter(team.month, dealMonth, 0, change.amount);
      addToCounter(team.quarter, dealQuarter, 0, change.amount);
    }
    context.touched.add(uplineId, SOURCE.teamRevenue);
  }
}

function changeSelling(context: Context, partner: PartnerState, by: number): void {
  if (partner.sponsorId === null) return;
  context.draft.writablePartner(partner.sponsorId).team.selling += by;
  context.touched.add(partner.sponsorId, SOURCE.team);
}

/** A direct sub-partner changed tier: the sponsor's counts of sub-partners at or above each tier follow. */
function tierChanged(context: Context, change: TierChanged): void {
  const partner = context.draft.partner(change.partnerId);
  if (!partner || partner.sponsorId === null || change.from === change.to) return;
  const counts = context.draft.writablePartner(partner.sponsorId).team.directAtOrAbove;
  const step = change.to > change.from ? 1 : -1;
  for (let index = Math.min(change.from, change.to) + 1; index <= Math.max(change.from, change.to); index++) {
    counts[index] = (counts[index] ?? 0) + step;
  }
  context.touched.add(partner.sponsorId, SOURCE.team);
}

export const teamSlice: Slice = {
  name: 'team',
  reactsTo: { 'tier.changed': tierChanged },
  phases: {
    record: {
      on: {
        'partner.joined': (context, event) => {
          if (event.sponsorId === null) return;
          const sponsor = context.draft.writablePartner(event.sponsorId);
          sponsor.team.direct += 1;
          // Shared with the state the sponsor was copied from until this draft owns it.
          sponsor.team.directIds = context.draft.own(sponsor.team.directIds, (ids) => [...ids]);
          sponsor.team.directIds.push(event.partnerId);
          sponsor.team.directAtOrAbove[0] = (sponsor.team.directAtOrAbove[0] ?? 0) + 1;
          // The sponsor's direct team changed; every upline's whole team grew by one.
          context.touched.add(event.sponsorId, SOURCE.team);
          let level = 0;
          for (const uplineId of uplineIds(context.draft, event.partnerId)) {
            const team = context.draft.writablePartner(uplineId).team;
            team.size += 1;
            team.sizeByLevel[level] = (team.sizeByLevel[level] ?? 0) + 1;
            // Revenue by level has a figure for every level that has partners, sold or not: a
            // level more, at zero, changes what rules on it read.
            const deeper = team.revenueByLevel.length < team.sizeByLevel.length;
            while (team.revenueByLevel.length < team.sizeByLevel.length)
              team.revenueByLevel.push(NO_MINOR_UNITS);
            level += 1;
            context.touched.add(uplineId, deeper ? SOURCE.teamSize | SOURCE.teamRevenue : SOURCE.teamSize);
          }
        },
        'deal.closed': (context, event) => {
          const partner = context.draft.partner(event.partnerId);
          const deal = context.draft.deal(event.dealId);
          if (!partner || !deal) return;
          if (partner.countedDeals === 1) changeSelling(context, partner, 1);
          changeTeamRevenue(context, deal, { amount: minorOfEvent(context, event.amount), refund: false });
        },
        'deal.refunded': (context, event) => {
          const deal = context.draft.deal(event.dealId);
          const partner = deal ? context.draft.partner(deal.partnerId) : undefined;
          if (!deal || !partner) return;
          if (deal.refunded === deal.amount && partner.countedDeals === 0)
            changeSelling(context, partner, -1);
          changeTeamRevenue(context, deal, { amount: minorOfEvent(context, event.amount), refund: true });
        },
      },
    },
  },
};
