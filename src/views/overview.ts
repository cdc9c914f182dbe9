// The programme manager's overview as plain data: partners by tier and status, who is at risk
// and what they lack, who is one requirement from promotion, who is held back by something other
// than deals, this month's leaders per tier, what the company owes and pays next, and the places
// of capped tiers. One pass over the partners, one over the held earnings.
import { leaderboard } from '../achievements/leaderboard.js';
import { paysOut } from '../commissions/payouts.js';
import { releasedBy } from '../commissions/statement.js';
import { Calendar } from '../engine/calendar.js';
import type { EngineState, PartnerState, PartnerStatus } from '../engine/state.js';
import { partnerIds, partnerOf } from '../engine/state.js';
import { addMinor, formatMinor, type MinorUnits, minorOfDecimal, NO_MINOR_UNITS } from '../money/minor.js';
import type { CompiledProgram } from '../program/compile.js';
import { versionAt } from '../program/compile.js';
import { partnerStatus } from '../tiers/progress.js';
import { progressView, tierCard, type Viewing, viewing } from './partner-view.js';
import type { PartnerLack, ProgrammeOverview, RequirementView } from './types.js';
import { DEAL_COUNT_FACTS } from './words.js';

const LEADERS_PER_TIER = 3;

type Totals = Record<'earned' | 'pending' | 'payable' | 'paid' | 'clawedBack', MinorUnits>;

/**
 * What a manager acts on, as of the state's clock (`engine.programmeOverview` advances the state
 * to a later `at` first).
 *
 * @example
 * programmeOverview(compiled, state).money.owed   // pending + payable of every partner
 * //=> '1530.00'
 */
export function programmeOverview(compiled: CompiledProgram, state: EngineState): ProgrammeOverview {
  const { tiers } = compiled.program;
  const byTier = tiers.map((tier) => ({ tier: tier.id, name: tier.name, good: 0, atRisk: 0, waitlisted: 0 }));
  const atRisk: ProgrammeOverview['atRisk'][number][] = [];
  const closeToPromotion: ProgrammeOverview['closeToPromotion'][number][] = [];
  const heldBack: ProgrammeOverview['heldBack'][number][] = [];
  const totals: Totals = {
    earned: zero(),
    pending: zero(),
    payable: zero(),
    paid: zero(),
    clawedBack: zero(),
  };
  const ids = partnerIds(state);
  // One calendar for every partner: its periods are worked out once.
  const calendar = new Calendar(compiled.program.timeZone);
  let moment: Viewing | undefined;
  for (const partnerId of ids) {
    const view = viewing(compiled, state, partnerId, calendar);
    moment ??= view;
    const { partner } = view;
    const row = byTier[partner.tier];
    if (row) count(row, partner);
    addBalance(totals, partner);
    const card = tierCard(view);
    if (card.atRisk) {
      const missing = card.atRisk.keep.filter((requirement) => !requirement.met);
      atRisk.push({ partnerId, tier: card.id, reviewAt: card.atRisk.reviewAt, missing });
    }
    const progress = progressView(view);
    if (!progress.next || progress.waitlist) continue;
    const missing = progress.requirements.filter((requirement) => !requirement.met);
    const lack: PartnerLack & { next: string } = {
      partnerId,
      tier: card.id,
      missing,
      next: progress.next.id,
    };
    if (missing.length === 1 && missing.every(nearlyMet)) closeToPromotion.push(lack);
    const dealsMet = progress.requirements.some(
      (requirement) => DEAL_COUNT_FACTS.has(requirement.fact) && requirement.met,
    );
    const otherMissing = missing.filter((requirement) => !DEAL_COUNT_FACTS.has(requirement.fact));
    if (dealsMet && otherMissing.length > 0 && otherMissing.length === missing.length) {
      heldBack.push({
        ...lack,
        next: progress.reaches?.id ?? lack.next,
        missing: otherMissing,
        deals: partner.countedDeals,
      });
    }
  }
  heldBack.sort((a, b) => b.deals - a.deals || (a.partnerId < b.partnerId ? -1 : 1));
  const instant = moment?.instant ?? state.clock;
  const month = moment ? moment.calendar.periodOf(moment.instant, 'month').key : null;
  return {
    asOf: instant === null || instant === undefined ? '' : new Date(instant).toISOString(),
    currency: compiled.program.currency.code,
    partners: ids.length,
    byTier,
    atRisk,
    closeToPromotion,
    heldBack,
    leaders: month === null ? [] : leaders(compiled, state, month),
    money: money(compiled, state, totals),
    capacity: capacity(compiled, state),
  };
}

