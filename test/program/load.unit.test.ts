// loadProgram and validateProgram: a programme comes back deep-frozen without touching the
// caller's document, and every kind of bad programme is refused with INVALID_PROGRAM, the exact
// path of each problem and a message a person can act on. (SISO's numbers: siso.unit.test.ts.)
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it, vi } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { FACTS } from '../../src/facts/catalogue.js';
import type { JsonPath } from '../../src/issues.js';
import { ProgramError, type ProgramIssue } from '../../src/program/errors.js';
import {
  type LoadProgramOptions,
  loadProgram,
  programOperators,
  validateProgram,
} from '../../src/program/load.js';

type Edit = readonly [path: JsonPath, value: unknown];

/** A fresh copy of siso.json with each edit applied: a value set at a path (undefined deletes). */
function edited(...edits: readonly Edit[]): Record<string, unknown> {
  const document = structuredClone(sisoDocument) as Record<string, unknown>;
  for (const [path, value] of edits) {
    const parent = path
      .slice(0, -1)
      .reduce<Record<string, unknown>>((node, key) => node[String(key)] as Record<string, unknown>, document);
    const last = String(path[path.length - 1]);
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  return document;
}

/** The issues of a programme loadProgram must refuse, checking the error is INVALID_PROGRAM. */
function refused(document: unknown, options?: LoadProgramOptions): readonly ProgramIssue[] {
  try {
    loadProgram(document, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramError);
    expect((error as ProgramError).code).toBe('INVALID_PROGRAM');
    return (error as ProgramError).issues;
  }
  throw new Error('expected loadProgram to throw INVALID_PROGRAM');
}

/** The one issue of a programme with one problem. */
function onlyIssue(...edits: readonly Edit[]): ProgramIssue {
  const issues = refused(edited(...edits));
  expect(issues.map((issue) => issue.path)).toHaveLength(1);
  return issues[0] as ProgramIssue;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

const atLeast = (fact: string, value: number) => ({ fact, operator: 'greaterThanInclusive', value });

describe('loadProgram with the SISO document', () => {
  it('returns the document as written: JSON.stringify gives it back', () => {
    const program = loadProgram(structuredClone(sisoDocument));
    expect(JSON.parse(JSON.stringify(program))).toEqual(sisoDocument);
  });

  it('returns a deep-frozen programme: every nested object and array is frozen', () => {
    const program = loadProgram(structuredClone(sisoDocument));
    expect(isDeepFrozen(program)).toBe(true);
    const tier = program.tiers[1] as { baseRate: string };
    // ES modules run in strict mode, where writing to a frozen object throws.
    expect(() => {
      tier.baseRate = '0.99';
    }).toThrow(TypeError);
    expect(() => (program.tiers as unknown as unknown[]).push({})).toThrow(TypeError);
    expect(() => (program.tiers[1]!.unlocks as string[]).pop()).toThrow(TypeError);
    expect(program.tiers[1]?.baseRate).toBe('0.22');
  });

  it('does not mutate or freeze the document it is given, rule constants included', () => {
    const modules = ['certification', 'advanced'];
    const document = edited([
      ['tiers', 1, 'qualify', 'all', 2],
      { fact: 'trainingsCompleted', operator: 'someFact:in', value: modules },
    ]);
    const before = structuredClone(document);
    loadProgram(document);
    expect(document).toEqual(before);
    expect(Object.isFrozen(document)).toBe(false);
    expect(Object.isFrozen(document.tiers)).toBe(false);
    expect(Object.isFrozen(modules)).toBe(false);
  });
});

describe('loadProgram refuses a bad programme with INVALID_PROGRAM, a path and a message', () => {
  it('an unknown operator, naming the valid ones', () => {
    const issue = onlyIssue([['tiers', 2, 'qualify', 'all', 0, 'operator'], 'atLeast']);
    expect(issue.path).toBe('tiers[2].qualify.all[0].operator');
    expect(issue.segments).toEqual(['tiers', 2, 'qualify', 'all', 0, 'operator']);
    expect(issue.message).toContain('unknown operator "atLeast"');
    expect(issue.message).toContain('"greaterThanInclusive"');
    expect(issue.message).toContain('"contains"');
  });

  it('an unknown fact, listing every known fact', () => {
    const issue = onlyIssue([['tiers', 2, 'qualify', 'all', 0, 'fact'], 'deals']);
    expect(issue.path).toBe('tiers[2].qualify.all[0].fact');
    expect(issue.message).toContain('unknown fact "deals"');
    for (const fact of FACTS) expect(issue.message).toContain(`"${fact.name}"`);
  });

  it('a rate above 1', () => {
    const issue = onlyIssue([['tiers', 0, 'baseRate'], '1.5']);
    expect(issue.path).toBe('tiers[0].baseRate');
    expect(issue.message).toContain('between "0" and "1"');
  });

  it('a rate given as a JSON number rather than a decimal string', () => {
    const issue = onlyIssue([['tiers', 0, 'baseRate'], 0.2]);
    expect(issue.path).toBe('tiers[0].baseRate');
    expect(issue.message).toContain('decimal string');
  });

  it('a negative capacity', () => {
    const issue = onlyIssue([['tiers', 3, 'capacity'], -5]);
    expect(issue.path).toBe('tiers[3].capacity');
    expect(issue.message).toContain('at least 1');
  });

  it('two tiers with the same id', () => {
    const issue = onlyIssue([['tiers', 1, 'id'], 'starter']);
    expect(issue.path).toBe('tiers[1].id');
    expect(issue.message).toContain('"starter" is already used');
  });

  it('ranks out of order, at each misplaced tier', () => {
    const issues = refused(edited([['tiers', 2, 'rank'], 4], [['tiers', 3, 'rank'], 3]));
    expect(issues.map((issue) => issue.path)).toEqual(['tiers[2].rank', 'tiers[3].rank']);
    expect(issues[0]?.message).toContain('must have rank 3, not 4');
  });

  it('an unlock that is not a feature', () => {
    const issue = onlyIssue([['tiers', 0, 'unlocks', 6], 'jetpack']);
    expect(issue.path).toBe('tiers[0].unlocks[6]');
    expect(issue.message).toContain("not in the programme's features");
  });

  it('a feature unlocked by two tiers', () => {
    const issue = onlyIssue([['tiers', 1, 'unlocks', 13], 'dashboard']);
    expect(issue.path).toBe('tiers[1].unlocks[13]');
    expect(issue.message).toContain('already unlocked by tier "starter"');
  });

  it('a time zone that does not exist', () => {
    const issue = onlyIssue([['timeZone'], 'Mars/Olympus']);
    expect(issue.path).toBe('timeZone');
    expect(issue.message).toContain('"Mars/Olympus" is not an IANA time zone');
  });

  it('a minimum payout with more places than the currency has', () => {
    const issue = onlyIssue([['payouts', 'minimum'], '50.000']);
    expect(issue.path).toBe('payouts.minimum');
    expect(issue.message).toContain('3 decimal places; USD allows 2');
  });

  it('override levels with a gap (1, 3)', () => {
    const issue = onlyIssue([['overrides', 'levels', 1], { level: 3, rate: '0.05', minTier: 'elite' }]);
    expect(issue.path).toBe('overrides.levels[1].level');
    expect(issue.message).toContain('contiguously from 1');
  });

  it('an override minTier that is not a tier', () => {
    const issue = onlyIssue([['overrides', 'levels', 0, 'minTier'], 'platinum']);
    expect(issue.path).toBe('overrides.levels[0].minTier');
    expect(issue.message).toContain('"platinum" is not a tier');
  });

  it('versions out of date order', () => {
    const issue = onlyIssue([
      ['versions'],
      [
        { version: '2025.3', effectiveFrom: '2025-10-01T00:00:00Z', holdPeriodDays: 14 },
        { version: '2025.2', effectiveFrom: '2025-07-01T00:00:00Z', holdPeriodDays: 21 },
      ],
    ]);
    expect(issue.path).toBe('versions[1].effectiveFrom');
    expect(issue.message).toContain('increasing effectiveFrom');
  });

  it('a version amending a tier the programme does not have', () => {
    const issue = onlyIssue([
      ['versions'],
      [{ version: '2025.2', effectiveFrom: '2025-07-01T00:00:00Z', tiers: { gold: { baseRate: '0.40' } } }],
    ]);
    expect(issue.path).toBe('versions[0].tiers.gold');
    expect(issue.message).toContain('"gold" is not a tier');
  });

  it('a version reusing the base document version label', () => {
    const issue = onlyIssue([['versions'], [{ version: '2025.1', effectiveFrom: '2025-07-01T00:00:00Z' }]]);
    expect(issue.path).toBe('versions[0].version');
    expect(issue.message).toContain('its own label');
  });

  it('a maintain rule on the first tier, which the engine could never apply', () => {
    const rule = { all: [atLeast('reviewPeriodDeals', 1)] };
    const issue = onlyIssue([['tiers', 0, 'maintain'], rule]);
    expect(issue.path).toBe('tiers[0].maintain');
    expect(issue.message).toContain('first tier cannot be lost');
    const amended = onlyIssue([
      ['versions'],
      [{ version: '2025.2', effectiveFrom: '2025-07-01T00:00:00Z', tiers: { starter: { maintain: rule } } }],
    ]);
    expect(amended.path).toBe('versions[0].tiers.starter.maintain');
  });

  it('an unknown top-level key (a typo such as "tier"), at the key itself', () => {
    const issue = onlyIssue([['tier'], []]);
    expect(issue.path).toBe('tier');
    expect(issue.message).toContain('unknown field "tier"');
  });

  it('a badge with neither "when" nor "leaderboard"', () => {
    const issue = onlyIssue([['badges', 5], { id: 'mystery', name: 'Mystery' }]);
    expect(issue.path).toBe('badges[5]');
    expect(issue.message).toContain('"when"');
    expect(issue.message).toContain('"leaderboard"');
  });

  it('reports a mistake inside a badge at the field, not as "no form matched"', () => {
    const issue = onlyIssue([['badges', 0, 'when', 'all', 0, 'value'], { fact: 'countedDeal' }]);
    expect(issue.path).toBe('badges[0].when.all[0].value.fact');
    expect(issue.message).toContain('unknown fact "countedDeal"');
  });

  it('reports every shape problem at once', () => {
    const issues = refused(
      edited([['tiers', 0, 'baseRate'], '1.5'], [['tiers', 3, 'capacity'], 0], [['tier'], []]),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'tier',
      'tiers[0].baseRate',
      'tiers[3].capacity',
    ]);
  });

  it('reports every cross-field and rule problem at once, and says how many in the error', () => {
    const document = edited(
      [['tiers', 1, 'id'], 'starter'],
      [['timeZone'], 'Mars/Olympus'],
      [['tiers', 2, 'qualify', 'all', 0, 'fact'], 'deals'],
    );
    const issues = refused(document);
    expect(issues.map((issue) => issue.path)).toEqual([
      'tiers[1].id',
      'timeZone',
      'tiers[2].qualify.all[0].fact',
    ]);
    expect(() => loadProgram(document)).toThrow(/^INVALID_PROGRAM: tiers\[1\]\.id: .* \(and 2 more\)$/);
  });
});

describe('validateProgram', () => {
  it('returns the issues, with paths as segments, instead of throwing', () => {
    const result = validateProgram(
      edited([['timeZone'], 'Mars/Olympus'], [['payouts', 'minimum'], '50.000']),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.path)).toEqual([['payouts', 'minimum'], ['timeZone']]);
  });

  it('returns the frozen programme when the document is sound', () => {
    const result = validateProgram(structuredClone(sisoDocument));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.program.tiers[3]?.capacity).toBe(20);
  });

  it('refuses something that is not a programme at all', () => {
    const result = validateProgram('siso.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toEqual([]);
  });
});

