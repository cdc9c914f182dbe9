// The one error a programme can raise: INVALID_PROGRAM with every issue found, each located by
// a JSON path into the document, so an author can fix them all in one pass.
import { formatPath, type Issue, type JsonPath } from '../issues.js';

/** One problem in a programme document. */
export interface ProgramIssue {
  /** Where, as people write it: `tiers[2].qualify.all[0].operator`. */
  readonly path: string;
  /** The same place as keys and indexes. */
  readonly segments: JsonPath;
  /** What is wrong, in a sentence. */
  readonly message: string;
  /** The kind of problem, such as `UNKNOWN_FACT` or `TYPE_MISMATCH` (docs/programme-linter.md). */
  readonly code?: string;
  /** A likely fix, such as `did you mean "countedDeals"?`. */
  readonly suggestion?: string;
}

/**
 * Thrown by `loadProgram` at the public boundary; `issues` lists every problem found.
 *
 * @example
 * try {
 *   loadProgram({ ...sisoProgram, tiers: [] });
 * } catch (error) {
 *   if (error instanceof ProgramError) error.issues[0];
 *   //=> { path: 'tiers', segments: ['tiers'], message: 'a programme needs at least one tier', … }
 * }
 */
export class ProgramError extends Error {
  /** Always `INVALID_PROGRAM`. */
  readonly code = 'INVALID_PROGRAM' as const;
  /** Every problem found, each with its path. */
  readonly issues: readonly ProgramIssue[];

  constructor(issues: readonly Issue[]) {
    const located = issues.map(
      (issue): ProgramIssue => ({
        path: formatPath(issue.path),
        segments: issue.path,
        message: issue.message,
        ...(issue.code === undefined ? {} : { code: issue.code }),
        ...(issue.suggestion === undefined ? {} : { suggestion: issue.suggestion }),
      }),
    );
    const first = located[0];
    const summary = first ? `${first.path}: ${first.message}` : 'invalid programme';
    const more = located.length > 1 ? ` (and ${located.length - 1} more)` : '';
    super(`INVALID_PROGRAM: ${summary}${more}`);
    this.name = 'ProgramError';
    this.issues = located;
  }
}
