// Every stage a programme document goes through, each run on whatever the stages before it left
// usable: the nesting limits, the zod schema, the cross-field checks of every part that parsed,
// the rule checks of every rule found where a rule belongs, and the linter's analyses. So a bad
// baseRate no longer hides an unknown fact: one report has them all.
import { formatPath, type Issue, type JsonPath } from '../../issues.js';
import { conditionSchema, type ReadonlyCondition } from '../../rules/condition.js';
import { nestingIssue } from '../../rules/nesting.js';
import type { OperatorFunction } from '../../rules/operators.js';
import { REFERENCE_CHECKS } from '../references.js';
import { checkProgramRules, programRules } from '../rules.js';
import { type ProgramDocument, programSchema } from '../schema.js';
import type { LeafContext } from './comparison.js';
import { featureFindings } from './feature-findings.js';
import { finding, LINT_CODES, type LintCode, type RawFinding } from './findings.js';
import { type AnalysedRule, analyseRule, type RuleMeaning, ruleFindings } from './rule-findings.js';
import { zodIssues } from './schema-issues.js';
import { qualifyFindings, reachFindings, type TierInfo, type TierLadder } from './tier-findings.js';

export interface Analysis {
  readonly findings: readonly RawFinding[];
  /** The parsed document, when the schema accepted it. */
  readonly document?: ProgramDocument;
}

type Fields = Partial<ProgramDocument>;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function codeOf(issue: Issue, fallback: LintCode): LintCode {
  return issue.code !== undefined && Object.hasOwn(LINT_CODES, issue.code)
    ? (issue.code as LintCode)
    : fallback;
}

const asError = (issue: Issue, fallback: LintCode): RawFinding =>
  finding('error', codeOf(issue, fallback), issue.path, issue.message, issue.suggestion);

// The top-level fields that parse on their own, for the checks that read only those.
function parsedFields(input: unknown): Fields {
  if (!isRecord(input)) return {};
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(programSchema.shape)) {
    const parsed = schema.safeParse(input[key]);
    if (parsed.success) fields[key] = parsed.data;
  }
  return fields as Fields;
}

function referenceFindings(fields: Fields): RawFinding[] {
  const available = (key: keyof ProgramDocument) => Object.hasOwn(fields, key);
  return REFERENCE_CHECKS.filter(({ reads }) => reads.every(available)).flatMap(({ check }) =>
    check(fields as ProgramDocument).map((issue) => asError(issue, 'SCHEMA_INVALID')),
  );
}

/**
 * Every finding about a programme document, errors and warnings, from every stage that can run.
 * `document` is set when the schema accepted it (the findings may still hold errors).
 */
export function analyseProgram(
  input: unknown,
  operators: Readonly<Record<string, OperatorFunction>>,
): Analysis {
  // Before the schema: zod's parse recurses, and a rule nested thousands deep would overflow it.
  const tooDeep = nestingIssue(input);
  if (tooDeep !== undefined) return { findings: [asError(tooDeep, 'NESTING_TOO_DEEP')] };
  const parsed = programSchema.safeParse(input);
  const schema = parsed.success
    ? []
    : zodIssues(parsed.error.issues).map((issue) => asError(issue, 'SCHEMA_INVALID'));
  const fields: Fields = parsed.success ? parsed.data : parsedFields(input);
  const rules = checkProgramRules(parsed.success ? parsed.data : input, operators)
    .map((issue) => asError(issue, 'RULE_SHAPE'))
    .filter((found) => !reportedBySchema(found, schema));
  const findings = [
    ...schema,
    ...referenceFindings(fields),
    ...rules,
    ...lintFindings(parsed.success ? parsed.data : input, operators),
  ];
  return parsed.success ? { findings, document: parsed.data } : { findings };
}

const within = (path: JsonPath, prefix: JsonPath) =>
  prefix.length <= path.length && prefix.every((key, index) => path[index] === key);

// The schema stage saw the rule's shape too: the same issue, or (for an unknown key, which it
// reports at the key) one inside the same comparison.
function reportedBySchema(found: RawFinding, schema: readonly RawFinding[]): boolean {
  return schema.some(
    (other) =>
      (formatPath(other.path) === formatPath(found.path) && other.message === found.message) ||
      (found.code === 'RULE_SHAPE' && within(other.path, found.path)),
  );
}

function idsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
}