describe('loadProgram refuses paths jsonpath-plus would run as code', () => {
  // Payloads of the kind of CVE-2024-21534 and CVE-2025-1302, a filter that writes into the
  // trainings it reads (it once awarded a badge nobody earned), and a regex literal that
  // backtracks for minutes. Each is refused where it is written, before any event is applied.
  const payloads = [
    "$[?(@.constructor.constructor('return process')().exit())]",
    `$..[?(p="console.log(this.process)";a=''[['constructor']][['constructor']](p);a())]`,
    "$[?(@.length>0 && @root.push('x'))]",
    '$[?(/^(a+)+$/.test(@))]',
    '$[(@.length-1)]',
  ];

  it.each(payloads)('%s, at the path where it is written, without running it', (payload) => {
    // jsonpath-plus runs filters and scripts through _eval: it is never called.
    const evaluate = vi.spyOn(JSONPath.prototype as unknown as { _eval: () => unknown }, '_eval');
    const issue = onlyIssue([['tiers', 1, 'qualify', 'all', 0, 'path'], payload]);
    expect(evaluate).not.toHaveBeenCalled();
    evaluate.mockRestore();
    expect(issue.path).toBe('tiers[1].qualify.all[0].path');
    expect(issue.message).toMatch(
      /^".*" has ".*", a (filter|script) expression jsonpath-plus would run as code; a path may use names/,
    );
  });

  it('in a fact reference of a badge, too', () => {
    const issue = onlyIssue([
      ['badges', 0, 'when', 'all', 0, 'value'],
      { fact: 'trainingsCompleted', path: "$[?(@.length>0 && @root.push('x'))]" },
    ]);
    expect(issue.path).toBe('badges[0].when.all[0].value.path');
  });

  it('but keeps the plain subset: names, indexes, wildcards, one recursive descent, slices', () => {
    for (const path of ['$.active', "$['gold']", '$[0]', '$[*]', '$..amount', '$[0:2]']) {
      expect(
        () => loadProgram(edited([['tiers', 1, 'qualify', 'all', 0, 'path'], path])),
        path,
      ).not.toThrow();
    }
  });
});

