// npm run demo: a year of the SISO partner programme in a few seconds. Generates a year of events
// for 200 partners (a fixed seed, so the same output every time), replays it, and prints where
// partners ended, when they were promoted, where the money went, and three partners' progress.
import Table from 'cli-table3';
import {
  createEngine,
  Decimal,
  type Effect,
  type Engine,
  type EngineState,
  formatMoney,
  type LedgerEntry,
  type LedgerKind,
  sisoProgram,
} from '../src/index.js';
import { generateEvents } from '../src/simulation/generator.js';

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
  const partners = Object.values(state.partners);
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
    const closest = Object.values(state.partners)
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
  console.log('Three partners on their way up');
  for (const partnerId of showcasePartners(engine, result.state))
    console.log(`${progressOf(engine, result.state, partnerId)}\n`);
}

main();
