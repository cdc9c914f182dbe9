// A rule's comparisons in a partner's words: "Close 3 deals" (2 of 3 deals), "Complete the
// certification training" (not completed yet). A fact the words do not know reads from its
// catalogue description, never as code ("countedDeals greaterThanInclusive").
import { FACTS } from '../facts/catalogue.js';
import { Decimal } from '../money/decimal.js';
import { formatMoney } from '../money/format.js';
import type { CompiledProgram } from '../program/compile.js';
import type { JudgedLeaf } from '../tiers/progress.js';
import type { RequirementView } from './types.js';

type Counted = { readonly one: string; readonly many: string; readonly when: string };

/** Facts that count deals, and the period each counts over. */
const DEAL_COUNTS: Readonly<Record<string, Counted>> = {
  countedDeals: { one: 'deal', many: 'deals', when: '' },
  dealsClosed: { one: 'deal closed', many: 'deals closed', when: '' },
  monthDeals: { one: 'deal', many: 'deals', when: ' this month' },
  quarterDeals: { one: 'deal', many: 'deals', when: ' this quarter' },
  yearDeals: { one: 'deal', many: 'deals', when: ' this year' },
  reviewPeriodDeals: { one: 'deal', many: 'deals', when: ' this review period' },
};

/** Facts that are money, and what the partner does to raise them. */
const MONEY: Readonly<Record<string, { readonly verb: string; readonly when: string }>> = {
  revenue: { verb: 'Sell', when: ' in total' },
  monthRevenue: { verb: 'Sell', when: ' this month' },
  quarterRevenue: { verb: 'Sell', when: ' this quarter' },
  yearRevenue: { verb: 'Sell', when: ' this year' },
  reviewPeriodRevenue: { verb: 'Sell', when: ' this review period' },
  earned: { verb: 'Earn', when: ' in commissions' },
  teamRevenue: { verb: 'Have your team sell', when: ' in total' },
  teamMonthRevenue: { verb: 'Have your team sell', when: ' this month' },
  teamQuarterRevenue: { verb: 'Have your team sell', when: ' this quarter' },
};

/** What a fact is, said to the partner, for comparisons the words above do not cover. */
const SUBJECTS: Readonly<Record<string, string>> = {
  tier: 'Your tier',
  tierRank: 'The rank of your tier',
  daysSinceJoined: 'The days since you joined',
  daysToFirstDeal: 'The days from joining to your first deal',
  featuresUsed: 'The features you have used',
  trainingsCompleted: 'The trainings you completed',
  badges: 'Your badges',
};

const PEOPLE: Readonly<Record<string, { readonly one: string; readonly many: string }>> = {
  directSubPartners: { one: 'partner you referred', many: 'partners you referred' },
  sellingSubPartners: { one: 'referred partner with a sale', many: 'referred partners with a sale' },
  teamSize: { one: 'partner in your team', many: 'partners in your team' },
};

const AT_LEAST = new Set(['greaterThanInclusive', 'greaterThan']);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The smallest whole count that meets an at-least comparison (`> 2` needs 3). */
const countNeeded = (operator: string, target: number) =>
  operator === 'greaterThan' ? Math.floor(target) + 1 : Math.ceil(target);

/**
 * One judged comparison in words.
 *
 * @example
 * requirementView(compiled, { fact: 'countedDeals', operator: 'greaterThanInclusive', target: 3, current: 2, met: false }).label
 * //=> 'Close 3 deals'
 */
export function requirementView(compiled: CompiledProgram, leaf: JudgedLeaf): RequirementView {
  const base = { fact: leaf.fact, current: leaf.current, target: leaf.target, met: leaf.met };
  return { ...wordsOf(compiled, leaf), ...base };
}

interface Words {
  readonly label: string;
  readonly progress: string;
  readonly remaining: string | null;
}

function wordsOf(compiled: CompiledProgram, leaf: JudgedLeaf): Words {
  const { fact, operator, target, current } = leaf;
  const numeric = typeof target === 'number' && typeof current === 'number';
  const counted = DEAL_COUNTS[fact];
  if (counted && numeric && AT_LEAST.has(operator)) {
    const needed = countNeeded(operator, target);
    const left = Math.max(0, needed - current);
    return {
      label: `Close ${plural(needed, counted.one, counted.many)}${counted.when}`,
      progress:
        current >= needed
          ? `${plural(current, counted.one, counted.many)} (${needed} needed)`
          : `${current} of ${plural(needed, counted.one, counted.many)}`,
      remaining: leaf.met
        ? null
        : `Close ${plural(left, `more ${counted.one}`, `more ${counted.many}`)}${counted.when}`,
    };
  }
  const money = MONEY[fact];
  if (money && numeric && AT_LEAST.has(operator)) {
    const places = compiled.program.currency.decimals;
    const currency = compiled.program.currency.code;
    const show = (value: number) =>
      `${formatMoney(new Decimal(value).toDecimalPlaces(places), places)} ${currency}`;
    const left = new Decimal(target).minus(current).toNumber();
    return {
      label: `${money.verb} ${show(target)}${money.when}`,
      progress: `${show(current)} of ${show(target)}`,
      remaining: leaf.met ? null : `${money.verb} ${show(Math.max(0, left))} more${money.when}`,
    };
  }
  const people = PEOPLE[fact];
  if (people && numeric && AT_LEAST.has(operator)) {
    const needed = countNeeded(operator, target);
    const left = Math.max(0, needed - current);
    return {
      label: `Have ${plural(needed, people.one, people.many)}`,
      progress: `${current} of ${needed}`,
      remaining: leaf.met ? null : `Have ${plural(left, `more ${people.one}`, `more ${people.many}`)}`,
    };
  }
  if (operator === 'contains' && typeof target === 'string')
    return containsWords(compiled, fact, target, leaf.met);
  const byPath = pathWords(compiled, leaf);
  if (byPath) return byPath;
  if (
    fact === 'daysToFirstDeal' &&
    (operator === 'lessThanInclusive' || operator === 'lessThan') &&
    typeof target === 'number'
  ) {
    const label = `Close your first deal within ${target} days of joining`;
    const progress =
      typeof current === 'number' ? `first deal after ${Math.floor(current)} days` : 'no deal yet';
    return { label, progress, remaining: leaf.met ? null : label };
  }
  return genericWords(leaf);
}

