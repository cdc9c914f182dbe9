// Guards: rules a candidate programme must keep against the baseline, so a plan change can be
// gated in CI. Each has a text form for the command line and a typed form for the library:
//   partner-loss <= 5%        no partner earns more than 5 % less than under the baseline
//   partner-loss <= 100.00    no partner earns more than 100.00 less
//   cost-share <= 24%         the candidate's cost is at most 24 % of revenue, over the whole run
//   monthly-cost-share <= 30% … and in every month
//   delta <= 2%               the total cost rises by at most 2 % (or an amount: delta <= 5000.00)
//   no-new-demotions          no partner is demoted who was not demoted under the baseline
// A violated guard lists the partners or the months that break it.
import { Decimal } from '../money/index.js';
import type { CandidateComparison } from './comparison.js';
import { SimulationError } from './errors.js';
import type { RunOutcome } from './outcome.js';
import { percent, shareOf } from './shares.js';

/** A bound: a share (`0.05` is 5 %) or an amount in the programme's currency. */
export type GuardLimit =
  | {
      /** A share as a decimal string: `0.05` is 5 %. */
      readonly share: string;
    }
  | {
      /** An amount in the programme's currency, such as `100.00`. */
      readonly amount: string;
    };

/**
 * A rule a candidate programme must keep against the baseline, so a plan change can be gated in CI
 * (`parseGuard` reads the text form, `"partner-loss <= 5%"`).
 */
export type Guard =
  | {
      /** No partner earns more than `atMost` less than under the baseline. */
      readonly kind: 'partner-loss';
      /** The largest loss allowed: a share of the partner's baseline earnings, or an amount. */
      readonly atMost: GuardLimit;
    }
  | {
      /** The candidate's cost is at most `atMost` of revenue, over the whole run. */
      readonly kind: 'cost-share';
      /** The largest share allowed, as a decimal string: `0.24` is 24 %. */
      readonly atMost: string;
    }
  | {
      /** The candidate's cost is at most `atMost` of revenue in every month. */
      readonly kind: 'monthly-cost-share';
      /** The largest share allowed, as a decimal string: `0.3` is 30 %. */
      readonly atMost: string;
    }
  | {
      /** The total cost rises by at most `atMost` over the baseline's. */
      readonly kind: 'delta';
      /** The largest rise allowed: a share of the baseline's total, or an amount. */
      readonly atMost: GuardLimit;
    }
  | {
      /** No partner is demoted who was not demoted under the baseline. */
      readonly kind: 'no-new-demotions';
    };

/** The kinds of guard. */
export type GuardKind = Guard['kind'];

/** One partner or month that breaks a guard, and by how much. */
export interface GuardViolation {
  /** The partner that breaks the guard (`partner-loss`, `no-new-demotions`). */
  readonly partnerId?: string;
  /** The month that breaks the guard (`monthly-cost-share`). */
  readonly month?: string;
  /** What was measured there: a share as a percentage, or an amount. */
  readonly value: string;
  /** What breaks it, in words. */
  readonly message: string;
}

/** One guard's verdict on a candidate. */
export interface GuardResult {
  /** The guard in its text form. */
  readonly guard: string;
  /** Whether the candidate keeps the guard. */
  readonly passed: boolean;
  /** The figure the guard judged: the worst partner's loss, the cost share, the delta, the count. */
  readonly measured: string;
  /** The partners or months that break it (empty when it passed). */
  readonly violations: readonly GuardViolation[];
}

const SHARE_KINDS = new Set<GuardKind>(['cost-share', 'monthly-cost-share']);
const LIMIT_KINDS = new Set<GuardKind>(['partner-loss', 'delta']);
const GUARD_TEXT = /^\s*([a-z-]+)\s*(?:<=\s*(\d+(?:\.\d+)?)\s*(%?))?\s*$/;
const USAGE =
  'expected "partner-loss <= 5%", "partner-loss <= 100.00", "cost-share <= 24%", ' +
  '"monthly-cost-share <= 30%", "delta <= 2%", "delta <= 5000.00" or "no-new-demotions"';

/**
 * Reads a guard's text form.
 *
 * @throws {SimulationError} INVALID_GUARD, with `path`, for anything else.
 * @example
 * parseGuard('partner-loss <= 5%')
 * //=> { kind: 'partner-loss', atMost: { share: '0.05' } }
 * parseGuard('cost-share <= 24')
 * //=> throws SimulationError: cost-share takes a percentage, such as "cost-share <= 24%"
 */
