// Every rule in a programme checked against the fact catalogue and the operators it may use, so
// an unknown fact or operator is found when the programme loads, never while events are applied.
import { FACT_NAMES } from '../facts/catalogue.js';
import { type Issue, type JsonPath, prefixIssues } from '../issues.js';
import { checkCondition, unknownOperatorIssues } from '../rules/check.js';
import type { OperatorFunction } from '../rules/operators.js';
import type { ProgramDocument } from './schema.js';

/** Each rule of the programme with the path where it is written. */
export function programRules(program: ProgramDocument): Array<{ path: JsonPath; rule: unknown }> {
  const rules: Array<{ path: JsonPath; rule: unknown }> = [];
  const add = (path: JsonPath, rule: unknown) => {
    if (rule !== undefined) rules.push({ path, rule });
  };
  program.tiers.forEach((tier, index) => {
    add(['tiers', index, 'qualify'], tier.qualify);
    add(['tiers', index, 'maintain'], tier.maintain);
  });
  program.overrides?.levels.forEach((level, index) => {
    add(['overrides', 'levels', index, 'eligibility'], level.eligibility);
  });
  program.badges.forEach((badge, index) => {
    if ('when' in badge) add(['badges', index, 'when'], badge.when);
    if ('levels' in badge) {
      badge.levels?.forEach((level, levelIndex) => {
        add(['badges', index, 'levels', levelIndex, 'when'], level.when);
      });
    }
  });
  program.milestones.forEach((milestone, index) => {
    add(['milestones', index, 'when'], milestone.when);
  });
  program.versions.forEach((version, index) => {
    for (const [tierId, amendment] of Object.entries(version.tiers ?? {})) {
      add(['versions', index, 'tiers', tierId, 'qualify'], amendment.qualify);
      add(['versions', index, 'tiers', tierId, 'maintain'], amendment.maintain);
    }
    version.overrides?.levels.forEach((level, levelIndex) => {
      add(['versions', index, 'overrides', 'levels', levelIndex, 'eligibility'], level.eligibility);
    });
  });
  return rules;
}

export function checkProgramRules(
  program: ProgramDocument,
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
