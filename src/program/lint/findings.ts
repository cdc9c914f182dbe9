// What the linter reports: a finding with a severity, a stable code, where it is and what to do.
// Errors are certain (the programme cannot do what it says there); warnings are very likely
// mistakes that leave the programme able to run as written.
import type { JsonPath } from '../../issues.js';

/**
 * How sure a finding is: an error means the programme cannot do what it says there; a warning is a very
 * likely mistake that leaves it able to run as written.
 */
export type LintSeverity = 'error' | 'warning';

/** Every code a finding can carry, with what it means (docs/programme-linter.md has examples). */
export const LINT_CODES = {
  // The document's shape and cross-references (always errors; loadProgram refuses them).
  /** Rules or objects nest deeper than the limits. */
  NESTING_TOO_DEEP: 'rules or objects nest deeper than the limits',
  /** A value a getter or proxy of the host threw on while the document was read. */
  UNREADABLE_VALUE: 'a value a getter or proxy of the host threw on while the document was read',
  /** A field has the wrong type, format or range, or is missing. */
  SCHEMA_INVALID: 'a field has the wrong type, format or range, or is missing',
  /** A key the schema does not know (a misspelt field name?). */
  UNKNOWN_FIELD: 'a key the schema does not know (a misspelt field name?)',
  /** An id (tier, feature, badge, leaderboard, milestone, version) used twice. */
  DUPLICATE_ID: 'an id (tier, feature, badge, leaderboard, milestone, version) used twice',
  /** Tier ranks are not 1, 2, 3… in list order. */
  RANK_ORDER: 'tier ranks are not 1, 2, 3… in list order',
  /** A maintain rule on the first tier, which cannot be lost. */
  ENTRY_TIER_MAINTAIN: 'a maintain rule on the first tier, which cannot be lost',
  /** An unlock or customTermsUnlock naming a feature the programme does not declare. */
  UNKNOWN_FEATURE: 'an unlock or customTermsUnlock naming a feature the programme does not declare',
  /** A feature unlocked by two tiers. */
  FEATURE_UNLOCKED_TWICE: 'a feature unlocked by two tiers',
  /** An amount with more decimal places than the currency has. */
  AMOUNT_PLACES: 'an amount with more decimal places than the currency has',
  /** An override cap of zero. */
  ZERO_CAP: 'an override cap of zero',
  /** A time zone that is not an IANA zone. */
  UNKNOWN_TIME_ZONE: 'a time zone that is not an IANA zone',
  /** Override levels not numbered 1, 2, 3… */
  OVERRIDE_LEVEL_ORDER: 'override levels not numbered 1, 2, 3…',
  /** A minTier or version amendment naming a tier that does not exist. */
  UNKNOWN_TIER: 'a minTier or version amendment naming a tier that does not exist',
  /** A version reusing the base document’s label. */
  VERSION_LABEL: 'a version reusing the base document’s label',
  /** Versions not in increasing effectiveFrom order. */
  VERSION_ORDER: 'versions not in increasing effectiveFrom order',
  /** A version effectiveFrom more precise than a millisecond or outside the supported range. */
  VERSION_INSTANT: 'a version effectiveFrom more precise than a millisecond or outside the supported range',
  /** A rule that is not a json-rules-engine condition. */
  RULE_SHAPE: 'a rule that is not a json-rules-engine condition',
  /** A rule naming a fact that is not in the catalogue. */
  UNKNOWN_FACT: 'a rule naming a fact that is not in the catalogue',
  /** A rule naming an operator or decorator that does not exist. */
  UNKNOWN_OPERATOR: 'a rule naming an operator or decorator that does not exist',
  /** A reference to a named condition that is not defined. */
  UNKNOWN_CONDITION: 'a reference to a named condition that is not defined',
  /** A path outside the plain JSONPath subset (filters, scripts, …). */
  PATH_REFUSED: 'a path outside the plain JSONPath subset (filters, scripts, …)',
  /** In/notIn or someValue/everyValue with a value they cannot search. */
  VALUE_NOT_SEARCHABLE: 'in/notIn or someValue/everyValue with a value they cannot search',
  // What the rules can do (errors when a part of the programme can never work).
  /** A path that is not well-formed JSONPath (jsonpath-plus would read something else). */
  PATH_UNPARSABLE: 'a path that is not well-formed JSONPath (jsonpath-plus would read something else)',
  /** A comparison whose value cannot match the fact’s type. */
  TYPE_MISMATCH: 'a comparison whose value cannot match the fact’s type',
  /** A rule naming a tier, badge or feature id that does not exist. */
  UNKNOWN_ID: 'a rule naming a tier, badge or feature id that does not exist',
  /** A number written as a string (or other value) that JavaScript turns into a number. */
  VALUE_COERCED: 'a number written as a string (or other value) that JavaScript turns into a number',
  /** A path on a fact that is not an object (json-rules-engine ignores it). */
  PATH_IGNORED: 'a path on a fact that is not an object (json-rules-engine ignores it)',
  /** A comparison that never holds, inside a rule that still can. */
  CONDITION_NEVER_HOLDS: 'a comparison that never holds, inside a rule that still can',
  /** A comparison that always holds, inside a rule that still can fail. */
  CONDITION_ALWAYS_HOLDS: 'a comparison that always holds, inside a rule that still can fail',
  /** A maintain, eligibility, badge or milestone rule no moment can satisfy. */
  RULE_NEVER_HOLDS: 'a maintain, eligibility, badge or milestone rule no moment can satisfy',
  /** A rule that holds whatever the facts. */
  RULE_ALWAYS_HOLDS: 'a rule that holds whatever the facts',
  /** A tier no stream of events can reach. */
  TIER_UNREACHABLE: 'a tier no stream of events can reach',
  /** A qualify rule on the entry tier, which only holds back promotions. */
  ENTRY_TIER_QUALIFY: 'a qualify rule on the entry tier, which only holds back promotions',
  /** A feature no tier unlocks. */
  FEATURE_NEVER_UNLOCKED: 'a feature no tier unlocks',
} as const;