export function parseGuard(text: string, path = 'guard'): Guard {
  const match = GUARD_TEXT.exec(text);
  const fail = (message: string) => new SimulationError('INVALID_GUARD', path, `guard "${text}": ${message}`);
  if (!match) throw fail(USAGE);
  const [, name = '', number, sign] = match;
  const kind = name as GuardKind;
  if (kind === 'no-new-demotions') {
    if (number !== undefined) throw fail('no-new-demotions takes no bound');
    return { kind };
  }
  if (!SHARE_KINDS.has(kind) && !LIMIT_KINDS.has(kind)) throw fail(`unknown guard "${name}"; ${USAGE}`);
  if (number === undefined)
    throw fail(`${kind} needs a bound, such as "${kind} <= ${kind === 'delta' ? 2 : 24}%"`);
  const share = new Decimal(number).dividedBy(100).toFixed();
  if (kind === 'cost-share' || kind === 'monthly-cost-share') {
    if (sign !== '%') throw fail(`${kind} takes a percentage, such as "${kind} <= ${number}%"`);
    return { kind, atMost: share };
  }
  const atMost = sign === '%' ? { share } : { amount: number };
  return kind === 'delta' ? { kind, atMost } : { kind: 'partner-loss', atMost };
}

/**
 * A guard in its text form.
 *
 * @example
 * guardText({ kind: 'cost-share', atMost: '0.24' })
 * //=> 'cost-share <= 24%'
 */
export function guardText(guard: Guard): string {
  if (guard.kind === 'no-new-demotions') return guard.kind;
  if (guard.kind === 'cost-share' || guard.kind === 'monthly-cost-share')
    return `${guard.kind} <= ${asPercent(guard.atMost)}`;
  return `${guard.kind} <= ${'share' in guard.atMost ? asPercent(guard.atMost.share) : guard.atMost.amount}`;
}

function asPercent(share: string): string {
  return `${new Decimal(share).times(100).toFixed()}%`;
}

/** Checks a typed guard's bound (a library caller's form is not parsed, so it is checked here). */
export function checkGuardForm(guard: Guard, path: string): void {
  if (guard.kind === 'no-new-demotions') return;
  const bound =
    guard.kind === 'cost-share' || guard.kind === 'monthly-cost-share'
      ? guard.atMost
      : 'share' in guard.atMost
        ? guard.atMost.share
        : guard.atMost.amount;
  if (typeof bound !== 'string' || !/^\d+(\.\d+)?$/.test(bound))
    throw new SimulationError(
      'INVALID_GUARD',
      path,
      `guard ${guard.kind}: the bound must be a non-negative decimal string, got ${String(bound)}`,
    );
}

/**
 * What a guard judges: both runs and their comparison.
 *
 * @inline
 */
export interface GuardRuns {
  /** The baseline programme's run. */
  readonly baseline: RunOutcome;
  /** The candidate's run. */
  readonly candidate: RunOutcome;
  /** The candidate set against the baseline. */
  readonly comparison: CandidateComparison;
  /** The currency's places, for the amounts the violations name. */
  readonly decimals: number;
}

/**
 * Judges a guard on a candidate's runs.
 *
 * @example
 * checkGuard({ kind: 'no-new-demotions' }, runs)
 * //=> { guard: 'no-new-demotions', passed: false, measured: '1 partner',
 * //     violations: [{ partnerId: 'p7', value: '1 demotion', message: 'p7 is demoted 1 time, never under the baseline' }] }
 */
export function checkGuard(guard: Guard, runs: GuardRuns): GuardResult {
  switch (guard.kind) {
    case 'partner-loss':
      return partnerLoss(guard.atMost, runs);
    case 'cost-share':
      return costShare(guard.atMost, runs);
    case 'monthly-cost-share':
      return monthlyCostShare(guard.atMost, runs);
    case 'delta':
      return totalDelta(guard.atMost, runs);
    case 'no-new-demotions':
      return newDemotions(runs);
    default: {
      const never: never = guard;
      return never;
    }
  }
}

function result(guard: Guard, measured: string, violations: readonly GuardViolation[]): GuardResult {
  return { guard: guardText(guard), passed: violations.length === 0, measured, violations };
}

