// A guard on the money paths (STYLE.md: "a JS number never holds an amount"): every .ts file under
// src/money, src/ledger, src/commissions and src/overrides is read with the TypeScript compiler, and each place
// where an amount could become a float fails the test, naming the file and line. Types decide the
// doubtful cases: `.toFixed` is fine on a Decimal, wrong on a number; arithmetic on minor units is
// fine in BigInt and in the branded MinorUnits type; `+` building text is not arithmetic.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MONEY_DIRECTORIES = ['src/money', 'src/ledger', 'src/commissions', 'src/overrides'];
/** Names that say "this is money": a word of the identifier (camelCase or snake_case), or its plural. */
const MONEY_WORDS = new Set([
  'amount',
  'basis',
  'balance',
  'revenue',
  'payable',
  'pending',
  'earned',
  'paid',
]);

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

interface Finding {
  /** Relative to the repository. */
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  /** The offending expression as written. */
  readonly code: string;
}

/**
 * Places the guard accepts, each with its reason: matched by file and the expression's text, so
 * that they survive edits above them. None are needed today.
 */
const ALLOWED: ReadonlyArray<{ readonly file: string; readonly code: string; readonly reason: string }> = [];

const ARITHMETIC = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
]);

function isMoneyName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_]+/)
    .map((word) => word.toLowerCase());
  return words.some(
    (word) => MONEY_WORDS.has(word) || (word.endsWith('s') && MONEY_WORDS.has(word.slice(0, -1))),
  );
}

/** The name an operand is known by: `amount`, `balance.payable`'s `payable`, through parentheses and casts. */
function operandName(node: ts.Expression): string | null {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node))
    return operandName(node.expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return null;
}

const isMoneyOperand = (node: ts.Expression) => {
  const name = operandName(node);
  return name !== null && isMoneyName(name);
};

function mentionsMoney(node: ts.Node): boolean {
  if (ts.isIdentifier(node) && isMoneyName(node.text)) return true;
  return ts.forEachChild(node, (child) => mentionsMoney(child) || undefined) ?? false;
}

/** Whether a value is of the branded MinorUnits type (src/money/minor.ts): `number & { __unit: 'minor' }`. */
function isMinorUnits(checker: ts.TypeChecker, node: ts.Node): boolean {
  return checker.getTypeAtLocation(node).getProperty('__unit') !== undefined;
}

function typeIs(checker: ts.TypeChecker, node: ts.Node, flags: ts.TypeFlags): boolean {
  const type = checker.getTypeAtLocation(node);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((part) => (part.flags & flags) !== 0);
}

/** `parseFloat`, `Number.parseFloat`, `Math.round`, ... for a callee, or null. */
function calleeName(callee: ts.Expression): string | null {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression))
    return `${callee.expression.text}.${callee.name.text}`;
  return null;
}

function callRule(node: ts.CallExpression, checker: ts.TypeChecker): string | null {
  const name = calleeName(node.expression);
  if (name === 'parseFloat' || name === 'Number.parseFloat') return 'parseFloat makes a float';
  if (name === 'Number') return 'Number() makes a float';
  if (name === 'Math.round') return 'Math.round rounds a float';
  if ((name === 'parseInt' || name === 'Number.parseInt') && node.arguments.some(mentionsMoney))
    return 'parseInt on an amount';
  const callee = node.expression;
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'toFixed' &&
    typeIs(checker, callee.expression, ts.TypeFlags.NumberLike)
  )
    return 'toFixed on a number';
  return null;
}

function arithmeticRule(node: ts.BinaryExpression, checker: ts.TypeChecker): string | null {
  const operator = node.operatorToken.kind;
  if (!ARITHMETIC.has(operator)) return null;
  const operands = [node.left, node.right];
  const money = operands.filter(isMoneyOperand);
  if (money.length === 0) return null;
  // Minor units in BigInt are exact, and so are those of the branded MinorUnits type (safe integers).
  if (operands.some((operand) => typeIs(checker, operand, ts.TypeFlags.BigIntLike))) return null;
  if (operands.some((operand) => isMinorUnits(checker, operand))) return null;
  const plus = operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.PlusEqualsToken;
  const other = operands.find((operand) => !isMoneyOperand(operand));
  // An amount written into text, as in `'paid ' + amount`, is not arithmetic.
  if (plus && other && typeIs(checker, other, ts.TypeFlags.StringLike)) return null;
  return `${ts.tokenToString(operator)} on an amount outside decimal.js`;
}

function unaryRule(node: ts.PrefixUnaryExpression, checker: ts.TypeChecker): string | null {
  if (!isMoneyOperand(node.operand)) return null;
  if (node.operator === ts.SyntaxKind.PlusToken) return 'unary + makes an amount a float';
  if (node.operator === ts.SyntaxKind.MinusToken && !typeIs(checker, node.operand, ts.TypeFlags.BigIntLike))
    return 'unary - on an amount outside decimal.js';
  return null;
}

function ruleFor(node: ts.Node, checker: ts.TypeChecker): string | null {
  if (ts.isCallExpression(node)) return callRule(node, checker);
  if (ts.isBinaryExpression(node)) return arithmeticRule(node, checker);
  if (ts.isPrefixUnaryExpression(node)) return unaryRule(node, checker);
  return null;
}

