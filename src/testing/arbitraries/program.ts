// Programmes for properties that must hold under any terms: the host's own programme (or SISO)
// with its rates, tier thresholds, override levels, caps, hold period and payout minimum drawn at
// random. Every draw is loaded with `loadProgram`, so it is valid by construction.
import fc from 'fast-check';
import { loadProgram, type Program, programOperators, sisoProgram } from '../../index.js';
import { money, rate } from './money.js';

/** Options of `program`: the programme to vary. */
export interface ProgramOptions {
  /** The programme to vary (default: SISO). Its ids, features, badges and rules' shape stay. */
  readonly base?: Program;
}

type Json = Record<string, unknown>;

interface Draws {
  readonly baseRates: string[];
  readonly bonusRates: string[];
  readonly thresholds: number[][];
  readonly overrides: OverrideDraw | null;
  readonly holdPeriodDays: number;
  readonly payoutMinimum: string;
}

interface OverrideDraw {
  readonly rates: string[];
  readonly minTiers: number[];
  readonly compression: boolean;
  readonly caps: { readonly perDeal: string | null; readonly perPeriod: string | null };
}

/** The numeric thresholds of a rule (`countedDeals >= 3`), in document order. */
function numericLeaves(rule: unknown): Json[] {
  if (rule === null || typeof rule !== 'object') return [];
  const node = rule as Json;
  if (typeof node.fact === 'string') {
    const counts = typeof node.value === 'number' && Number.isInteger(node.value) && node.value > 0;
    return counts && /^(greaterThan|greaterThanInclusive)$/.test(String(node.operator)) ? [node] : [];
  }
  const children = [node.all, node.any, node.not].flatMap((child) =>
    Array.isArray(child) ? child : child === undefined ? [] : [child],
  );
  return children.flatMap(numericLeaves);
}

function thresholdsArbitrary(tiers: readonly Json[]): fc.Arbitrary<number[][]> {
  return fc.tuple(
    ...tiers.map((tier) =>
      fc.tuple(
        ...numericLeaves(tier.qualify).map((leaf) => fc.integer({ min: 1, max: 2 * (leaf.value as number) })),
      ),
    ),
  );
}

/** Half the plans uncapped; the others with a cap per deal, per month, or both. */
function capsArbitrary(): fc.Arbitrary<OverrideDraw['caps']> {
  const capped = fc.record({
    perDeal: fc.option(money({ minMinorUnits: 100, maxMinorUnits: 50_000 }), { nil: null, freq: 3 }),
    perPeriod: fc.option(money({ minMinorUnits: 100, maxMinorUnits: 200_000 }), { nil: null, freq: 3 }),
  });
  return fc.oneof(fc.constant({ perDeal: null, perPeriod: null }), capped);
}

function overridesArbitrary(document: Json, tierCount: number): fc.Arbitrary<OverrideDraw | null> {
  if (document.overrides === undefined) return fc.constant(null);
  return fc.record({
    rates: fc.array(rate(0.2), { minLength: 1, maxLength: 3 }),
    minTiers: fc.array(fc.nat({ max: tierCount - 1 }), { minLength: 3, maxLength: 3 }),
    compression: fc.boolean(),
    caps: capsArbitrary(),
  });
}

