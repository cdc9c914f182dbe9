// npm run demo: a year of the SISO partner programme in a few seconds. Generates a year of events
// for 200 partners (a fixed seed, so the same output every time), replays it, and prints where
// partners ended, when they were promoted, where the money went, three partners' progress, what
// raising Active from 22 % to 24 % would have cost, the seed's KPIs against their targets, and the
// programme manager's overview.
import Table from 'cli-table3';
import {
  allPartners,
  createEngine,
  Decimal,
  type Effect,
  type Engine,
  type EngineState,
  formatMoney,
  type GeneratedEvent,
  generateEvents,
  kpis,
  type LedgerEntry,
  type LedgerKind,
  loadProgram,
  type PartnerLack,
  type ProgrammeOverview,
  partnerSummaries,
  type ReplayResult,
  simulate,
  sisoProgram,
} from '../src/index.js';

const SEED = 2025;
const PARTNERS = 200;
const MONTHS = 12;
const TIERS = sisoProgram.tiers.map((tier) => tier.id);
const KINDS: readonly LedgerKind[] = ['commission', 'referral-bonus', 'override', 'clawback', 'adjustment'];
const plain = { style: { head: [], border: [], compact: true } };

function tierDistribution(state: EngineState): string {
  const table = new Table({
    head: ['tier', 'partners', 'share', 'at risk', 'waiting for a place'],
    ...plain,
  });
  const partners = [...allPartners(state)];
  sisoProgram.tiers.forEach((tier, index) => {
    const holding = partners.filter((partner) => partner.tier === index);
    table.push([
      tier.name,
      holding.length,
      `${((holding.length / partners.length) * 100).toFixed(0)} %`,
      holding.filter((partner) => partner.failedReviews > 0).length,
      holding.filter((partner) => partner.waitingFor !== null).length,
    ]);
  });
  return table.toString();
}

