// The findings of one rule: its comparisons (type mismatches, unknown ids, unparsable paths,
// coerced values) and the rule as a whole (it can never hold, or always holds), each with the
// reason in words. The tiers' qualify rules are judged together in tier-findings.ts.
import { formatPath, type JsonPath } from '../../issues.js';
import type {
  ReadonlyCondition,
  ReadonlyLeafCondition,
  ReadonlyNestedCondition,
} from '../../rules/condition.js';
import { refusedPath } from '../../rules/paths.js';
import {
  analyseLeaf,
  describeLeaf,
  type LeafAnalysis,
  type LeafContext,
  type Verdict,
} from './comparison.js';
import { finding, type RawFinding } from './findings.js';
import { consistent, type Literal } from './literals.js';
import { pathSyntaxError } from './path-syntax.js';
import { canHold, type NormalForm, normalForm } from './satisfiability.js';

/** A rule, analysed: whether it can hold and fail, and its comparisons. */
export interface AnalysedRule {
  readonly path: JsonPath;
  readonly rule: ReadonlyCondition;
  readonly holds: NormalForm;
  readonly fails: NormalForm;
  readonly leaves: ReadonlyArray<{
    readonly leaf: ReadonlyLeafCondition;
    readonly path: JsonPath;
    readonly analysis: LeafAnalysis;
  }>;
}

/** Analyses a rule that parsed as a condition. */
export function analyseRule(rule: ReadonlyCondition, path: JsonPath, context: LeafContext): AnalysedRule {
  const leaves: Array<AnalysedRule['leaves'][number]> = [];
  const verdicts = new Map<string, Verdict>();
  const judge = (leaf: ReadonlyLeafCondition, at: JsonPath): Verdict => {
    const key = JSON.stringify(at);
    const known = verdicts.get(key);
    if (known !== undefined) return known;
    const analysis = analyseLeaf(leaf, context);
    leaves.push({ leaf, path: [...path, ...at], analysis });
    verdicts.set(key, analysis.verdict);
    return analysis.verdict;
  };
  const holds = normalForm(rule, [], true, judge);
  const fails = normalForm(rule, [], false, judge);
  return { path, rule, holds, fails, leaves };
}

/** What a rule's holding means where it stands, for messages. */
export interface RuleMeaning {
  readonly never: string;
  readonly always: string;
}

function pathFindings(leaf: ReadonlyLeafCondition, path: JsonPath): RawFinding[] {
  const reference = leaf.value as { path?: unknown } | null;
  const paths: Array<[unknown, JsonPath]> = [
    [leaf.path, [...path, 'path']],
    [
      reference !== null && typeof reference === 'object' ? reference.path : undefined,
      [...path, 'value', 'path'],
    ],
  ];
  return paths.flatMap(([text, at]): RawFinding[] => {
    if (typeof text !== 'string' || refusedPath(text) !== undefined) return [];
    const error = pathSyntaxError(text);
    if (error === undefined) return [];
    const message = `${JSON.stringify(text)} is not a well-formed JSONPath: ${error.reason} (at character ${error.at + 1}); jsonpath-plus would quietly read something else`;
    return [finding('error', 'PATH_UNPARSABLE', at, message, 'write a path such as "$.name" or "$[0]"')];
  });
}

function leafFindings(analysed: AnalysedRule, never: boolean, constantRule: boolean): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const { leaf, path, analysis } of analysed.leaves) {
    findings.push(...pathFindings(leaf, path));
    for (const note of analysis.notes) {
      findings.push(finding('warning', note.code, [...path, ...note.at], note.message, note.suggestion));
    }
    const { verdict } = analysis;
    if (verdict.kind !== 'constant') continue;
    if (verdict.cause === 'CONSTANT') {
      if (constantRule) continue;
      const code = verdict.holds ? 'CONDITION_ALWAYS_HOLDS' : 'CONDITION_NEVER_HOLDS';
      findings.push(
        finding('warning', code, path, `${describeLeaf(leaf)}: ${verdict.reason}`, verdict.suggestion),
      );
      continue;
    }
    const consequence = never ? `; ${formatPath(analysed.path)} can therefore never hold` : '';
    const at =
      verdict.cause === 'UNKNOWN_ID' && leaf.path !== undefined && leaf.path !== '' ? 'path' : 'value';
    findings.push(
      finding(
        never ? 'error' : 'warning',
        verdict.cause,
        [...path, at],
        `${verdict.reason}${consequence}`,
        verdict.suggestion,
      ),
    );
  }
  return findings;
}

/** The comparisons the root needs all of: those reached from it through `all` lists only. */
function requiredLeaves(
  node: ReadonlyNestedCondition,
  path: JsonPath,
): Array<[ReadonlyLeafCondition, JsonPath]> {
  if ('fact' in node) return [[node, path]];
  if ('all' in node)
    return node.all.flatMap((child, index) => requiredLeaves(child, [...path, 'all', index]));
  return [];
}

/** Why a rule that never holds does not, in words. */
export function whyNever(analysed: AnalysedRule): string {
  const verdictOf = new Map(
    analysed.leaves.map(({ path, analysis }) => [JSON.stringify(path), analysis.verdict]),
  );
  const required = requiredLeaves(analysed.rule, analysed.path).flatMap(([leaf, path]) => {
    const verdict = verdictOf.get(JSON.stringify(path));
    return verdict === undefined ? [] : [{ leaf, verdict }];
  });
  const impossible = required.find(({ verdict }) => verdict.kind === 'constant' && !verdict.holds);
  if (impossible?.verdict.kind === 'constant')
    return `${describeLeaf(impossible.leaf)}: ${impossible.verdict.reason}`;
  const literals = required.flatMap(({ leaf, verdict }) =>
    verdict.kind === 'literal' ? [{ leaf, literal: verdict.literal as Literal }] : [],
  );
  for (const [index, first] of literals.entries()) {
    for (const second of literals.slice(index + 1)) {
      if (!consistent([first.literal, second.literal])) {
        return `it asks ${describeLeaf(first.leaf)} and ${describeLeaf(second.leaf)} at once, and no value is both`;
      }
    }
  }
  return 'every way it could hold contradicts itself';
}

/**
 * The findings of a rule that is not a tier's qualify: its comparisons, and the rule itself
 * when it never holds (an error) or always holds (a warning).
 */
export function ruleFindings(analysed: AnalysedRule, meaning: RuleMeaning | undefined): RawFinding[] {
  const never = !canHold(analysed.holds);
  const always = !canHold(analysed.fails);
  const findings = leafFindings(analysed, never, never || always);
  if (meaning === undefined) return findings;
  const explained = findings.some((found) => found.severity === 'error');
  if (never && !explained) {
    findings.push(
      finding(
        'error',
        'RULE_NEVER_HOLDS',
        analysed.path,
        `this rule can never hold (${whyNever(analysed)}): ${meaning.never}`,
      ),
    );
  } else if (always && !never) {
    findings.push(
      finding(
        'warning',
        'RULE_ALWAYS_HOLDS',
        analysed.path,
        `this rule holds whatever the facts: ${meaning.always}`,
      ),
    );
  }
  return findings;
}
