// The progression KPIs of the seed: time to tier 2, quarterly tier retention, feature adoption,
// training completion and top-tier retention over a year, plus activation and time to first deal.
// Each counts partners or unlocks from a History; its definition is in docs/finance-forecast.md.
import { TZDate } from '@date-fns/tz';
import { addYears } from 'date-fns';
import type { PeriodRange } from '../engine/calendar.js';
import { Decimal } from '../money/decimal.js';
import { DAY_MS, type History, type PartnerHistory, rankAt } from './history.js';
import type { Kpi, QuarterRetention } from './kpis.js';
import { isAbovePercent, median, NOT_AVAILABLE, percentOf } from './statistics.js';

/** How long an unlocked feature has to be used to count as adopted. */
export const ADOPTION_WINDOW_DAYS = 30;
/** A partner is expected to have done its tier's training this long after joining. */
export const TRAINING_WINDOW_DAYS = 60;

const TARGETS = {
  tierTwoDays: 60,
  retentionPercent: 90,
  adoptionPercent: 75,
  trainingPercent: 95,
  topTierRetentionPercent: 95,
} as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function days(milliseconds: Decimal): string {
  return milliseconds.dividedBy(DAY_MS).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN).toFixed(1);
}

/** A share KPI with a "more than" target: met when numerator / denominator is above it. */
function shareKpi(
  head: Pick<Kpi, 'id' | 'name'>,
  numerator: number,
  denominator: number,
  targetPercent: number | null,
  basis: string,
): Kpi {
  const value = percentOf(numerator, denominator);
  const measured = value !== NOT_AVAILABLE;
  const status =
    targetPercent === null
      ? 'no target'
      : !measured
        ? 'n/a'
        : isAbovePercent(numerator, denominator, targetPercent)
          ? 'met'
          : 'not met';
  return {
    ...head,
    value,
    unit: '%',
    target: targetPercent === null ? null : `> ${targetPercent}`,
    status,
    basis,
  };
}

/** A median-days KPI with an optional "less than" target. */
function daysKpi(
  head: Pick<Kpi, 'id' | 'name'>,
  durations: readonly number[],
  targetDays: number | null,
  basis: string,
): Kpi {
  const middle = median(durations.map((duration) => new Decimal(duration)));
  const target = targetDays === null ? null : `< ${targetDays}`;
  if (middle === null)
    return {
      ...head,
      value: NOT_AVAILABLE,
      unit: 'days',
      target,
      status: targetDays === null ? 'no target' : 'n/a',
      basis,
    };
  const status = targetDays === null ? 'no target' : middle.lessThan(targetDays * DAY_MS) ? 'met' : 'not met';
  return { ...head, value: days(middle), unit: 'days', target, status, basis };
}

/** Median days from joining to first holding the programme's second tier (or higher), among those who did. */
export function timeToTierTwo(history: History): Kpi {
  const second = history.program.tiers[1];
  const durations: number[] = [];
  for (const partner of history.partners.values()) {
    const reached = partner.tiers.find((spell) => spell.rank >= 1);
    if (reached) durations.push(reached.at - partner.joinedAt);
  }
  const basis = `${durations.length} of ${plural(history.partners.size, 'partner')} reached ${second?.name ?? 'tier 2'}`;
  return daysKpi(
    { id: 'time-to-tier-2', name: `Time to tier 2 (${second?.name ?? 'none'})` },
    durations,
    TARGETS.tierTwoDays,
    basis,
  );
}

/** The complete calendar quarters from the one holding the first event to the as-of time. */
export function completeQuarters(history: History): PeriodRange[] {
  const quarters: PeriodRange[] = [];
  if (history.firstAt === null || history.asOf === null) return quarters;
  for (let quarter = history.calendar.periodOf(history.firstAt, 'quarter'); quarter.end <= history.asOf; ) {
    quarters.push(quarter);
    quarter = history.calendar.periodOf(quarter.end, 'quarter');
  }
  return quarters;
}

/**
 * Partner-quarters above the entry tier at a quarter's start, and of them those holding that
 * tier or a higher one at its end (the review at the boundary counted), pooled over the
 * complete quarters.
 */
export function quarterlyRetention(history: History): { kpi: Kpi; quarters: QuarterRetention[] } {
  const quarters = completeQuarters(history).map((quarter) => {
    let held = 0;
    let maintained = 0;
    for (const partner of history.partners.values()) {
      const start = rankAt(partner, quarter.start);
      if (start === null || start < 1) continue;
      held += 1;
      if ((rankAt(partner, quarter.end) ?? 0) >= start) maintained += 1;
    }
    return { quarter: quarter.key, held, maintained, share: percentOf(maintained, held) };
  });
  const held = quarters.reduce((sum, quarter) => sum + quarter.held, 0);
  const maintained = quarters.reduce((sum, quarter) => sum + quarter.maintained, 0);
  const basis = `${maintained} of ${plural(held, 'partner-quarter')} above the entry tier, ${plural(quarters.length, 'complete quarter')}`;
  const kpi = shareKpi(
    { id: 'tier-retention', name: 'Tier maintained or advanced each quarter' },
    maintained,
    held,
    TARGETS.retentionPercent,
    basis,
  );
  return { kpi, quarters };
}

