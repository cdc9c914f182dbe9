// What the linter knows a fact's value can be, before any event: the kind of value and, for
// numbers, the bounds every stream respects. Each is an over-approximation (a value outside it
// never occurs), so a rule found unsatisfiable here is unsatisfiable on every stream.
import { FACTS, type FactKind } from '../../facts/catalogue.js';
import { propertyNames } from '../../rules/paths.js';

/** A number: within [min, max], a whole number when `integer`; `missing` when it may be null or undefined. */
export interface NumberShape {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  readonly missing: boolean;
}

/** One of a finite list of values (the tier ids, the tier ranks). */
export interface EnumShape {
  readonly kind: 'enum';
  readonly values: ReadonlyArray<string | number>;
}

/** A list of strings; `universe`, when known, is every string it can hold (the badge ids). */
export interface ListShape {
  readonly kind: 'list';
  readonly item: 'string' | 'number';
  readonly universe?: readonly string[];
  /** What its items are, for messages: "badge", "training module", "feature". */
  readonly itemName: string;
}

/** An object of numbers by tier id (read it with a path such as "$.active"). */
export interface ByTierShape {
  readonly kind: 'by-tier';
}

/** Always undefined: a path to a property that is never there. */
export interface AbsentShape {
  readonly kind: 'absent';
  readonly why: string;
  /** The name the path asks for, and the names there are (for "did you mean"). */
  readonly name: string;
  readonly known: readonly string[];
}

/** Anything: the linter claims nothing about comparisons on it. */
export interface OpaqueShape {
  readonly kind: 'opaque';
}

export type Shape = NumberShape | EnumShape | ListShape | ByTierShape | AbsentShape | OpaqueShape;

/** What the linter needs of the programme to know its facts' values. */
export interface ShapeContext {
  readonly tierIds: readonly string[];
  readonly badgeIds: readonly string[];
}

const count = (min = 0): NumberShape => ({
  kind: 'number',
  min,
  max: Number.POSITIVE_INFINITY,
  integer: true,
  missing: false,
});
const amount = (min = 0): NumberShape => ({
  kind: 'number',
  min,
  max: Number.POSITIVE_INFINITY,
  integer: false,
  missing: false,
});

// Bounds that hold on every stream: counts are whole and never negative; deal amounts are
// positive and refunds never exceed them, so revenues are never negative. `earned` can go
// below zero (a clawback after a payout), so it has no bound.
const BOUNDS: Readonly<Record<string, NumberShape>> = {
  countedDeals: count(),
  dealsClosed: count(),
  revenue: amount(),
  earned: amount(Number.NEGATIVE_INFINITY),
  daysSinceJoined: amount(),
  daysToFirstDeal: { ...amount(), missing: true },
  monthDeals: count(),
  monthRevenue: amount(),
  quarterDeals: count(),
  quarterRevenue: amount(),
  yearDeals: count(),
  yearRevenue: amount(),
  reviewPeriodDeals: count(),
  reviewPeriodRevenue: amount(),
  directSubPartners: count(),
  sellingSubPartners: count(),
  teamSize: count(),
  teamRevenue: amount(),
  teamMonthRevenue: amount(),
  teamQuarterRevenue: amount(),
};

const KIND_OF: ReadonlyMap<string, FactKind> = new Map(FACTS.map((fact) => [fact.name, fact.kind]));

/** The fact's own value, before any path. */
export function factShape(fact: string, context: ShapeContext): Shape {
  if (fact === 'tier') return { kind: 'enum', values: context.tierIds };
  if (fact === 'tierRank') return { kind: 'enum', values: context.tierIds.map((_, index) => index + 1) };
  if (fact === 'badges')
    return { kind: 'list', item: 'string', universe: context.badgeIds, itemName: 'badge' };
  if (fact === 'trainingsCompleted') return { kind: 'list', item: 'string', itemName: 'training module' };
  if (fact === 'featuresUsed') return { kind: 'list', item: 'string', itemName: 'feature' };
  const bounds = BOUNDS[fact];
  if (bounds !== undefined) return bounds;
  const kind = KIND_OF.get(fact);
  if (kind === 'number-by-tier') return { kind: 'by-tier' };
  if (kind === 'number[]') return { kind: 'list', item: 'number', itemName: 'level' };
  return { kind: 'opaque' };
}

/** Whether a path reads anything from a value of this shape (it is applied only to objects). */
export function pathApplies(shape: Shape): boolean {
  return shape.kind === 'list' || shape.kind === 'by-tier' || shape.kind === 'opaque';
}

const INDEX = /^\d+$/;

/**
 * The shape of what a path reads from a fact of this shape. Plain names and indexes are
 * followed; anything else (wildcards, descent) gives an opaque value.
 */
export function shapeAtPath(fact: string, shape: Shape, path: string, context: ShapeContext): Shape {
  if (path === '' || !pathApplies(shape)) return shape;
  const names = propertyNames(path);
  if (names === undefined || names.length !== 1) return { kind: 'opaque' };
  const [name] = names as [string];
  if (shape.kind === 'by-tier') {
    if (context.tierIds.includes(name)) return count();
    const why = `${fact} has a number for each tier id, and there is no tier ${JSON.stringify(name)}`;
    return { kind: 'absent', why, name, known: context.tierIds };
  }
  if (shape.kind === 'list' && shape.item === 'number' && INDEX.test(name)) {
    return { ...(fact === 'teamSizeByLevel' ? count() : amount()), missing: true };
  }
  return { kind: 'opaque' };
}