/** What the guard finds in some files of a program, allowed places left out. */
function findMoneyMisuse(program: ts.Program, files: readonly string[]): Finding[] {
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];
  for (const path of files) {
    const source = program.getSourceFile(path);
    if (!source) throw new Error(`the guard could not read ${path}`);
    const file = relative(ROOT, path).split('\\').join('/');
    const visit = (node: ts.Node): void => {
      const rule = ruleFor(node, checker);
      if (rule !== null) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        findings.push({ file, line, rule, code: node.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return findings.filter(
    (finding) => !ALLOWED.some((place) => place.file === finding.file && place.code === finding.code),
  );
}

/** A program over real files and, for the guard's own tests, files that exist only in memory. */
function createProgram(files: readonly string[], inMemory: ReadonlyMap<string, string>): ts.Program {
  const host = ts.createCompilerHost(OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    const text = inMemory.get(name);
    if (text === undefined) return getSourceFile.call(host, name, language, ...rest);
    return ts.createSourceFile(name, text, language, true);
  };
  host.fileExists = (name) => inMemory.has(name) || fileExists.call(host, name);
  host.readFile = (name) => inMemory.get(name) ?? readFile.call(host, name);
  return ts.createProgram([...files, ...inMemory.keys()], OPTIONS, host);
}

const moneyFiles = MONEY_DIRECTORIES.flatMap((directory) =>
  readdirSync(join(ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => join(ROOT, directory, name)),
).sort();

const BAD_SNIPPET = join(ROOT, 'src/money/guard-bad.snippet.ts');
const GOOD_SNIPPET = join(ROOT, 'src/money/guard-good.snippet.ts');
const snippets = new Map([
  [
    BAD_SNIPPET,
    [
      "import { Decimal } from 'decimal.js';",
      'export function bad(amount: string, rate: number, basis: number, balance: { payable: number }, cents: number) {',
      '  const a = parseFloat(amount);',
      '  const b = Number(amount);',
      '  const c = Number.parseFloat(amount);',
      '  const d = parseInt(amount, 10);',
      '  const e = cents.toFixed(2);',
      '  const f = Math.round(cents);',
      '  const g = rate * basis;',
      '  balance.payable -= 1;',
      '  const h = amount + 1;',
      '  const i = +amount;',
      '  const j = -basis;',
      '  const k = new Decimal(amount).toNumber().toFixed(2);',
      '  return [a, b, c, d, e, f, g, h, i, j, k];',
      '}',
    ].join('\n'),
  ],
  [
    GOOD_SNIPPET,
    [
      "import { Decimal } from 'decimal.js';",
      '// parseFloat(amount), Number(amount) and Math.round(amount) in a comment are fine.',
      'export function good(amount: string, amountMinor: bigint, count: number, label: string, amountCents: number) {',
      "  const text = 'parseFloat(amount) * basis';",
      "  const exact = new Decimal(amount).times('0.22').toFixed(2);",
      '  const minor = amountMinor * 100n - amountMinor;',
      '  const negated = -amountMinor;',
      '  const next = count + 1;',
      '  const words = label + amount;',
      '  const wider = Math.max(count, 2);',
      '  const whole = Number.isInteger(count) && Number.isFinite(count);',
      '  const day = parseInt(label, 10);',
      "  const cents = (amountCents as number & { readonly __unit: 'minor' }) * 22;",
      '  return { text, exact, minor, negated, next, words, wider, whole, day, cents };',
      '}',
    ].join('\n'),
  ],
]);

const program = createProgram(moneyFiles, snippets);
const format = (finding: Finding) => `${finding.file}:${finding.line} ${finding.rule}: ${finding.code}`;

describe('money paths guard', () => {
  it('reads the money directories', () => {
    const names = moneyFiles.map((path) => relative(ROOT, path).split('\\').join('/'));
    expect(names).toContain('src/money/money.ts');
    expect(names).toContain('src/ledger/book.ts');
    expect(names).toContain('src/overrides/slice.ts');
  });

  it('resolves the types the money files import (a guard on unknown types would see nothing)', () => {
    const unresolved = moneyFiles.flatMap((path) =>
      program
        .getSemanticDiagnostics(program.getSourceFile(path))
        .filter((diagnostic) => diagnostic.code === 2307)
        .map(
          (diagnostic) =>
            `${relative(ROOT, path)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
        ),
    );
    expect(unresolved).toEqual([]);
  });

  it('finds no float on a money path in src/money, src/ledger, src/commissions, src/overrides', () => {
    expect(findMoneyMisuse(program, moneyFiles).map(format)).toEqual([]);
  });

  it('finds each kind of misuse, with its line', () => {
    expect(findMoneyMisuse(program, [BAD_SNIPPET]).map((finding) => [finding.line, finding.rule])).toEqual([
      [3, 'parseFloat makes a float'],
      [4, 'Number() makes a float'],
      [5, 'parseFloat makes a float'],
      [6, 'parseInt on an amount'],
      [7, 'toFixed on a number'],
      [8, 'Math.round rounds a float'],
      [9, '* on an amount outside decimal.js'],
      [10, '-= on an amount outside decimal.js'],
      [11, '+ on an amount outside decimal.js'],
      [12, 'unary + makes an amount a float'],
      [13, 'unary - on an amount outside decimal.js'],
      // Only found if decimal.js's types resolve: Decimal#toNumber() returns a number.
      [14, 'toFixed on a number'],
    ]);
  });

  it('names the file and the code', () => {
    expect(format(findMoneyMisuse(program, [BAD_SNIPPET])[0] as Finding)).toBe(
      'src/money/guard-bad.snippet.ts:3 parseFloat makes a float: parseFloat(amount)',
    );
  });

  it('accepts decimal.js, BigInt minor units, counts, text and comments', () => {
    expect(findMoneyMisuse(program, [GOOD_SNIPPET]).map(format)).toEqual([]);
  });
});
