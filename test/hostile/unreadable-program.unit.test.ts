// A programme document built by a host's code may run that code while it is read: a getter or a
// proxy trap that throws. loadProgram, validateProgram (which promises issues, not exceptions),
// lintProgram, createEngine and checkCondition used to let the host's own error escape (or a
// TypeError, for a revoked proxy); each now reports UNREADABLE_VALUE at the value it could not read.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { createEngine } from '../../src/create-engine.js';
import { ProgramError } from '../../src/program/errors.js';
import { lintProgram } from '../../src/program/lint/lint-program.js';
import { loadProgram, type Program, validateProgram } from '../../src/program/load.js';
import { checkCondition } from '../../src/rules/check.js';

const boom = () => {
  throw new Error('the host broke');
};

/** SISO with the first comparison of Active's rule holding a `value` whose getter throws. */
function withThrowingValue(): unknown {
  const document = structuredClone(sisoDocument) as {
    tiers: Array<{ qualify: { all: Array<Record<string, unknown>> } }>;
  };
  const comparison = document.tiers[1]?.qualify.all[0];
  if (comparison) Object.defineProperty(comparison, 'value', { get: boom, enumerable: true });
  return document;
}

function revokedProxy(): unknown {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

const throwingTraps = new Proxy({}, { ownKeys: boom, getOwnPropertyDescriptor: boom, get: boom, has: boom });

describe('a programme document that throws while it is read', () => {
  it('gets one issue at the value whose getter threw, from validateProgram', () => {
    const result = validateProgram(withThrowingValue());
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: ['tiers', 1, 'qualify', 'all', 0, 'value'],
          message: 'could not be read: reading it threw an error',
          code: 'UNREADABLE_VALUE',
        },
      ],
    });
  });

  it.each([
    ['a getter that throws', withThrowingValue(), 'tiers[1].qualify.all[0].value'],
    ['a proxy whose traps throw', throwingTraps, '(root)'],
    ['a revoked proxy', revokedProxy(), '(root)'],
  ])('with %s is refused by loadProgram, lintProgram and createEngine', (_, document, path) => {
    expect(() => loadProgram(document)).toThrow(ProgramError);
    const report = lintProgram(document);
    expect(report.valid).toBe(false);
    expect(report.findings.map((found) => [found.code, found.path])).toEqual([['UNREADABLE_VALUE', path]]);
    let error: unknown;
    try {
      createEngine(document as Program);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ProgramError);
    expect((error as ProgramError).issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('is reported by checkCondition too', () => {
    const rule = { all: [Object.defineProperty({}, 'fact', { get: boom, enumerable: true })] };
    expect(checkCondition(rule, { facts: new Set(['countedDeals']) })).toEqual([
      {
        path: ['all', 0, 'fact'],
        message: 'could not be read: reading it threw an error',
        code: 'UNREADABLE_VALUE',
      },
    ]);
  });
});