describe('loadProgram refuses a rule nested too deep, before anything recursive reads it', () => {
  /** `levels` all nodes, one inside the other, around one comparison. */
  const nested = (levels: number) => {
    let node: unknown = atLeast('countedDeals', 3);
    for (let level = 0; level < levels; level++) node = { all: [node] };
    return node;
  };

  it('a 5,000-deep qualify rule: INVALID_PROGRAM at the rule, not a RangeError', () => {
    // It once overflowed the stack in zod's parse (from about 1,000 levels), so validate exited 1.
    const issue = onlyIssue([['tiers', 1, 'qualify'], nested(5_000)]);
    expect(issue).toEqual({
      path: 'tiers[1].qualify',
      segments: ['tiers', 1, 'qualify'],
      message: 'this rule nests "all", "any" and "not" more than 64 levels deep (the most is 64)',
      code: 'NESTING_TOO_DEEP',
    });
  });

  it('a deep rule in a version, and a deep constant, each where it is', () => {
    const inVersion = onlyIssue([
      ['versions'],
      [
        {
          version: '2025.2',
          effectiveFrom: '2025-07-01T00:00:00Z',
          tiers: { active: { qualify: nested(65) } },
        },
      ],
    ]);
    expect(inVersion.path).toBe('versions[0].tiers.active.qualify');
    let constant: unknown = 3;
    for (let level = 0; level < 5_000; level++) constant = [constant];
    const deepConstant = onlyIssue([['tiers', 1, 'qualify', 'all', 0, 'value'], constant]);
    expect(deepConstant.path).toMatch(/^tiers\[1\]\.qualify\.all\[0\]\.value(\[0\])+$/);
    expect(deepConstant.message).toBe(
      'objects and arrays nest more than 256 levels deep here (the most is 256)',
    );
  });

  it('accepts 64 levels', () => {
    expect(() => loadProgram(edited([['tiers', 1, 'qualify'], nested(64)]))).not.toThrow();
  });
});

