// The partner's page as one self-contained HTML document: the tier card (and what keeps the tier
// when it is at risk), the progress bar with each requirement, the badge shelf, the next tier's
// preview, the commission tracker, this month's leaderboard row, the team and the features still
// locked. It only writes out what `engine.partnerView` returns; every string in it is escaped.

import { payoutOutlook } from '../../commissions/statement.js';
import type { PartnerView } from '../../views/types.js';
import { listInWords } from '../../views/words.js';
import { htmlDocument, escapeHtml as text } from '../html/index.js';
import { card, pageHead, progressBar, requirementList, STATUS_WORDS } from './blocks.js';
import {
  counted,
  dateText,
  featureText,
  moneyText,
  type PortalPageOptions,
  percentText,
  periodText,
} from './display.js';
import { PORTAL_STYLE } from './style.js';

/** Facts that count deals: the requirement the next tier's preview is told by ("at 10 deals"). */
const DEAL_FACTS = new Set(['countedDeals', 'dealsClosed']);
/** Features the next tier's one-line preview names before "…". */
const PREVIEWED_FEATURES = 3;

/**
 * The partner's page.
 *
 * @example
 * partnerPage(engine.partnerView(state, 'ana'), { timeZone: 'UTC' })
 * //=> '<!DOCTYPE html>\n<html lang="en">…<h1>ana</h1>…role="progressbar" aria-valuenow="40"…</html>\n'
 */
export function partnerPage(view: PartnerView, options: PortalPageOptions = {}): string {
  const zone = options.timeZone ?? 'UTC';
  // Two columns from 640 px: the tier beside the money, the progress across, then in pairs.
  const cards = [
    tierCard(view, zone),
    commissionCard(view, zone),
    progressCard(view),
    nextTierCard(view, options),
    badgeCard(view, zone),
    leaderboardCard(view),
    teamCard(view),
    featuresCard(view, options),
  ];
  const body = [
    '<div class="page">',
    pageHead('Partner portal', view.partnerId, view.asOf, options),
    '<main class="cards">',
    ...cards.filter((card) => card !== ''),
    '</main>',
    '</div>',
  ].join('\n');
  return htmlDocument({ title: `${view.partnerId}: ${view.tier.name}`, style: PORTAL_STYLE, body });
}

function tierCard(view: PartnerView, zone: string): string {
  const { tier } = view;
  const parts = [
    `<p class="headline">${text(tier.name)}</p>`,
    `<p class="figure">${text(percentText(tier.rate))}</p>`,
    '<p class="muted">commission on your own deals</p>',
    `<p><span class="chip chip-${tier.status}">${text(STATUS_WORDS[tier.status])}</span></p>`,
  ];
  if (tier.atRisk) {
    const { reviewAt, missesLeft, keep, fallsTo } = tier.atRisk;
    const stakes =
      missesLeft === 0
        ? 'This review decides.'
        : `You may miss ${counted(missesLeft, 'more review')} before the tier is lost.`;
    parts.push(
      '<div class="notice notice-risk">',
      `<h3>At risk until the review on ${text(dateText(reviewAt, zone))}</h3>`,
      `<p>${text(stakes)} To keep ${text(tier.name)}:</p>`,
      requirementList(keep),
      fallsTo === null ? '' : `<p>Otherwise you move to ${text(fallsTo)}.</p>`,
      '</div>',
    );
  }
  return card('Your tier', parts);
}

function progressCard(view: PartnerView): string {
  const { progress } = view;
  const goal = progress.next === null ? 'the top tier' : progress.next.name;
  const heading = progress.next === null ? 'Your progress' : `Progress to ${progress.next.name}`;
  const parts = [
    progressBar(progress.percent, `Progress to ${goal}`),
    `<p class="banner">${text(progress.message)}</p>`,
    progress.unlockingMessage === null ? '' : `<p class="unlocking">${text(progress.unlockingMessage)}</p>`,
    progress.waitlist === null
      ? ''
      : `<p class="notice notice-queue">Place ${progress.waitlist.place} of ${progress.waitlist.of} in the queue for ${text(goal)}.</p>`,
    progress.requirements.length === 0 ? '' : requirementList(progress.requirements),
  ];
  return card(heading, parts, true);
}

/** "Unlock at 10 deals: team dashboard, white label, strategic support, … and 25 %". */
export function nextTierLine(view: PartnerView, options: PortalPageOptions = {}): string | null {
  const { next, requirements } = view.progress;
  if (next === null) return null;
  const deals = requirements.find(
    (requirement) => DEAL_FACTS.has(requirement.fact) && typeof requirement.target === 'number',
  );
  const when = deals ? `Unlock at ${counted(deals.target as number, 'deal')}` : `Unlock ${next.name}`;
  const named = next.unlocks
    .slice(0, PREVIEWED_FEATURES)
    .map((feature) => featureText(feature, options.featureNames));
  const more = next.unlocks.length > PREVIEWED_FEATURES ? ', …' : '';
  const rate = `${percentText(next.rate)} commission`;
  return named.length === 0 ? `${when}: ${rate}` : `${when}: ${named.join(', ')}${more} and ${rate}`;
}

