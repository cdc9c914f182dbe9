// A host rendering `engine.partnerView` in its own front end: a terminal card and a small HTML
// widget, written here with the host's own markup and escaping, not the library's pages. And the
// seed's celebrations: the effects of an event turned into a congratulation banner and a confetti
// flag the portal reads (the example deliverers' `celebration`).
//
//   npx tsx examples/portal/render.ts
//
// prints ana's card (examples/portal/history.ts, seen on 20 July 2025), then fay's celebrations
// when she completes the certification training the next day, and her card after it.
import { fileURLToPath } from 'node:url';
import { createEngine, type Effect, type Engine, type PartnerView, sisoProgram } from '../../src/index.js';
import { type Celebration, celebration } from '../outbox/deliverers.js';
import { portalHistory, VIEWED_AT } from './history.js';

const BAR_CELLS = 20;

/** A rate of the view model ("0.22") as the host shows it ("22 %"), exactly: no float maths. */
function percent(rate: string): string {
  const [whole = '0', fraction = ''] = rate.split('.');
  const shifted = `${whole}${fraction.padEnd(2, '0').slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = fraction.slice(2).replace(/0+$/, '');
  return `${shifted}${rest === '' ? '' : `.${rest}`} %`;
}

/** A text progress bar: 40 % is 8 of 20 cells. */
function bar(percentDone: number): string {
  const filled = Math.round((percentDone / 100) * BAR_CELLS);
  return `[${'#'.repeat(filled)}${'-'.repeat(BAR_CELLS - filled)}] ${percentDone} %`;
}

/**
 * The partner's card for a terminal: tier, progress, the next step, money and the board.
 *
 * @example
 * terminalCard(engine.partnerView(state, 'ana'))[0]
 * //=> 'ana · Active Partner · 22 % · at-risk'
 */
export function terminalCard(view: PartnerView): string[] {
  const { tier, progress, commissions, leaderboard } = view;
  const money = (amount: string) => `${amount} ${commissions.currency}`;
  const lines = [`${view.partnerId} · ${tier.name} · ${percent(tier.rate)} · ${tier.status}`];
  if (tier.atRisk) lines.push(`  keep it by the review of ${tier.atRisk.reviewAt.slice(0, 10)}`);
  lines.push(
    `  ${bar(progress.percent)} to ${progress.next?.name ?? 'the top'}`,
    `  ${progress.message}`,
    `  pending ${money(commissions.pending)}, payable ${money(commissions.payable)}, paid ${money(commissions.paid)}`,
    `  next payout ${commissions.nextPayout.at?.slice(0, 10) ?? '-'}: ${money(commissions.nextPayout.expected)}`,
    leaderboard.rank === null
      ? `  not on ${leaderboard.period}'s board yet`
      : `  #${leaderboard.rank} of ${leaderboard.of} in ${leaderboard.period}` +
          (leaderboard.gapToNext === null ? '' : `, ${money(leaderboard.gapToNext)} behind the next`),
  );
  return lines;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** The host's own escaping, as its template engine would do it. */
const escaped = (text: string) => text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

/**
 * The partner's widget as the host's front end would write it, with the banner on top and the
 * confetti flag as a data attribute its script reads.
 *
 * @example
 * widgetHtml(view, [{ partnerId: 'fay', banner: 'You reached Active Partner!', confetti: true }])
 * //=> '<section class="partner-widget" data-confetti="true">…'
 */
export function widgetHtml(view: PartnerView, celebrations: readonly Celebration[]): string {
  const confetti = celebrations.some((each) => each.confetti);
  const banners = celebrations.map((each) => `<p class="banner">${escaped(each.banner)}</p>`);
  return [
    `<section class="partner-widget" data-confetti="${confetti}">`,
    ...banners,
    `<h2>${escaped(view.tier.name)} · ${escaped(percent(view.tier.rate))}</h2>`,
    `<progress max="100" value="${view.progress.percent}">${view.progress.percent} %</progress>`,
    `<p>${escaped(view.progress.message)}</p>`,
    '</section>',
  ].join('\n');
}

/** What the portal celebrates for one partner among an event's effects, in their order. */
export function celebrationsFor(
  engine: Engine,
  effects: readonly Effect[],
  partnerId: string,
): Celebration[] {
  return effects
    .filter((effect) => 'partnerId' in effect && effect.partnerId === partnerId)
    .flatMap((effect) => celebration(engine.compiled, effect) ?? []);
}

function main(): void {
  const engine = createEngine(sisoProgram);
  const { state } = engine.replay(portalHistory());
  console.log(terminalCard(engine.partnerView(state, 'ana', { at: VIEWED_AT })).join('\n'));
  const applied = engine.apply(state, {
    id: 'cert-fay',
    type: 'training.completed',
    at: '2025-07-21T09:00:00Z',
    partnerId: 'fay',
    moduleId: 'certification',
  });
  if (!applied.ok) throw new Error(applied.error.message);
  const cheers = celebrationsFor(engine, applied.effects, 'fay');
  console.log('');
  for (const each of cheers) console.log(`${each.confetti ? '🎉 ' : ''}${each.banner}`);
  console.log(terminalCard(engine.partnerView(applied.state, 'fay')).join('\n'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