describe('custom operators', () => {
  const everyFifthDeal: Edit = [
    ['milestones', 3],
    {
      id: 'every-fifth-deal',
      message: 'Another five deals!',
      when: { all: [{ fact: 'countedDeals', operator: 'divisibleBy', value: 5 }] },
    },
  ];
  const divisibleBy = (factValue: unknown, jsonValue: unknown) =>
    typeof factValue === 'number' && typeof jsonValue === 'number' && factValue % jsonValue === 0;

  it('make a rule using them valid', () => {
    const program = loadProgram(edited(everyFifthDeal), { operators: { divisibleBy } });
    expect(program.milestones[3]?.id).toBe('every-fifth-deal');
    expect(programOperators(program)).toEqual({ divisibleBy });
  });

  it('are unknown to a programme loaded without them', () => {
    const issues = refused(edited(everyFifthDeal));
    expect(issues.map((issue) => issue.path)).toEqual(['milestones[3].when.all[0].operator']);
    expect(issues[0]?.message).toContain('unknown operator "divisibleBy"');
  });

  it('are listed among the valid operators when another name is wrong', () => {
    const typo: Edit = [['milestones', 3, 'when', 'all', 0, 'operator'], 'divisbleBy'];
    const issues = refused(edited(everyFifthDeal, typo), { operators: { divisibleBy } });
    expect(issues.map((issue) => issue.path)).toEqual(['milestones[3].when.all[0].operator']);
    expect(issues[0]?.message).toContain('"divisibleBy"');
  });

  it('work with decorators, as in json-rules-engine', () => {
    const decorated: Edit = [['milestones', 3, 'when', 'all', 0, 'operator'], 'not:divisibleBy'];
    expect(() =>
      loadProgram(edited(everyFifthDeal, decorated), { operators: { divisibleBy } }),
    ).not.toThrow();
  });
});
