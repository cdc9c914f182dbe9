// The manager's overview as a report document, for text tables in a terminal or Markdown: the
// same view model and words as the HTML page, as sentences and rows.
import type { ProgrammeOverview } from '../../views/types.js';
import type { ReportDocument, ReportTable } from '../finance/document.js';
import { counted, dateText, moneyText, type PortalPageOptions, periodText } from './display.js';
import { lackText, tierNamer } from './overview-page.js';

/** Partners named in a summary line before "and N more". */
const NAMED_AT_MOST = 3;

/**
 * The overview as rows.
 *
 * @example
 * overviewDocument(engine.programmeOverview(state)).summary[0]
 * //=> 'Owed: 1,462.00 USD (pending 286.00 USD + payable 1,176.00 USD)'
 */
export function overviewDocument(
  overview: ProgrammeOverview,
  options: PortalPageOptions = {},
): ReportDocument {
  const zone = options.timeZone ?? 'UTC';
  const name = tierNamer(overview);
  const lackTables: ReportTable[] = [
    {
      title: 'At risk',
      head: ['partner', 'tier', 'review', 'to keep it'],
      rows: overview.atRisk.map((lack) => [
        lack.partnerId,
        name(lack.tier),
        dateText(lack.reviewAt, zone),
        lackText(lack),
      ]),
      alignments: ['left', 'left', 'left', 'left'],
    },
    {
      title: 'Close to promotion',
      head: ['partner', 'tier', 'next', 'still to do'],
      rows: overview.closeToPromotion.map((lack) => [
        lack.partnerId,
        name(lack.tier),
        name(lack.next),
        lackText(lack),
      ]),
      alignments: ['left', 'left', 'left', 'left'],
    },
    {
      title: 'Held back',
      head: ['partner', 'tier', 'deals', 'next', 'held back by'],
      rows: overview.heldBack.map((lack) => [
        lack.partnerId,
        name(lack.tier),
        lack.deals,
        name(lack.next),
        lackText(lack),
      ]),
      alignments: ['left', 'left', 'right', 'left', 'left'],
    },
  ];
  return {
    title: `Programme overview: ${counted(overview.partners, 'partner')}`,
    reproducibility: `as of ${overview.asOf === '' ? 'no events' : overview.asOf}`,
    summary: summaryOf(overview, zone),
    tables: [
      byTierTable(overview),
      ...lackTables.filter((table) => table.rows.length > 0),
      ...leadersTable(overview),
    ],
    charts: [],
    csv: { head: [], records: [] },
  };
}

function summaryOf(overview: ProgrammeOverview, zone: string): string[] {
  const { money, currency } = overview;
  const amount = (value: string) => moneyText(value, currency);
  const run = money.nextPayoutRun;
  const name = tierNamer(overview);
  return [
    `Owed: ${amount(money.owed)} (pending ${amount(money.pending)} + payable ${amount(money.payable)})`,
    `Paid ${amount(money.paid)}, clawed back ${amount(money.clawedBack)}, earned ${amount(money.earned)} all time`,
    run.at === null
      ? 'No payout run is scheduled yet'
      : `Next payout run on ${dateText(run.at, zone)}: ${amount(run.total)} to ${counted(run.partners, 'partner')}`,
    `At risk: ${named(overview.atRisk.map((lack) => lack.partnerId))}`,
    `Close to promotion: ${named(overview.closeToPromotion.map((lack) => lack.partnerId))}`,
    `Held back: ${named(overview.heldBack.map((lack) => lack.partnerId))}`,
    ...overview.capacity.map(
      (tier) =>
        `${name(tier.tier)}: ${tier.held} of ${counted(tier.places, 'place')} held, ` +
        (tier.waitlist.length === 0 ? 'nobody waiting' : `waiting: ${tier.waitlist.join(', ')}`),
    ),
  ];
}

/** "3 (ana, eve, fay)", "5 (ana, ben, cara and 2 more)", "none". */
export function named(partnerIds: readonly string[]): string {
  if (partnerIds.length === 0) return 'none';
  const shown = partnerIds.slice(0, NAMED_AT_MOST).join(', ');
  const more = partnerIds.length > NAMED_AT_MOST ? ` and ${partnerIds.length - NAMED_AT_MOST} more` : '';
  return `${partnerIds.length} (${shown}${more})`;
}

function byTierTable(overview: ProgrammeOverview): ReportTable {
  return {
    title: 'Partners by tier',
    head: ['tier', 'good', 'at risk', 'waiting'],
    rows: overview.byTier.map((row) => [row.name, row.good, row.atRisk, row.waitlisted]),
    alignments: ['left', 'right', 'right', 'right'],
  };
}

function leadersTable(overview: ProgrammeOverview): ReportTable[] {
  const name = tierNamer(overview);
  const rows = overview.leaders.flatMap((board) =>
    board.rows.map((row) => [name(board.tier), row.rank, row.partnerId, row.value]),
  );
  if (rows.length === 0) return [];
  const month = periodText(overview.leaders[0]?.period ?? '');
  return [
    {
      title: `Leaders, ${month}`,
      head: ['tier', 'rank', 'partner', `revenue (${overview.currency})`],
      rows,
      alignments: ['left', 'right', 'left', 'right'],
    },
  ];
}
