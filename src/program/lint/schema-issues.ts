// Zod's issues as ours: a failed union reports the branch that came closest, or its own message
// when no branch did; an unknown key is reported at the key itself (`tier`, not the root).
import type { z } from 'zod';
import type { Issue } from '../../issues.js';

const ZOD_DEFAULT_UNION_MESSAGE = 'Invalid input';

export function zodIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    if (issue.code === 'invalid_union' && issue.errors.length > 0) return unionIssues(issue, path);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown field ${JSON.stringify(key)} (a misspelt name? program.schema.json lists the fields)`,
        code: 'UNKNOWN_FIELD',
      }));
    }
    return [{ path, message: issue.message, code: 'SCHEMA_INVALID' }];
  });
}

function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: Array<string | number>): Issue[] {
  const sizes = issue.errors.map((branch) => branch.length);
  const fewest = Math.min(...sizes);
  const tied = sizes.filter((size) => size === fewest).length > 1;
  if (tied && issue.message !== ZOD_DEFAULT_UNION_MESSAGE) {
    return [{ path, message: issue.message, code: 'SCHEMA_INVALID' }];
  }
  const closest = issue.errors[sizes.indexOf(fewest)] ?? [];
  return zodIssues(closest.map((inner) => ({ ...inner, path: [...path, ...inner.path] })));
}