const zero = () => NO_MINOR_UNITS;

/** Close enough to count: one action (a training), or at most a fifth of a target left (one deal at least). */
function nearlyMet(requirement: RequirementView): boolean {
  const { current, target } = requirement;
  if (typeof current !== 'number' || typeof target !== 'number') return true;
  return target - current <= Math.max(1, target / 5);
}

/** The row's field for each status. */
const COUNTED: Readonly<Record<PartnerStatus, 'good' | 'atRisk' | 'waitlisted'>> = {
  good: 'good',
  'at-risk': 'atRisk',
  waitlisted: 'waitlisted',
};

function count(row: { good: number; atRisk: number; waitlisted: number }, partner: PartnerState): void {
  row[COUNTED[partnerStatus(partner)]] += 1;
}

function addBalance(totals: Totals, partner: PartnerState): void {
  for (const key of Object.keys(totals) as (keyof Totals)[])
    totals[key] = addMinor(totals[key], partner.balance[key]);
}

function leaders(
  compiled: CompiledProgram,
  state: EngineState,
  period: string,
): ProgrammeOverview['leaders'] {
  return compiled.program.tiers.map((tier) => {
    const board = leaderboard(compiled, state, {
      period,
      metric: 'revenue',
      tier: tier.id,
      limit: LEADERS_PER_TIER,
    });
    // A partner who sold nothing this month leads nothing.
    const rows = board.rows
      .filter((row) => row.value !== formatMinor(NO_MINOR_UNITS, compiled.program.currency.decimals))
      .map(({ rank, partnerId, value }) => ({ rank, partnerId, value }));
    return { tier: tier.id, period, rows };
  });
}

function money(compiled: CompiledProgram, state: EngineState, totals: Totals): ProgrammeOverview['money'] {
  const places = compiled.program.currency.decimals;
  const show = (units: MinorUnits) => formatMinor(units, places);
  return {
    earned: show(totals.earned),
    pending: show(totals.pending),
    payable: show(totals.payable),
    paid: show(totals.paid),
    clawedBack: show(totals.clawedBack),
    owed: show(addMinor(totals.pending, totals.payable)),
    nextPayoutRun: nextRun(compiled, state),
  };
}

/**
 * The next payout run: every partner's payable balance plus the earnings released by then, paid
 * as the run pays (`paysOut`), as `nextPayout` works it out for one partner.
 */
function nextRun(compiled: CompiledProgram, state: EngineState): ProgrammeOverview['money']['nextPayoutRun'] {
  const places = compiled.program.currency.decimals;
  const run = state.schedule?.nextPayoutRun ?? null;
  if (run === null) return { at: null, total: formatMinor(NO_MINOR_UNITS, places), partners: 0 };
  const released = releasedBy(state, run);
  const minimum = minorOfDecimal(versionAt(compiled, run).payouts.minimum, places);
  let total = NO_MINOR_UNITS;
  let partners = 0;
  for (const partnerId of partnerIds(state)) {
    const partner = partnerOf(state, partnerId) as PartnerState;
    const amount = addMinor(partner.balance.payable, released.get(partnerId) ?? NO_MINOR_UNITS);
    if (paysOut(amount, minimum)) {
      total = addMinor(total, amount);
      partners += 1;
    }
  }
  return { at: new Date(run).toISOString(), total: formatMinor(total, places), partners };
}

function capacity(compiled: CompiledProgram, state: EngineState): ProgrammeOverview['capacity'] {
  // The places of the programme version in force now.
  const { tiers } = versionAt(compiled, state.clock ?? 0);
  return tiers.flatMap((tier, index) =>
    tier.capacity === undefined || tier.capacity === null
      ? []
      : [
          {
            tier: tier.id,
            places: tier.capacity,
            held: state.holders[index] ?? 0,
            waitlist: [...(state.waitlists[index] ?? [])],
          },
        ],
  );
}
