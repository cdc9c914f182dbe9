// The commissions slice: a counted deal earns the seller its rate (tier, custom terms or deal
// rate) and its sponsor the referral bonus on its first counted deal; refunds claw back; holds,
// payout runs and payments move the money; custom terms are accepted only with the unlock.

import type { Context, Slice } from '../engine/slice.js';
import { eventError } from '../events/codes.js';
import { pay } from '../ledger/balance.js';
import { earn } from '../ledger/book.js';
import { minorOfEvent, takeIn, volumeRefusal } from '../ledger/volume.js';
import { formatMinor } from '../money/minor.js';
import { holdDeal, holdEnded, payoutRun } from './payouts.js';
import { commissionRate, mayHaveCustomTerms } from './rates.js';
import { clawBack } from './refunds.js';
import { applyRetroactiveRates } from './retroactive.js';

function notAllowed(context: Context, partnerId: string, what: string) {
  const partner = context.draft.partner(partnerId);
  if (!partner || mayHaveCustomTerms(context, partner)) return null;
  const unlock = context.compiled.program.customTermsUnlock;
  const needs = unlock
    ? `only partners holding "${unlock}" may have ${what}`
    : `this programme allows no ${what}`;
  return eventError(
    'NOT_ALLOWED',
    what === 'a custom deal rate' ? 'rate' : '',
    `${needs}; "${partnerId}" does not`,
  );
}

function payReferralBonus(context: Context, dealId: string, eventId: string, sellerId: string): void {
  const seller = context.draft.partner(sellerId);
  if (!seller || seller.sponsorId === null || seller.referralDecided) return;
  context.draft.writablePartner(sellerId).referralDecided = true;
  const sponsor = context.draft.partner(seller.sponsorId);
  const rate = sponsor ? context.version.tiers[sponsor.tier]?.referralBonusRate : null;
  const deal = context.draft.deal(dealId);
  if (!sponsor || !rate || !deal) return;
  earn(context, deal, eventId, {
    partnerId: sponsor.id,
    kind: 'referral-bonus',
    rate,
    basis: deal.amount,
    basisOf: 'deal',
    source: 'referral-bonus',
    reason: `referral bonus on ${sellerId}'s first counted deal ${deal.id}`,
  });
}

export const commissionsSlice: Slice = {
  name: 'commissions',
  check: { 'payout.paid': (context, event) => volumeRefusal(context, event.amount) },
  checkNow: {
    'terms.set': (context, event) => notAllowed(context, event.partnerId, 'custom terms'),
    'deal.closed': (context, event) =>
      event.rate === undefined ? null : notAllowed(context, event.partnerId, 'a custom deal rate'),
    'payout.paid': (context, event) => {
      const partner = context.draft.partner(event.partnerId);
      if (!partner) return null;
      if (minorOfEvent(context, event.amount) <= partner.balance.payable) return null;
      const payable = formatMinor(partner.balance.payable, context.compiled.program.currency.decimals);
      return eventError(
        'PAYOUT_EXCEEDS_PAYABLE',
        'amount',
        `paid ${event.amount} but only ${payable} of "${event.partnerId}" is payable`,
      );
    },
  },
  // A payout is judged against the payable balance, which time-driven work only adds to.
  easedByTime: ['payout.paid'],
  phases: {
    pay: {
      on: {
        'terms.set': (context, event) => {
          const partner = context.draft.writablePartner(event.partnerId);
          const terms = {
            eventId: event.id,
            baseRate: event.baseRate ?? null,
            overrideRate: event.overrideRate ?? null,
            from: Date.parse(event.effectiveFrom ?? event.at),
            until: event.until === undefined ? null : Date.parse(event.until),
          };
          // Added in place once the draft owns the list: a copy per event would cost a partner with
          // many terms (or payouts below) the square of their number.
          partner.terms = context.draft.own(partner.terms, (list) => [...list]);
          partner.terms.push(terms);
        },
        'deal.closed': (context, event) => {
          const seller = context.draft.partner(event.partnerId);
          const deal = context.draft.deal(event.dealId);
          if (!seller || !deal) return;
          const chosen = commissionRate(context, seller, event.rate);
          const tierName = context.version.tiers[seller.tier]?.name ?? '';
          const why = {
            tier: `the ${tierName} rate once deal ${deal.id} counted`,
            'custom-terms': `custom terms set by event ${chosen.terms?.eventId}`,
            'deal-rate': `the custom rate agreed on deal ${deal.id}`,
          } as const;
          earn(context, deal, event.id, {
            partnerId: seller.id,
            kind: 'commission',
            rate: chosen.rate,
            basis: deal.amount,
            basisOf: 'deal',
            source: chosen.source,
            reason: why[chosen.source as keyof typeof why] ?? chosen.source,
          });
          payReferralBonus(context, deal.id, event.id, seller.id);
          holdDeal(context, deal);
        },
        'deal.refunded': (context, event) => clawBack(context, event.dealId, event.id, event.amount),
        'payout.paid': (context, event) => {
          const amount = minorOfEvent(context, event.amount);
          takeIn(context, amount);
          const partner = context.draft.writablePartner(event.partnerId);
          pay(partner.balance, amount);
          partner.payouts = context.draft.own(partner.payouts, (list) => [...list]);
          partner.payouts.push({ eventId: event.id, at: context.instant, amount });
        },
      },
    },
    topUp: { each: applyRetroactiveRates },
  },
  holdEnded,
  payoutRun,
};
