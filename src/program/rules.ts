// Every rule in a programme checked against the fact catalogue and the operators it may use, so
// an unknown fact or operator is found when the programme loads, never while events are applied.
import { FACT_NAMES } from '../facts/catalogue.js';
import { type Issue, type JsonPath, prefixIssues } from '../issues.js';
import { checkCondition, unknownOperatorIssues } from '../rules/check.js';
import type { OperatorFunction } from '../rules/operators.js';
import type { ProgramDocument } from './schema.js';

type Raw = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const items = (value: unknown): Raw[] =>
  Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : [];

/**
 * Each rule of a programme document with the path where it is written. The document need not be
 * valid: every rule found where a rule belongs is listed, so its checks run even when another
 * part of the document is broken.
 */
export function programRules(program: unknown): Array<{ path: JsonPath; rule: unknown }> {
  const rules: Array<{ path: JsonPath; rule: unknown }> = [];
  const add = (path: JsonPath, rule: unknown) => {
    if (rule !== undefined) rules.push({ path, rule });
  };
  const document = isRecord(program) ? program : {};
  items(document.tiers).forEach((tier, index) => {
    add(['tiers', index, 'qualify'], tier.qualify);
    add(['tiers', index, 'maintain'], tier.maintain);
  });
  const overrides = isRecord(document.overrides) ? document.overrides : {};
  items(overrides.levels).forEach((level, index) => {
    add(['overrides', 'levels', index, 'eligibility'], level.eligibility);
  });
  items(document.badges).forEach((badge, index) => {
    add(['badges', index, 'when'], badge.when);
    items(badge.levels).forEach((level, levelIndex) => {
      add(['badges', index, 'levels', levelIndex, 'when'], level.when);
    });
  });
  items(document.milestones).forEach((milestone, index) => {
    add(['milestones', index, 'when'], milestone.when);
  });
  items(document.versions).forEach((version, index) => {
    const tiers = isRecord(version.tiers) ? version.tiers : {};
    for (const [tierId, amendment] of Object.entries(tiers)) {
      if (!isRecord(amendment)) continue;
      add(['versions', index, 'tiers', tierId, 'qualify'], amendment.qualify);
      add(['versions', index, 'tiers', tierId, 'maintain'], amendment.maintain);
    }
    const plan = isRecord(version.overrides) ? version.overrides : {};
    items(plan.levels).forEach((level, levelIndex) => {
      add(['versions', index, 'overrides', 'levels', levelIndex, 'eligibility'], level.eligibility);
    });
  });
  return rules;
}

export function checkProgramRules(
  program: unknown,
  operators: Readonly<Record<string, OperatorFunction>>,
): Issue[] {
  return programRules(program).flatMap(({ path, rule }) =>
    prefixIssues(path, checkCondition(rule, { facts: FACT_NAMES, operators })),
  );
}

const OPERATORS_HINT =
  '(custom operators are given to loadProgram(document, { operators }) or createEngine(program, { operators }); a copy made with structuredClone or JSON.parse keeps the rules but not the functions)';

/**
 * Every rule naming an operator the programme does not carry, checked again when it compiles:
 * a copy of a loaded programme may have lost the operators it was checked with.
 */
export function checkRuleOperators(
  program: ProgramDocument,
  operators: Readonly<Record<string, OperatorFunction>>,
): Issue[] {
  return programRules(program).flatMap(({ path, rule }) =>
    prefixIssues(path, unknownOperatorIssues(rule, operators)).map((issue) => ({
      ...issue,
      message: `${issue.message} ${OPERATORS_HINT}`,
    })),
  );
}