function nextTierCard(view: PartnerView, options: PortalPageOptions): string {
  const { next } = view.progress;
  if (next === null) return card('Next tier', ['<p>You hold the highest tier: there is no next one.</p>']);
  const bonus =
    next.referralBonusRate === null
      ? ''
      : `<p>Referral bonus: ${text(percentText(next.referralBonusRate))} of a referred partner's first deal.</p>`;
  const features =
    next.unlocks.length === 0
      ? ''
      : `<ul>${next.unlocks.map((feature) => `<li>${text(featureText(feature, options.featureNames))}</li>`).join('')}</ul>`;
  return card(`Next tier: ${next.name}`, [
    `<p class="lead">${text(nextTierLine(view, options) ?? '')}</p>`,
    `<p>Your deals would earn ${text(percentText(next.rate))} instead of ${text(percentText(view.tier.rate))}.</p>`,
    bonus,
    features === '' ? '' : `<h3>What ${text(next.name)} adds</h3>`,
    features,
  ]);
}

function commissionCard(view: PartnerView, zone: string): string {
  const { commissions } = view;
  const money = (amount: string) => text(moneyText(amount, commissions.currency));
  const rows: [string, string][] = [
    ['Pending (in the refund window)', commissions.pending],
    ['Payable', commissions.payable],
    ['Paid', commissions.paid],
    ['Clawed back', commissions.clawedBack],
    ['Earned, all time', commissions.earned],
  ];
  const { nextPayout } = commissions;
  const date = dateText(nextPayout.at, zone);
  const expected = moneyText(nextPayout.expected, commissions.currency);
  const payout = {
    pays: `Next payout on ${date}: ${expected} expected.`,
    'nothing-to-pay': `Next payout run on ${date}: nothing to pay out.`,
    'below-minimum': `Next payout run on ${date}: ${expected} is below the ${moneyText(nextPayout.minimum, commissions.currency)} minimum, so it carries over.`,
  }[payoutOutlook(nextPayout)];
  return card('Commissions', [
    '<dl class="figures">',
    ...rows.map(([label, amount]) => `<dt>${text(label)}</dt><dd>${money(amount)}</dd>`),
    '</dl>',
    `<p class="banner">${text(payout)}</p>`,
  ]);
}

function badgeCard(view: PartnerView, zone: string): string {
  const { earned, withinReach } = view.badges;
  const shelf =
    earned.length === 0
      ? '<p class="muted">No badge yet: your first deal earns one.</p>'
      : [
          '<ul class="badges">',
          ...earned.map((badge) => {
            const times = badge.count > 1 ? ` ×${badge.count}` : '';
            return `<li class="badge"><strong>${text(badge.name + times)}</strong><span class="detail">since ${text(dateText(badge.firstAt, zone))}</span></li>`;
          }),
          '</ul>',
        ].join('\n');
  const reach = withinReach.map((badge) => {
    const missing = listInWords(
      badge.missing.map((requirement) => requirement.remaining ?? requirement.label),
    );
    const standing = badge.missing.map((requirement) => requirement.progress).join('; ');
    return `<li><strong>${text(badge.name)}</strong>${badge.description === '' ? '' : ` <span class="detail">${text(badge.description)}</span>`}<br><span>Still to do: ${text(missing)}</span> <span class="detail">(${text(standing)})</span></li>`;
  });
  return card('Badges', [
    `<h3>Earned (${earned.length})</h3>`,
    shelf,
    ...(reach.length === 0 ? [] : ['<h3>Within reach</h3>', '<ul class="plain">', ...reach, '</ul>']),
  ]);
}

function leaderboardCard(view: PartnerView): string {
  const { leaderboard, commissions } = view;
  const month = periodText(leaderboard.period);
  const among = `among the ${counted(leaderboard.of, 'partner')} in ${view.tier.name}`;
  const parts =
    leaderboard.rank === null
      ? [`<p>Not ranked in ${text(month)} yet: a deal this month puts you on the board.</p>`]
      : [
          `<p class="figure">#${leaderboard.rank} <span class="muted">of ${leaderboard.of}</span></p>`,
          `<p>${text(`${month}, by revenue ${among}: ${moneyText(leaderboard.value, commissions.currency)}.`)}</p>`,
          `<p>${text(
            leaderboard.gapToNext === null
              ? 'You lead this board.'
              : `${moneyText(leaderboard.gapToNext, commissions.currency)} more revenue reaches #${leaderboard.rank - 1}.`,
          )}</p>`,
        ];
  return card('Leaderboard this month', parts);
}

function teamCard(view: PartnerView): string {
  const { team, commissions } = view;
  if (team === null) return '';
  const rows: [string, string][] = [
    ['Partners in your team', String(team.size)],
    ['Partners you referred', String(team.directSubPartners)],
    ['Referred partners with a sale', String(team.sellingSubPartners)],
    ['Team revenue this month', moneyText(team.revenueThisMonth, commissions.currency)],
    ['Team revenue, all time', moneyText(team.revenue, commissions.currency)],
  ];
  return card('Your team', [
    '<dl class="figures">',
    ...rows.map(([label, value]) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>`),
    '</dl>',
  ]);
}

function featuresCard(view: PartnerView, options: PortalPageOptions): string {
  const { unlocked, locked } = view.features;
  const name = (feature: string) => featureText(feature, options.featureNames);
  const byTier = new Map<string, string[]>();
  for (const { feature, tierName } of locked)
    byTier.set(tierName, [...(byTier.get(tierName) ?? []), feature]);
  const groups = [...byTier].map(
    ([tierName, features]) =>
      `<details><summary>${text(`${tierName} opens ${counted(features.length, 'feature')}`)}</summary><p>${text(features.map(name).join(', '))}</p></details>`,
  );
  return card(
    'Features',
    [
      `<p>${text(`${counted(unlocked.length, 'feature')} unlocked: ${unlocked.map(name).join(', ')}.`)}</p>`,
      locked.length === 0 ? '<p>Every feature is unlocked.</p>' : `<h3>Locked (${locked.length})</h3>`,
      ...groups,
    ],
    true,
  );
}
