export { LINT_CODES, type LintCode, type LintFinding, type LintSeverity } from './findings.js';
export { type LintOptions, type LintReport, lintProgram } from './lint-program.js';
