// How much faster a compiled rule decides than json-rules-engine's Engine.run, on the two SISO
// tier rules and the same partner facts. Run with `npx tsx bench/rules.ts`; the main benchmark
// calls benchRules().
import { pathToFileURL } from 'node:url';
import { Engine } from 'json-rules-engine';
import { compileCondition } from '../src/rules/compile.js';
import type { Condition } from '../src/rules/condition.js';

const SILVER_RULE: Condition = {
  all: [
    { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 },
    { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' },
  ],
};
const GOLD_RULE: Condition = { all: [{ fact: 'countedDeals', operator: 'greaterThanInclusive', value: 10 }] };
const RULES = [SILVER_RULE, GOLD_RULE];
const FACTS = { countedDeals: 7, trainingsCompleted: ['certification'], revenue: 5500 };

export interface RulesBenchmark {
  /** Compiled-predicate evaluations per second, the two rules in turn. */
  readonly compiledPerSecond: number;
  /** `Engine.run` evaluations per second (one engine per rule), the two rules in turn. */
  readonly referencePerSecond: number;
  /** compiledPerSecond / referencePerSecond. */
  readonly ratio: number;
}

export interface BenchRulesOptions {
  /** How long each side is measured, after a warm-up of a fifth of it. Default 1,000 ms. */
  readonly durationMs?: number;
}

async function referencePerSecond(durationMs: number): Promise<number> {
  const engines = RULES.map((conditions) => {
    const engine = new Engine([], { allowUndefinedFacts: true });
    engine.addRule({ conditions: structuredClone(conditions), event: { type: 'holds' } });
    return engine;
  });
  const measure = async (milliseconds: number) => {
    let evaluations = 0;
    const start = performance.now();
    while (performance.now() - start < milliseconds) {
      for (const engine of engines) await engine.run(FACTS);
      evaluations += engines.length;
    }
    return evaluations / ((performance.now() - start) / 1000);
  };
  await measure(durationMs / 5);
  return measure(durationMs);
}

function compiledPerSecond(durationMs: number): number {
  const predicates = RULES.map((rule) => compileCondition(rule));
  const batch = 1_000_000;
  let holds = 0;
  const measure = (milliseconds: number) => {
    let evaluations = 0;
    const start = performance.now();
    while (performance.now() - start < milliseconds) {
      for (let index = 0; index < batch; index++) if (predicates[index & 1]!(FACTS)) holds++;
      evaluations += batch;
    }
    return evaluations / ((performance.now() - start) / 1000);
  };
  measure(durationMs / 5);
  const perSecond = measure(durationMs);
  // Silver holds and gold does not, so exactly half the evaluations hold; this also keeps the loop alive.
  if (holds === 0) throw new Error('benchmark: the silver rule never held');
  return perSecond;
}

/**
 * Measures compiled rules against json-rules-engine on the SISO tier rules.
 *
 * @example
 * const { ratio } = await benchRules({ durationMs: 500 });
 * ratio > 200
 * //=> true (about 400 on a 2-core machine)
 */
export async function benchRules(options: BenchRulesOptions = {}): Promise<RulesBenchmark> {
  const durationMs = options.durationMs ?? 1000;
  const reference = await referencePerSecond(durationMs);
  const compiled = compiledPerSecond(durationMs);
  return { compiledPerSecond: compiled, referencePerSecond: reference, ratio: compiled / reference };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchRules();
  const format = (perSecond: number) => Math.round(perSecond).toLocaleString('en');
  console.log(`json-rules-engine Engine.run: ${format(result.referencePerSecond)} evaluations/s`);
  console.log(`compiled predicates:          ${format(result.compiledPerSecond)} evaluations/s`);
  console.log(`ratio:                        ${result.ratio.toFixed(0)}x`);
}