/** A linter finding's code: a key of `LINT_CODES`. */
export type LintCode = keyof typeof LINT_CODES;

/**
 * The errors about what a rule can do: the programme still runs as written (a tier nobody
 * reaches, a comparison that never holds), so an engine can be made of it to show it, while
 * `loadProgram` refuses it. Every other error means the engine cannot run the document.
 */
export const RUNNABLE_LINT_CODES: ReadonlySet<LintCode> = new Set<LintCode>([
  'PATH_UNPARSABLE',
  'TYPE_MISMATCH',
  'UNKNOWN_ID',
  'VALUE_COERCED',
  'PATH_IGNORED',
  'CONDITION_NEVER_HOLDS',
  'CONDITION_ALWAYS_HOLDS',
  'RULE_NEVER_HOLDS',
  'RULE_ALWAYS_HOLDS',
  'TIER_UNREACHABLE',
  'ENTRY_TIER_QUALIFY',
  'FEATURE_NEVER_UNLOCKED',
]);

/** One thing the linter found, at a place in the document. */
export interface LintFinding {
  /** Error or warning. */
  readonly severity: LintSeverity;
  /** The finding's stable code, one of `LINT_CODES`. */
  readonly code: LintCode;
  /** Where, as people write it: `tiers[1].qualify.all[0].value`. */
  readonly path: string;
  /** The same place as keys and indexes. */
  readonly segments: JsonPath;
  /** What is wrong, in words. */
  readonly message: string;
  /** A likely fix: `did you mean "countedDeals"?`, `write 3`. */
  readonly suggestion?: string;
}

/** A finding before its path is formatted (what the analyses produce). */
export interface RawFinding {
  readonly severity: LintSeverity;
  readonly code: LintCode;
  readonly path: JsonPath;
  readonly message: string;
  readonly suggestion?: string | undefined;
}

export function finding(
  severity: LintSeverity,
  code: LintCode,
  path: JsonPath,
  message: string,
  suggestion?: string,
): RawFinding {
  return suggestion === undefined
    ? { severity, code, path, message }
    : { severity, code, path, message, suggestion };
}