/** Per month: partners who joined, and promotions into each tier above Starter. */
function promotionsByMonth(effects: readonly Effect[], joinedByMonth: Map<string, number>): string {
  const counts = new Map<string, number>();
  for (const effect of effects) {
    if (effect.type !== 'tier.promoted') continue;
    const key = `${effect.at.slice(0, 7)} ${effect.to}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const table = new Table({
    head: ['month', 'joined', ...TIERS.slice(1).map((tier) => `→ ${tier}`)],
    ...plain,
  });
  for (const month of [...joinedByMonth.keys()].sort()) {
    const promoted = TIERS.slice(1).map((tier) => counts.get(`${month} ${tier}`) ?? 0);
    table.push([month, joinedByMonth.get(month) ?? 0, ...promoted]);
  }
  return table.toString();
}

function ledgerByKind(ledger: readonly LedgerEntry[]): string {
  const decimals = sisoProgram.currency.decimals;
  const table = new Table({
    head: ['kind', 'entries', `total ${sisoProgram.currency.code}`],
    colAligns: ['left', 'right', 'right'],
    ...plain,
  });
  let all = new Decimal(0);
  for (const kind of KINDS) {
    const entries = ledger.filter((entry) => entry.kind === kind);
    const total = entries.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
    all = all.plus(total);
    table.push([kind, entries.length, formatMoney(total, decimals)]);
  }
  table.push(['all', ledger.length, formatMoney(all, decimals)]);
  return table.toString();
}

/** For each of the three lower tiers, the partner closest to the next one (first by id on a tie). */
function showcasePartners(engine: Engine, state: EngineState): string[] {
  return [0, 1, 2].flatMap((tier) => {
    const closest = [...allPartners(state)]
      .filter((partner) => partner.tier === tier && partner.waitingFor === null)
      .map((partner) => ({ id: partner.id, percent: engine.progress(state, partner.id).percent }))
      .sort((a, b) => b.percent - a.percent || (a.id < b.id ? -1 : 1))[0];
    return closest ? [closest.id] : [];
  });
}

function progressOf(engine: Engine, state: EngineState, partnerId: string): string {
  const progress = engine.progress(state, partnerId);
  const lines = [
    `${partnerId}: ${progress.tier.name} (${progress.status}), ${progress.percent} % of the way to ` +
      `${progress.next ? `${progress.next.name} (${new Decimal(progress.next.baseRate).times(100).toString()} %)` : 'the top'}`,
  ];
  const table = new Table({ head: ['requirement', 'current', 'target', 'met'], ...plain });
  for (const requirement of progress.requirements) {
    table.push([
      `${requirement.tier} ${requirement.rule}: ${requirement.fact} ${requirement.operator}`,
      JSON.stringify(requirement.current),
      JSON.stringify(requirement.target),
      requirement.met ? 'yes' : 'no',
    ]);
  }
  lines.push(table.toString(), `  “${progress.message ?? ''}”`);
  return lines.join('\n');
}

/**
 * The last payout runs: how many partners were due, what the run asked for, how much of that was
 * carried over (asked for at the run before and not paid since: counted once, not at every run)
 * and what the host paid after it; then what is still payable at the end.
 */
function payoutRuns(events: readonly GeneratedEvent[], result: ReplayResult): string {
  const decimals = sisoProgram.currency.decimals;
  const runs = new Map<string, { partners: number; asked: Decimal; carried: Decimal; paid: Decimal }>();
  const unpaid = new Map<string, Decimal>(); // per partner: asked for and not paid since
  const payments = events.filter((event) => event.type === 'payout.paid');
  let paidSoFar = 0;
  for (const effect of result.effects) {
    if (effect.type !== 'payout.due') continue;
    // Payments made before this run settle what earlier runs asked for.
    for (; paidSoFar < payments.length && (payments[paidSoFar]?.at ?? '') < effect.at; paidSoFar += 1) {
      const payment = payments[paidSoFar];
      if (payment?.type !== 'payout.paid') continue;
      const left = (unpaid.get(payment.partnerId) ?? new Decimal(0)).minus(payment.amount);
      unpaid.set(payment.partnerId, Decimal.max(left, 0));
      const run = [...runs.values()].at(-1);
      if (run) run.paid = run.paid.plus(payment.amount);
    }
    const run = runs.get(effect.at) ?? {
      partners: 0,
      asked: new Decimal(0),
      carried: new Decimal(0),
      paid: new Decimal(0),
    };
    const carried = Decimal.min(unpaid.get(effect.partnerId) ?? 0, effect.amount);
    unpaid.set(effect.partnerId, new Decimal(effect.amount));
    runs.set(effect.at, {
      ...run,
      partners: run.partners + 1,
      asked: run.asked.plus(effect.amount),
      carried: run.carried.plus(carried),
    });
  }
  for (const payment of payments.slice(paidSoFar)) {
    const run = [...runs.values()].at(-1);
    if (run && payment.type === 'payout.paid') run.paid = run.paid.plus(payment.amount);
  }
  const table = new Table({
    head: ['payout run', 'partners due', 'asked for', 'of it carried over', 'paid after it'],
    colAligns: ['left', 'right', 'right', 'right', 'right'],
    ...plain,
  });
  for (const [at, run] of [...runs].slice(-4)) {
    const money = (value: Decimal) => formatMoney(value, decimals);
    table.push([at.slice(0, 10), run.partners, money(run.asked), money(run.carried), money(run.paid)]);
  }
  const payable = partnerSummaries(createEngine(sisoProgram).compiled, result.state).reduce(
    (sum, partner) => sum.plus(partner.balance.payable),
    new Decimal(0),
  );
  return `${table.toString()}
  still payable at ${result.asOf?.slice(0, 10)}: ${formatMoney(payable, decimals)} (each partner's balance, counted once)`;
}

/** The top earner's statement for the last month, its balance and its next payout. */
function statementOf(engine: Engine, state: EngineState, ledger: readonly LedgerEntry[]): string {
  const top = [...allPartners(state)].sort(
    (a, b) => new Decimal(b.balance.earned).comparedTo(a.balance.earned) || (a.id < b.id ? -1 : 1),
  )[0];
  if (!top) return '(no partners)';
  const statement = engine.statement(state, ledger, top.id, {
    from: '2025-12-01T00:00:00Z',
    to: '2026-01-01T00:00:00Z',
  });
  const next = engine.nextPayout(state, top.id);
  const table = new Table({
    head: ['at', 'kind', 'rate', 'basis', 'amount'],
    colAligns: ['left', 'left', 'right', 'right', 'right'],
    ...plain,
  });
  for (const entry of statement.entries.slice(0, 8)) {
    table.push([entry.at.slice(0, 10), entry.kind, entry.rate, entry.basis, entry.amount]);
  }
  const more = statement.entries.length > 8 ? `\n  … and ${statement.entries.length - 8} more entries` : '';
  return [
    `${top.id}, December 2025: opening ${statement.openingBalance}, closing ${statement.closingBalance}, paid out ${statement.payouts.map((payout) => payout.amount).join(' + ') || 'nothing'}`,
    table.toString() + more,
    `  balance: earned ${top.balance.earned}, pending ${top.balance.pending}, payable ${top.balance.payable}, paid ${top.balance.paid}, clawed back ${top.balance.clawedBack}`,
    `  next payout ${next.at?.slice(0, 10) ?? '-'}: ${next.expected}${next.reachesMinimum ? '' : ` (below ${next.minimum}: carries over)`}`,
  ].join('\n');
}

/** The Performer or Elite partner with the largest team: its members and the overrides they paid it. */
function teamOf(engine: Engine, state: EngineState, ledger: readonly LedgerEntry[]): string {
  const leader = [...allPartners(state)]
    .filter((partner) => partner.tier >= 2)
    .sort((a, b) => b.team.size - a.team.size || (a.id < b.id ? -1 : 1))[0];
  if (!leader) return '(no Performer or Elite partner with a team)';
  const team = engine.team(state, leader.id, { depth: 2 });
  const earned = (kind: LedgerKind) =>
    formatMoney(
      ledger
        .filter((entry) => entry.partnerId === leader.id && entry.kind === kind)
        .reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0)),
      sisoProgram.currency.decimals,
    );
  const table = new Table({
    head: ['member', 'level', 'sponsor', 'tier', 'deals', 'revenue'],
    colAligns: ['left', 'right', 'left', 'left', 'right', 'right'],
    ...plain,
  });
  for (const member of team.members.slice(0, 10)) {
    table.push([member.partnerId, member.level, member.sponsorId, member.tier, member.deals, member.revenue]);
  }
  return [
    `${leader.id} (${sisoProgram.tiers[leader.tier]?.name}): ${team.size} in its team (${team.sizeByLevel.join(' / ')} by level), ` +
      `${team.sellingSubPartners} of ${team.directSubPartners} direct sub-partners selling, team revenue ${team.revenue}`,
    `  overrides earned ${earned('override')}, referral bonuses ${earned('referral-bonus')}, own commission ${earned('commission')}`,
    table.toString() + (team.members.length > 10 ? `\n  … and ${team.members.length - 10} more` : ''),
  ].join('\n');
}

