// The programme manager's overview as one self-contained HTML document: partners by tier and
// status (a table and a stacked bar chart), who is at risk and what they lack, who is close to
// promotion, who is held back, this month's leaders per tier, the money owed and the next payout
// run, and the places of capped tiers. It only writes out what `engine.programmeOverview` returns.

import { readableMoney } from '../../ledger/words.js';
import type { PartnerLack, ProgrammeOverview } from '../../views/types.js';
import { listInWords } from '../../views/words.js';
import { htmlDocument, stackedBarChart, tableHtml, escapeHtml as text } from '../html/index.js';
import { card, pageHead } from './blocks.js';
import { counted, dateText, moneyText, type PortalPageOptions, periodText } from './display.js';
import { PORTAL_STYLE } from './style.js';

/** The status colours of the chart: good, at risk, waiting for a place. */
const STATUS_COLOURS = ['#2b64a0', '#b8443c', '#c98a12'];

/**
 * The manager's overview page.
 *
 * @example
 * overviewPage(engine.programmeOverview(state), { programmeName: 'SISO' })
 * //=> '<!DOCTYPE html>\n<html lang="en">…<h1>Programme overview</h1>…</html>\n'
 */
export function overviewPage(overview: ProgrammeOverview, options: PortalPageOptions = {}): string {
  const zone = options.timeZone ?? 'UTC';
  const cards = [
    tiersCard(overview),
    moneyCard(overview, zone),
    atRiskCard(overview, zone),
    promotionCard(overview),
    heldBackCard(overview),
    capacityCard(overview),
    leadersCard(overview),
  ];
  const body = [
    '<div class="page">',
    pageHead('Programme manager', 'Programme overview', overview.asOf, options),
    '<main class="cards">',
    ...cards,
    '</main>',
    '</div>',
  ].join('\n');
  return htmlDocument({ title: 'Programme overview', style: PORTAL_STYLE, body });
}

/** A tier's name from the overview's own list (its id when the overview does not know it). */
export function tierNamer(overview: ProgrammeOverview): (tier: string) => string {
  const names = new Map(overview.byTier.map((row) => [row.tier, row.name]));
  return (tier) => names.get(tier) ?? tier;
}

/** What a partner lacks, in words: "Close 2 more deals and complete the certification training". */
export function lackText(lack: PartnerLack): string {
  const steps = lack.missing.map((requirement) => requirement.remaining ?? requirement.label);
  return steps.length === 0 ? 'nothing more: on track so far' : listInWords(steps);
}

function tiersCard(overview: ProgrammeOverview): string {
  const table = tableHtml({
    head: ['tier', 'good', 'at risk', 'waiting'],
    rows: overview.byTier.map((row) => [row.name, row.good, row.atRisk, row.waitlisted]),
    alignments: ['left', 'right', 'right', 'right'],
    rowHeaders: true,
  });
  const chart = stackedBarChart({
    title: 'Partners by tier and status',
    categories: overview.byTier.map((row) => row.name),
    series: [
      { name: 'good', values: overview.byTier.map((row) => row.good) },
      { name: 'at risk', values: overview.byTier.map((row) => row.atRisk) },
      { name: 'waiting', values: overview.byTier.map((row) => row.waitlisted) },
    ],
    colours: STATUS_COLOURS,
  });
  return card('Partners by tier', [
    `<p>${text(counted(overview.partners, 'partner'))} in all.</p>`,
    chart,
    table,
  ]);
}

