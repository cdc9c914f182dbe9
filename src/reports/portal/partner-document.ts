// The partner's page as a report document (a title, sentences and tables), which the finance
// report's writers turn into text tables for a terminal or into Markdown. The same view model and
// the same words as the HTML page, laid out as rows.
import { payoutOutlook } from '../../commissions/statement.js';
import type { PartnerView } from '../../views/types.js';
import { listInWords } from '../../views/words.js';
import type { ReportDocument, ReportTable } from '../finance/document.js';
import { STATUS_WORDS } from './blocks.js';
import {
  counted,
  dateText,
  featureText,
  moneyText,
  type PortalPageOptions,
  percentText,
  periodText,
} from './display.js';
import { nextTierLine } from './partner-page.js';

/**
 * The partner's page as rows.
 *
 * @example
 * partnerDocument(engine.partnerView(state, 'ana')).summary[0]
 * //=> 'Tier: Active Partner, 22 % commission, in good standing'
 */
export function partnerDocument(view: PartnerView, options: PortalPageOptions = {}): ReportDocument {
  const zone = options.timeZone ?? 'UTC';
  return {
    title: `Partner ${view.partnerId}`,
    reproducibility: `as of ${view.asOf}`,
    summary: summaryOf(view, options),
    tables: [
      requirementsTable(view),
      commissionsTable(view),
      ...badgeTables(view, zone),
      ...teamTable(view),
      ...lockedTable(view, options),
    ],
    charts: [],
    csv: { head: [], records: [] },
  };
}

function summaryOf(view: PartnerView, options: PortalPageOptions): string[] {
  const zone = options.timeZone ?? 'UTC';
  const { tier, progress, commissions, leaderboard } = view;
  const lines = [
    `Tier: ${tier.name}, ${percentText(tier.rate)} commission, ${STATUS_WORDS[tier.status].toLowerCase()}`,
  ];
  if (tier.atRisk) {
    const { reviewAt, missesLeft, keep, fallsTo } = tier.atRisk;
    const stakes =
      missesLeft === 0 ? 'this review decides' : `${counted(missesLeft, 'more review')} may be missed`;
    const needs = keep.map((requirement) => `${requirement.label}: ${requirement.progress}`).join('; ');
    lines.push(
      `At risk until the review on ${dateText(reviewAt, zone)} (${stakes}); to keep ${tier.name}: ${needs}` +
        (fallsTo === null ? '' : `; otherwise ${fallsTo}`),
    );
  }
  const goal = progress.next === null ? 'the top tier' : progress.next.name;
  lines.push(`Progress to ${goal}: ${progress.percent} %`, progress.message);
  if (progress.unlockingMessage !== null) lines.push(`“${progress.unlockingMessage}”`);
  if (progress.waitlist)
    lines.push(`Place ${progress.waitlist.place} of ${progress.waitlist.of} in the queue for ${goal}`);
  const next = nextTierLine(view, options);
  if (next !== null) lines.push(`Next tier, ${goal}: ${next}`);
  const { nextPayout } = commissions;
  const money = (amount: string) => moneyText(amount, commissions.currency);
  const date = dateText(nextPayout.at, zone);
  lines.push(
    {
      pays: `Next payout on ${date}: ${money(nextPayout.expected)} expected`,
      'nothing-to-pay': `Next payout on ${date}: nothing to pay out`,
      'below-minimum': `Next payout on ${date}: ${money(nextPayout.expected)}, below the ${money(nextPayout.minimum)} minimum: carries over`,
    }[payoutOutlook(nextPayout)],
  );
  const month = periodText(leaderboard.period);
  lines.push(
    leaderboard.rank === null
      ? `Leaderboard ${month}: not ranked yet (${counted(leaderboard.of, 'partner')} in ${tier.name})`
      : `Leaderboard ${month}: #${leaderboard.rank} of ${leaderboard.of} in ${tier.name} with ${money(leaderboard.value)}` +
          (leaderboard.gapToNext === null
            ? ', first'
            : `, ${money(leaderboard.gapToNext)} behind #${leaderboard.rank - 1}`),
  );
  return lines;
}

function requirementsTable(view: PartnerView): ReportTable {
  const goal = view.progress.next?.name ?? 'the top tier';
  return {
    title: `Requirements of ${goal}`,
    head: ['requirement', 'where you stand', 'met', 'still to do'],
    rows: view.progress.requirements.map((requirement) => [
      requirement.label,
      requirement.progress,
      requirement.met ? 'yes' : 'no',
      requirement.remaining ?? '-',
    ]),
    alignments: ['left', 'left', 'left', 'left'],
  };
}

function commissionsTable(view: PartnerView): ReportTable {
  const { commissions } = view;
  return {
    title: 'Commissions',
    head: ['', `amount (${commissions.currency})`],
    rows: [
      ['pending', commissions.pending],
      ['payable', commissions.payable],
      ['paid', commissions.paid],
      ['clawed back', commissions.clawedBack],
      ['earned, all time', commissions.earned],
    ],
    alignments: ['left', 'right'],
  };
}

function badgeTables(view: PartnerView, zone: string): ReportTable[] {
  const { earned, withinReach } = view.badges;
  const tables: ReportTable[] = [];
  if (earned.length > 0)
    tables.push({
      title: 'Badges earned',
      head: ['badge', 'times', 'first on'],
      rows: earned.map((badge) => [badge.name, badge.count, dateText(badge.firstAt, zone)]),
      alignments: ['left', 'right', 'left'],
    });
  if (withinReach.length > 0)
    tables.push({
      title: 'Badges within reach',
      head: ['badge', 'still to do', 'where you stand'],
      rows: withinReach.map((badge) => [
        badge.name,
        listInWords(badge.missing.map((requirement) => requirement.remaining ?? requirement.label)),
        badge.missing.map((requirement) => requirement.progress).join('; '),
      ]),
      alignments: ['left', 'left', 'left'],
    });
  return tables;
}

function teamTable(view: PartnerView): ReportTable[] {
  const { team, commissions } = view;
  if (team === null) return [];
  return [
    {
      title: 'Team',
      head: ['', 'value'],
      rows: [
        ['partners in the team', team.size],
        ['partners referred', team.directSubPartners],
        ['referred partners with a sale', team.sellingSubPartners],
        ['team revenue this month', moneyText(team.revenueThisMonth, commissions.currency)],
        ['team revenue, all time', moneyText(team.revenue, commissions.currency)],
      ],
      alignments: ['left', 'right'],
    },
  ];
}

function lockedTable(view: PartnerView, options: PortalPageOptions): ReportTable[] {
  const { locked } = view.features;
  if (locked.length === 0) return [];
  return [
    {
      title: `Locked features (${locked.length})`,
      head: ['feature', 'opened by'],
      rows: locked.map((each) => [featureText(each.feature, options.featureNames), each.tierName]),
      alignments: ['left', 'left'],
    },
  ];
}