/** The programme with Active's base rate raised to 24 % (a new version label, same id). */
function activeAt24() {
  // A plain copy of the programme document to edit, loaded (and so checked) as any programme is.
  const document: { version: string; tiers: Array<{ id: string; baseRate: string }> } = JSON.parse(
    JSON.stringify(sisoProgram),
  );
  document.version = `${sisoProgram.version}-active-24`;
  for (const tier of document.tiers) if (tier.id === 'active') tier.baseRate = '0.24';
  return loadProgram(document);
}

/** What the year would have cost with Active at 24 %: totals, by tier, who gains most. */
function rateChange(events: readonly GeneratedEvent[]): string {
  const report = simulate({ events, baseline: sisoProgram, candidates: [activeAt24()] });
  const candidate = report.candidates[0];
  if (!candidate) return '(no candidate)';
  const byTier = new Table({ head: ['tier', 'at 22 %', 'at 24 %', 'delta'], ...plain });
  for (const row of candidate.byTier) byTier.push([row.tier, row.baseline, row.candidate, row.delta]);
  const winners = candidate.winners
    .slice(0, 3)
    .map((winner) => `${winner.partnerId} +${winner.delta}`)
    .join(', ');
  // Shares come as fractions ("0.2915"): shown as percentages.
  const share = (value: string | null) =>
    value === null ? 'n/a' : `${new Decimal(value).times(100).toFixed(2)} %`;
  return [
    `cost ${report.baseline.total} → ${candidate.total} ${report.currency}: ${candidate.delta} more ` +
      `(${share(candidate.deltaShare)}), ${share(report.baseline.costShare)} → ${share(candidate.costShare)} of revenue`,
    `${candidate.partners.better} partners earn more, ${candidate.partners.worse} less; most: ${winners || 'none'}`,
    byTier.toString(),
    '  (partner-engine simulate … --format html gives the same as a report with charts: docs/finance.md)',
  ].join('\n');
}