function applyDraws(document: Json, draws: Draws): Json {
  const copy = structuredClone(document);
  const tiers = copy.tiers as Json[];
  tiers.forEach((tier, index) => {
    tier.baseRate = draws.baseRates[index] ?? tier.baseRate;
    if (tier.referralBonusRate !== undefined)
      tier.referralBonusRate = draws.bonusRates[index] ?? tier.referralBonusRate;
    numericLeaves(tier.qualify).forEach((leaf, position) => {
      leaf.value = draws.thresholds[index]?.[position] ?? leaf.value;
    });
  });
  copy.holdPeriodDays = draws.holdPeriodDays;
  copy.payouts = { ...(copy.payouts as Json), minimum: draws.payoutMinimum };
  const plan = draws.overrides;
  if (plan) {
    const ids = tiers.map((tier) => tier.id as string);
    const overrides = copy.overrides as Json;
    overrides.compression = plan.compression;
    overrides.levels = plan.rates.map((levelRate, index) => ({
      level: index + 1,
      rate: levelRate,
      minTier: ids[plan.minTiers[index] ?? 0],
    }));
    const caps: Json = {};
    if (plan.caps.perDeal !== null) caps.perDeal = plan.caps.perDeal;
    if (plan.caps.perPeriod !== null)
      caps.perPartnerPerPeriod = { amount: plan.caps.perPeriod, period: 'month' };
    if (Object.keys(caps).length > 0) overrides.caps = caps;
    else delete overrides.caps;
  }
  return copy;
}

/**
 * A valid programme: `base` (default SISO) with its money terms drawn at random. Shrinks toward
 * rates of 0, thresholds of 1, one override level, no caps and no hold.
 *
 * @example
 * fc.sample(program({ base: myProgram }), { numRuns: 1, seed: 1 })[0].tiers[1].baseRate
 * //=> '0.1834'   (for example)
 */
export function program(options: ProgramOptions = {}): fc.Arbitrary<Program> {
  const base = options.base ?? sisoProgram;
  const document = JSON.parse(JSON.stringify(base)) as Json;
  const tiers = document.tiers as Json[];
  const decimals = (document.currency as { decimals: number }).decimals;
  const draws: fc.Arbitrary<Draws> = fc.record({
    baseRates: fc.array(rate(0.5), { minLength: tiers.length, maxLength: tiers.length }),
    bonusRates: fc.array(rate(0.2), { minLength: tiers.length, maxLength: tiers.length }),
    thresholds: thresholdsArbitrary(tiers),
    overrides: overridesArbitrary(document, tiers.length),
    holdPeriodDays: fc.integer({ min: 0, max: 60 }),
    payoutMinimum: money({ decimals, minMinorUnits: 0, maxMinorUnits: 100 * 10 ** decimals }),
  });
  const operators = programOperators(base);
  return draws.map((drawn) => loadProgram(applyDraws(document, drawn), { operators }));
}

/**
 * The first kit's variant: only the money rates (base rates, referral bonuses, override levels'
 * rates) drawn, everything else as it is.
 *
 * @example
 * fc.sample(programVariant(sisoProgram), { numRuns: 1, seed: 1 })[0]?.tiers.map((tier) => tier.id)
 * //=> ['starter', 'active', 'performer', 'elite']
 */
export function programVariant(base: Program): fc.Arbitrary<Program> {
  const document = JSON.parse(JSON.stringify(base)) as Json;
  const tiers = document.tiers as Json[];
  const levels = ((document.overrides as Json | undefined)?.levels ?? []) as Json[];
  const operators = programOperators(base);
  return fc
    .record({
      baseRates: fc.array(rate(0.5), { minLength: tiers.length, maxLength: tiers.length }),
      bonusRates: fc.array(rate(0.2), { minLength: tiers.length, maxLength: tiers.length }),
      overrideRates: fc.array(rate(0.2), { minLength: levels.length, maxLength: levels.length }),
    })
    .map(({ baseRates, bonusRates, overrideRates }) => {
      const copy = structuredClone(document);
      (copy.tiers as Json[]).forEach((tier, index) => {
        tier.baseRate = baseRates[index] ?? tier.baseRate;
        if (tier.referralBonusRate !== undefined)
          tier.referralBonusRate = bonusRates[index] ?? tier.referralBonusRate;
      });
      (((copy.overrides as Json | undefined)?.levels ?? []) as Json[]).forEach((level, index) => {
        level.rate = overrideRates[index] ?? level.rate;
      });
      return loadProgram(copy, { operators });
    });
}