/** Team facts read at a path: a level of the team (`$[0]`), or a tier (`$.active`). */
function pathWords(compiled: CompiledProgram, leaf: JudgedLeaf): Words | undefined {
  const { fact, path, operator, target, current } = leaf;
  if (path === undefined || !AT_LEAST.has(operator) || typeof target !== 'number') return undefined;
  const have = typeof current === 'number' ? current : 0;
  const needed = countNeeded(operator, target);
  const level = /^\$\[(\d+)\]$/.exec(path)?.[1];
  const tierId = /^\$\.([\w-]+)$/.exec(path)?.[1] ?? /^\$\['([^']+)'\]$/.exec(path)?.[1];
  const counted = (one: string, many: string): Words => ({
    label: `Have ${plural(needed, one, many)}`,
    progress: `${have} of ${needed}`,
    remaining: leaf.met ? null : `Have ${plural(Math.max(0, needed - have), `more ${one}`, `more ${many}`)}`,
  });
  if (fact === 'directSubPartnersAtOrAbove' && tierId !== undefined) {
    const name = compiled.program.tiers.find((tier) => tier.id === tierId)?.name ?? tierId;
    return counted(`referred partner at ${name} or above`, `referred partners at ${name} or above`);
  }
  if (fact === 'teamSizeByLevel' && level !== undefined) {
    const at = Number(level) + 1;
    return counted(`partner at level ${at} of your team`, `partners at level ${at} of your team`);
  }
  if (fact === 'teamRevenueByLevel' && level !== undefined) {
    const places = compiled.program.currency.decimals;
    const show = (value: number) =>
      `${formatMoney(new Decimal(value).toDecimalPlaces(places), places)} ${compiled.program.currency.code}`;
    const label = `Have level ${Number(level) + 1} of your team sell ${show(target)}`;
    return { label, progress: `${show(have)} of ${show(target)}`, remaining: leaf.met ? null : label };
  }
  return undefined;
}

function containsWords(compiled: CompiledProgram, fact: string, target: string, met: boolean): Words {
  const done = (label: string, progress: string) => ({ label, progress, remaining: met ? null : label });
  if (fact === 'trainingsCompleted') {
    return done(`Complete the ${target} training`, met ? 'completed' : 'not completed yet');
  }
  if (fact === 'featuresUsed') return done(`Use ${target}`, met ? 'used' : 'not used yet');
  if (fact === 'badges') {
    const name = compiled.program.badges.find((badge) => badge.id === target)?.name ?? target;
    return done(`Earn the ${name} badge`, met ? 'earned' : 'not earned yet');
  }
  return genericWords({ fact, operator: 'contains', target, current: undefined, met });
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  equal: 'is',
  notEqual: 'is not',
  lessThan: 'is below',
  lessThanInclusive: 'is at most',
  greaterThan: 'is above',
  greaterThanInclusive: 'is at least',
  in: 'is one of',
  notIn: 'is none of',
  contains: 'includes',
  doesNotContain: 'does not include',
};

/** A comparison the words above do not cover: the fact as the partner knows it, the relation, the target. */
function genericWords(leaf: JudgedLeaf): Words {
  const negated = leaf.operator.startsWith('not:');
  const operator = negated ? leaf.operator.slice(4) : leaf.operator;
  // The partner's own words where there are some; else the catalogue's description.
  const subject =
    SUBJECTS[leaf.fact] ??
    (FACTS.find((fact) => fact.name === leaf.fact)?.description ?? leaf.fact).replace(/\.$/, '');
  const relation = OPERATOR_WORDS[operator] ?? operator;
  const shown = (value: unknown) =>
    typeof value === 'number' ? String(Math.round(value * 100) / 100) : JSON.stringify(value);
  const label = `${negated ? 'Not: ' : ''}${subject} ${relation} ${shown(leaf.target)}`;
  return {
    label,
    progress: leaf.current === undefined ? (leaf.met ? 'met' : 'not met yet') : `now ${shown(leaf.current)}`,
    remaining: leaf.met ? null : label,
  };
}

/** "a, b and c" (or "a, b or c"). */
export function listInWords(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** The facts that count deals: a requirement on one of them is a deal requirement. */
export const DEAL_COUNT_FACTS: ReadonlySet<string> = new Set(Object.keys(DEAL_COUNTS));