/** The seed's success metrics of the year, next to their targets. */
function kpiTable(events: readonly GeneratedEvent[]): string {
  const report = kpis(events, sisoProgram);
  const table = new Table({ head: ['KPI', 'value', 'target', '', 'based on'], ...plain });
  for (const kpi of report.kpis) {
    const unit = kpi.unit === '%' ? ' %' : kpi.unit === 'days' ? ' days' : '';
    table.push([
      kpi.name,
      kpi.value === 'n/a' ? 'n/a' : `${kpi.value}${unit}`,
      kpi.target ?? '-',
      kpi.status,
      kpi.basis,
    ]);
  }
  return table.toString();
}

/** Partner ids, the first few named: "12: p003 (Close 1 more deal), … and 9 more". */
function firstFew(lacks: readonly (PartnerLack & { reviewAt?: string })[], shown = 3): string {
  if (lacks.length === 0) return '0';
  const named = lacks.slice(0, shown).map((lack) => {
    const missing = lack.missing.map((requirement) => requirement.remaining ?? requirement.label);
    const review = lack.reviewAt === undefined ? '' : `review ${lack.reviewAt.slice(0, 10)}: `;
    const lacking = missing.length === 0 ? 'nothing more, on track so far' : missing.join(', ');
    return `${lack.partnerId} (${review}${lacking})`;
  });
  const more = lacks.length > shown ? ` and ${lacks.length - shown} more` : '';
  return `${lacks.length}: ${named.join('; ')}${more}`;
}

/** The manager's overview in a few lines (partner-engine overview gives it as a page). */
function overviewText(overview: ProgrammeOverview): string {
  const table = new Table({ head: ['tier', 'good', 'at risk', 'waiting'], ...plain });
  for (const row of overview.byTier) table.push([row.name, row.good, row.atRisk, row.waitlisted]);
  const { money, currency } = overview;
  const run = money.nextPayoutRun;
  return [
    table.toString(),
    `  at risk ${firstFew(overview.atRisk)}`,
    `  close to promotion ${firstFew(overview.closeToPromotion)}`,
    `  held back ${firstFew(overview.heldBack)}`,
    `  owed ${money.owed} ${currency} (pending ${money.pending} + payable ${money.payable}); ` +
      `next payout run ${run.at?.slice(0, 10) ?? '-'}: ${run.total} ${currency} to ${run.partners} partners`,
    ...overview.capacity.map(
      (tier) =>
        `  ${overview.byTier.find((row) => row.tier === tier.tier)?.name ?? tier.tier}: ` +
        `${tier.held} of ${tier.places} places held, ${tier.waitlist.length} waiting`,
    ),
    '  (partner-engine overview --events … --out overview.html writes it as a page: docs/portal.md)',
  ].join('\n');
}

function main(): void {
  const events = generateEvents({ partners: PARTNERS, months: MONTHS, seed: SEED });
  const engine = createEngine(sisoProgram);
  const started = performance.now();
  const result = engine.replay(events);
  const seconds = (performance.now() - started) / 1000;
  const joinedByMonth = new Map<string, number>();
  for (const event of events) {
    if (event.type !== 'partner.joined') continue;
    joinedByMonth.set(event.at.slice(0, 7), (joinedByMonth.get(event.at.slice(0, 7)) ?? 0) + 1);
  }
  console.log(
    `SISO partner programme: ${PARTNERS} partners over ${MONTHS} months (seed ${SEED}), ` +
      `${events.length.toLocaleString('en')} events replayed in ${seconds.toFixed(1)} s, ` +
      `${result.rejected.length} rejected, as of ${result.asOf}\n`,
  );
  console.log(`Tiers at the end\n${tierDistribution(result.state)}\n`);
  console.log(`Promotions by month\n${promotionsByMonth(result.effects, joinedByMonth)}\n`);
  console.log(`Ledger by kind\n${ledgerByKind(result.ledger)}\n`);
  console.log(`Payout runs (the 15th of each month; paid on the 17th)\n${payoutRuns(events, result)}\n`);
  console.log(`A statement\n${statementOf(engine, result.state, result.ledger)}\n`);
  console.log(`A team\n${teamOf(engine, result.state, result.ledger)}\n`);
  console.log('Three partners on their way up');
  for (const partnerId of showcasePartners(engine, result.state))
    console.log(`${progressOf(engine, result.state, partnerId)}\n`);
  console.log(`What raising Active from 22 % to 24 % would have cost\n${rateChange(events)}\n`);
  console.log(`KPIs against the seed's targets\n${kpiTable(events)}\n`);
  console.log(`The programme manager's overview\n${overviewText(engine.programmeOverview(result.state))}`);
}

main();