function partnerLoss(atMost: GuardLimit, { baseline, candidate, decimals }: GuardRuns): GuardResult {
  const after = new Map(candidate.partners.map((partner) => [partner.id, partner.earned]));
  const violations: Array<GuardViolation & { loss: Decimal }> = [];
  let worst = new Decimal(0);
  for (const partner of baseline.partners) {
    const before = new Decimal(partner.earned);
    const loss = before.minus(after.get(partner.id) ?? '0');
    if (loss.lte(0)) continue;
    if (loss.gt(worst)) worst = loss;
    // A loss from nothing or less breaks a share bound whatever it is: no share of zero is a loss.
    const breaks =
      'share' in atMost ? before.lte(0) || loss.gt(before.times(atMost.share)) : loss.gt(atMost.amount);
    if (!breaks) continue;
    const share = shareOf(loss.toFixed(), before.toFixed());
    violations.push({
      partnerId: partner.id,
      value: 'share' in atMost ? percent(share) : loss.toFixed(decimals),
      message: `${partner.id} earns ${loss.toFixed(decimals)} less (${percent(share)}): ${partner.earned} under the baseline, ${after.get(partner.id) ?? '0'} under the candidate`,
      loss,
    });
  }
  violations.sort((a, b) => b.loss.comparedTo(a.loss) || byCodeUnits(a.partnerId ?? '', b.partnerId ?? ''));
  const guard: Guard = { kind: 'partner-loss', atMost };
  return result(
    guard,
    `worst loss ${worst.toFixed(decimals)}`,
    violations.map(({ loss: _loss, ...rest }) => rest),
  );
}

function exceeds(cost: string, revenue: string, atMost: string): boolean {
  const limit = new Decimal(revenue).times(atMost);
  return new Decimal(cost).gt(limit) && new Decimal(cost).gt(0);
}

function costShare(atMost: string, { candidate, comparison }: GuardRuns): GuardResult {
  const guard: Guard = { kind: 'cost-share', atMost };
  const measured = percent(comparison.costShare);
  if (!exceeds(candidate.total, candidate.revenue, atMost)) return result(guard, measured, []);
  // The whole run is over the bound; the months over it say where.
  const months = monthsOver(atMost, comparison);
  const whole: GuardViolation = {
    value: measured,
    message: `cost ${candidate.total} is ${measured} of revenue ${candidate.revenue}, above ${asPercent(atMost)}`,
  };
  return result(guard, measured, [whole, ...months]);
}

function monthlyCostShare(atMost: string, { comparison }: GuardRuns): GuardResult {
  const guard: Guard = { kind: 'monthly-cost-share', atMost };
  const months = monthsOver(atMost, comparison);
  const shares = comparison.byMonth.map((month) => month.candidateShare).filter((share) => share !== null);
  const highest = shares.reduce<string | null>(
    (max, share) => (max === null || new Decimal(share).gt(max) ? share : max),
    null,
  );
  return result(guard, `highest month ${percent(highest)}`, months);
}

function monthsOver(atMost: string, comparison: CandidateComparison): GuardViolation[] {
  return comparison.byMonth
    .filter((month) => exceeds(month.candidate, month.revenue, atMost))
    .map((month) => ({
      month: month.month,
      value: percent(month.candidateShare),
      message: `${month.month}: cost ${month.candidate} is ${percent(month.candidateShare)} of revenue ${month.revenue}`,
    }));
}

function totalDelta(atMost: GuardLimit, { baseline, comparison }: GuardRuns): GuardResult {
  const guard: Guard = { kind: 'delta', atMost };
  const delta = new Decimal(comparison.delta);
  const limit =
    'share' in atMost ? new Decimal(baseline.total).times(atMost.share) : new Decimal(atMost.amount);
  const measured = `${comparison.delta} (${percent(comparison.deltaShare)})`;
  if (delta.lte(limit)) return result(guard, measured, []);
  return result(guard, measured, [
    {
      value: comparison.delta,
      message: `the total cost rises by ${comparison.delta} (${percent(comparison.deltaShare)}), above ${guardText(guard).slice('delta <= '.length)}`,
    },
  ]);
}

function newDemotions({ baseline, candidate }: GuardRuns): GuardResult {
  const before = new Map(baseline.partners.map((partner) => [partner.id, partner.demotions]));
  const violations = candidate.partners
    .filter((partner) => partner.demotions > 0 && (before.get(partner.id) ?? 0) === 0)
    .map((partner) => ({
      partnerId: partner.id,
      value: `${partner.demotions} demotion${partner.demotions === 1 ? '' : 's'}`,
      message: `${partner.id} is demoted ${partner.demotions} time${partner.demotions === 1 ? '' : 's'}, never under the baseline`,
    }));
  const count = violations.length;
  return result({ kind: 'no-new-demotions' }, `${count} partner${count === 1 ? '' : 's'}`, violations);
}

/** Ids in code-unit order, the same on every machine (localeCompare follows the locale). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
