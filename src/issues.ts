// Problems as values: every rejected programme, rule or event is described by issues, each with a
// JSON path into the input and a message a person understands. Only the public boundary throws.

/** A path into a JSON document: object keys and array indexes, outermost first. */
export type JsonPath = ReadonlyArray<string | number>;

/** One thing wrong with an input, located by its path. */
export interface Issue {
  /** Where, as keys and indexes: `['tiers', 1, 'qualify']`. */
  readonly path: JsonPath;
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** A stable code for the kind of problem, such as `UNKNOWN_FACT` (see docs/programme-linter.md). */
  readonly code?: string;
  /** A likely fix, such as `did you mean "countedDeals"?`. */
  readonly suggestion?: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Formats a path the way people write it in JavaScript.
 *
 * @example
 * formatPath(['tiers', 2, 'qualify', 'all', 0, 'operator'])
 * //=> 'tiers[2].qualify.all[0].operator'
 * formatPath(['tiers', 0, 'unlocks', 'odd key'])
 * //=> 'tiers[0].unlocks["odd key"]'
 */
export function formatPath(path: JsonPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(root)' : text;
}

/** Puts `prefix` in front of every issue's path, for issues found inside a nested value. */
export function prefixIssues(prefix: JsonPath, issues: readonly Issue[]): Issue[] {
  return issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] }));
}