function moneyCard(overview: ProgrammeOverview, zone: string): string {
  const { money, currency } = overview;
  const amount = (value: string) => moneyText(value, currency);
  const run = money.nextPayoutRun;
  const rows: [string, string][] = [
    ['Owed (pending + payable)', amount(money.owed)],
    ['Pending (in the refund window)', amount(money.pending)],
    ['Payable', amount(money.payable)],
    ['Paid', amount(money.paid)],
    ['Clawed back', amount(money.clawedBack)],
    ['Earned, all time', amount(money.earned)],
  ];
  const next =
    run.at === null
      ? 'No payout run is scheduled yet.'
      : `Next payout run on ${dateText(run.at, zone)}: ${amount(run.total)} to ${counted(run.partners, 'partner')}.`;
  return card('Money', [
    '<dl class="figures">',
    ...rows.map(([label, value]) => `<dt>${text(label)}</dt><dd>${text(value)}</dd>`),
    '</dl>',
    `<p class="banner">${text(next)}</p>`,
  ]);
}

function atRiskCard(overview: ProgrammeOverview, zone: string): string {
  const name = tierNamer(overview);
  return lackCard(
    `At risk (${overview.atRisk.length})`,
    'No partner is at risk.',
    ['partner', 'tier', 'review', 'to keep it'],
    overview.atRisk.map((lack) => [
      lack.partnerId,
      name(lack.tier),
      dateText(lack.reviewAt, zone),
      lackText(lack),
    ]),
  );
}

function promotionCard(overview: ProgrammeOverview): string {
  const name = tierNamer(overview);
  return lackCard(
    `Close to promotion (${overview.closeToPromotion.length})`,
    'No partner is one requirement from the next tier.',
    ['partner', 'tier', 'next', 'still to do'],
    overview.closeToPromotion.map((lack) => [
      lack.partnerId,
      name(lack.tier),
      name(lack.next),
      lackText(lack),
    ]),
  );
}

function heldBackCard(overview: ProgrammeOverview): string {
  const name = tierNamer(overview);
  return lackCard(
    `Held back (${overview.heldBack.length})`,
    'No partner has the deals for the next tier and lacks something else.',
    ['partner', 'tier', 'deals', 'next', 'held back by'],
    overview.heldBack.map((lack) => [
      lack.partnerId,
      name(lack.tier),
      lack.deals,
      name(lack.next),
      lackText(lack),
    ]),
  );
}

function lackCard(
  heading: string,
  none: string,
  head: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  if (rows.length === 0) return card(heading, [`<p class="muted">${text(none)}</p>`]);
  const alignments = head.map((column) => (column === 'deals' ? 'right' : 'left'));
  return card(heading, [tableHtml({ head, rows, alignments, rowHeaders: true, labelled: true })]);
}

function leadersCard(overview: ProgrammeOverview): string {
  const name = tierNamer(overview);
  const month = overview.leaders[0] ? periodText(overview.leaders[0].period) : '';
  const boards = overview.leaders.map((board) => {
    const heading = `<h3>${text(name(board.tier))}</h3>`;
    if (board.rows.length === 0)
      return `<div>${heading}\n<p class="muted">No sales this month yet.</p></div>`;
    const rows = board.rows.map((row) => [row.rank, row.partnerId, readableMoney(row.value)]);
    const head = ['rank', 'partner', `revenue (${overview.currency})`];
    const table = tableHtml({ head, rows, alignments: ['right', 'left', 'right'] });
    return `<div>${heading}\n${table}</div>`;
  });
  const heading = month === '' ? 'Leaders this month' : `Leaders, ${month}`;
  return card(heading, ['<div class="boards">', ...boards, '</div>'], true);
}

function capacityCard(overview: ProgrammeOverview): string {
  const name = tierNamer(overview);
  if (overview.capacity.length === 0)
    return card('Places', ['<p class="muted">No tier has a limit on places.</p>']);
  const parts = overview.capacity.map((tier) => {
    const queue =
      tier.waitlist.length === 0
        ? 'Nobody is waiting.'
        : `Waiting, first come first served: ${tier.waitlist.join(', ')}.`;
    return [
      `<h3>${text(name(tier.tier))}</h3>`,
      `<p>${text(`${tier.held} of ${counted(tier.places, 'place')} held.`)}</p>`,
      `<p>${text(queue)}</p>`,
    ].join('\n');
  });
  return card('Places', parts);
}