function leafContext(document: unknown, operators: Readonly<Record<string, OperatorFunction>>): LeafContext {
  const raw = isRecord(document) ? document : {};
  return {
    tierIds: idsOf(raw.tiers),
    badgeIds: idsOf(raw.badges),
    featureIds: idsOf(raw.features),
    operators,
  };
}

const MEANINGS: Readonly<Record<string, RuleMeaning>> = {
  maintain: {
    never:
      'every partner holding this tier fails every review, and is demoted once its grace reviews run out',
    always: 'no partner ever fails this review (leave maintain out if that is meant)',
  },
  eligibility: {
    never: 'no upline ever earns this override level',
    always: 'every upline passes this gate (leave eligibility out if that is meant)',
  },
  when: {
    never: 'it is never awarded or reached',
    always: 'every partner gets it with its first event',
  },
};

function analysedRules(document: unknown, context: LeafContext): Map<string, AnalysedRule> {
  const analysed = new Map<string, AnalysedRule>();
  for (const { path, rule } of programRules(document)) {
    const parsed = conditionSchema.safeParse(rule);
    if (parsed.success)
      analysed.set(JSON.stringify(path), analyseRule(parsed.data as ReadonlyCondition, path, context));
  }
  return analysed;
}

function hasLevels(document: unknown, path: JsonPath): boolean {
  if (path[0] !== 'badges' || path.length !== 3 || !isRecord(document) || !Array.isArray(document.badges))
    return false;
  const badge: unknown = document.badges[path[1] as number];
  return isRecord(badge) && Array.isArray(badge.levels) && badge.levels.length > 0;
}

function lintFindings(
  document: unknown,
  operators: Readonly<Record<string, OperatorFunction>>,
): RawFinding[] {
  const context = leafContext(document, operators);
  const analysed = analysedRules(document, context);
  const findings: RawFinding[] = [];
  for (const rule of analysed.values()) {
    const kind = String(rule.path[rule.path.length - 1]);
    if (kind === 'qualify') {
      const tierId =
        rule.path[0] === 'tiers' ? (context.tierIds[rule.path[1] as number] ?? '') : String(rule.path[3]);
      findings.push(...qualifyFindings(rule, context.tierIds.indexOf(tierId), tierId));
    } else {
      findings.push(...ruleFindings(rule, hasLevels(document, rule.path) ? undefined : MEANINGS[kind]));
    }
  }
  const raw = isRecord(document) ? document : {};
  const tiers = tierInfos(raw.tiers);
  if (tiers !== undefined) {
    findings.push(...reachFindings(ladders(raw, tiers, analysed), tiers));
    if (Array.isArray(raw.features))
      findings.push(...featureFindings(tiers, raw.features, raw.customTermsUnlock));
  }
  return findings;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

// The tiers as far as the linter needs them, when the list is a list of objects with string ids.
function tierInfos(value: unknown): TierInfo[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tiers = value.map((tier) =>
    isRecord(tier) && typeof tier.id === 'string'
      ? { id: tier.id, unlocks: strings(tier.unlocks) }
      : undefined,
  );
  return tiers.every((tier) => tier !== undefined) ? (tiers as TierInfo[]) : undefined;
}

// The qualify rules in force under the base document and under each version, tier by tier.
function ladders(
  document: Readonly<Record<string, unknown>>,
  tiers: readonly TierInfo[],
  analysed: ReadonlyMap<string, AnalysedRule>,
): TierLadder[] {
  let qualify = tiers.map((_, index) => analysed.get(JSON.stringify(['tiers', index, 'qualify'])) ?? null);
  const label = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  const result: TierLadder[] = [{ version: label(document.version, 'the base document'), qualify }];
  const versions = Array.isArray(document.versions) ? document.versions : [];
  versions.forEach((version: unknown, versionIndex) => {
    const changes = isRecord(version) && isRecord(version.tiers) ? version.tiers : {};
    qualify = qualify.map((rule, index) => {
      const id = tiers[index]?.id ?? '';
      const change = Object.hasOwn(changes, id) ? changes[id] : undefined;
      if (!isRecord(change) || change.qualify === undefined) return rule;
      return analysed.get(JSON.stringify(['versions', versionIndex, 'tiers', id, 'qualify'])) ?? null;
    });
    result.push({
      version: label(isRecord(version) ? version.version : undefined, `versions[${versionIndex}]`),
      qualify,
    });
  });
  return result;
}