/** Unlocks whose 30-day window ended by the as-of time, and of them those used within it. */
export function featureAdoption(history: History): Kpi {
  const window = ADOPTION_WINDOW_DAYS * DAY_MS;
  let unlocked = 0;
  let used = 0;
  for (const partner of history.partners.values()) {
    for (const unlock of partner.unlocks) {
      if (history.asOf === null || unlock.at + window > history.asOf) continue;
      unlocked += 1;
      const uses = partner.uses.get(unlock.feature) ?? [];
      if (uses.some((at) => at >= unlock.at && at <= unlock.at + window)) used += 1;
    }
  }
  const basis = `${used} of ${plural(unlocked, 'unlock')} used within ${ADOPTION_WINDOW_DAYS} days`;
  return shareKpi(
    { id: 'feature-adoption', name: `Unlocked features used within ${ADOPTION_WINDOW_DAYS} days` },
    used,
    unlocked,
    TARGETS.adoptionPercent,
    basis,
  );
}

/** The training modules a tier's rules require (`trainingsCompleted` `contains` a module). */
export function modulesRequiredBy(rule: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(rule)) for (const item of rule) modulesRequiredBy(item, into);
  else if (rule !== null && typeof rule === 'object') {
    const condition = rule as Record<string, unknown>;
    if (
      condition.fact === 'trainingsCompleted' &&
      condition.operator === 'contains' &&
      typeof condition.value === 'string'
    )
      into.add(condition.value);
    for (const value of Object.values(condition))
      if (typeof value === 'object') modulesRequiredBy(value, into);
  }
  return into;
}

/**
 * Partners who joined at least TRAINING_WINDOW_DAYS before the as-of time and whose tier-
 * appropriate modules (those the rules of every tier up to the one above theirs require) are
 * not empty; of them, those who completed all of them by the as-of time.
 */
export function trainingCompletion(history: History): Kpi {
  const { tiers } = history.program;
  const requiredUpTo = tiers.map((_, rank) => {
    const modules = new Set<string>();
    for (const tier of tiers.slice(0, rank + 2))
      modulesRequiredBy([tier.qualify, tier.maintain ?? null], modules);
    return modules;
  });
  let expected = 0;
  let completed = 0;
  for (const partner of history.partners.values()) {
    if (history.asOf === null || partner.joinedAt + TRAINING_WINDOW_DAYS * DAY_MS > history.asOf) continue;
    const modules = requiredUpTo[rankAt(partner, history.asOf) ?? 0] ?? new Set<string>();
    if (modules.size === 0) continue;
    expected += 1;
    if ([...modules].every((module) => partner.trainings.has(module))) completed += 1;
  }
  const basis = `${completed} of ${plural(expected, 'partner')} who joined ${TRAINING_WINDOW_DAYS}+ days before`;
  return shareKpi(
    { id: 'training-completion', name: 'Tier-appropriate training completed' },
    completed,
    expected,
    TARGETS.trainingPercent,
    basis,
  );
}

/** When a partner first held the top tier, or null. */
function reachedTopAt(partner: PartnerHistory, top: number): number | null {
  return partner.tiers.find((spell) => spell.rank === top)?.at ?? null;
}

/**
 * Partners whose first year in the top tier (from their first promotion into it, one calendar
 * year in the programme's time zone) ended by the as-of time; of them, those holding it then.
 */
export function eliteRetention(history: History): Kpi {
  const top = history.program.tiers.length - 1;
  const name = history.program.tiers[top]?.name ?? 'top tier';
  let cohort = 0;
  let retained = 0;
  for (const partner of history.partners.values()) {
    const reached = reachedTopAt(partner, top);
    if (reached === null || history.asOf === null || top === 0) continue;
    const anniversary = addYears(new TZDate(reached, history.program.timeZone), 1).getTime();
    if (anniversary > history.asOf) continue;
    cohort += 1;
    if (rankAt(partner, anniversary) === top) retained += 1;
  }
  const basis = `${retained} of ${plural(cohort, 'partner')} a year after reaching ${name}`;
  return shareKpi(
    { id: 'top-tier-retention', name: `${name} retention over a year` },
    retained,
    cohort,
    TARGETS.topTierRetentionPercent,
    basis,
  );
}

/** Partners who closed at least one deal, of the partners who joined. */
export function activationRate(history: History): Kpi {
  const all = [...history.partners.values()];
  const active = all.filter((partner) => partner.firstDealAt !== null).length;
  const basis = `${active} of ${plural(all.length, 'partner')} who joined closed a deal`;
  return shareKpi({ id: 'activation-rate', name: 'Activation rate' }, active, all.length, null, basis);
}

/** Median days from joining to the first deal, among partners who closed one. */
export function timeToFirstDeal(history: History): Kpi {
  const durations = [...history.partners.values()].flatMap((partner) =>
    partner.firstDealAt === null ? [] : [partner.firstDealAt - partner.joinedAt],
  );
  const basis = `${plural(durations.length, 'partner')} with a deal`;
  return daysKpi({ id: 'time-to-first-deal', name: 'Time to first deal' }, durations, null, basis);
}
