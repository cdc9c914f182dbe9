// lintProgram: for each finding, a programme that has it and one that does not, with the
// severity, code and path exact. Each programme is SISO with one or two edits, so what the linter
// reports is only what the edit caused (SISO itself lints clean).
import { describe, expect, it } from 'vitest';
import type { ProgramError } from '../../src/program/errors.js';
import { type LintFinding, lintProgram } from '../../src/program/lint/index.js';
import { loadProgram, validateProgram } from '../../src/program/load.js';
import { sisoProgram } from '../../src/program/siso.js';

type Edit = [Array<string | number>, unknown];

/** A copy of the SISO document with each edit applied (a value of undefined deletes the key). */
function siso(...edits: Edit[]): Record<string, unknown> {
  const document = JSON.parse(JSON.stringify(sisoProgram)) as Record<string, unknown>;
  for (const [path, value] of edits) {
    let target = document as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return document;
}

const rule = (...comparisons: unknown[]) => ({ all: comparisons });
const compare = (fact: string, operator: string, value: unknown, path?: string) =>
  path === undefined ? { fact, operator, value } : { fact, operator, value, path };

/** Severity, code and path of each finding: what the tests pin. */
const summary = (findings: readonly LintFinding[]) =>
  findings.map((found) => `${found.severity} ${found.code} ${found.path}`);

const lint = (...edits: Edit[]) => lintProgram(siso(...edits));

describe('lintProgram on SISO', () => {
  it('finds nothing, in milliseconds', () => {
    expect(lintProgram(sisoProgram)).toEqual({ valid: true, errors: 0, warnings: 0, findings: [] });
    const started = performance.now();
    for (let run = 0; run < 20; run++) lintProgram(sisoProgram);
    // A generous bound for a loaded 2-core machine; it measures about 5 ms a run.
    expect((performance.now() - started) / 20).toBeLessThan(50);
  });
});

describe('TYPE_MISMATCH', () => {
  it('is an error where the rule then never holds, and Active and every tier above it are unreachable', () => {
    const report = lint([['tiers', 1, 'qualify', 'all', 0, 'value'], 'three']);
    expect(summary(report.findings)).toEqual([
      'error TYPE_MISMATCH tiers[1].qualify.all[0].value',
      'error TIER_UNREACHABLE tiers[1].qualify',
      'error TIER_UNREACHABLE tiers[2].qualify',
      'error TIER_UNREACHABLE tiers[3].qualify',
    ]);
    const [mismatch, active, performer] = report.findings;
    expect(mismatch?.message).toBe(
      'countedDeals is a number and "three" is not one: "greaterThanInclusive" compares them as numbers, so it never holds; tiers[1].qualify can therefore never hold',
    );
    expect(mismatch?.suggestion).toBe('write the value as a JSON number, such as 3');
    expect(active?.message).toContain('no partner can reach tier "active": its qualify rule can never hold');
    // Active unlocks 13 features in SISO; none of them can ever be granted.
    expect(active?.message).toContain('its 13 unlocks are never granted');
    expect(performer?.message).toContain('tier "active" below it can never be reached');
  });

  it('is nothing for the number 3', () => {
    expect(lint([['tiers', 1, 'qualify', 'all', 0, 'value'], 3]).findings).toEqual([]);
  });

  it('is a warning where the rule can still hold through another branch', () => {
    const badge = rule({
      any: [
        compare('countedDeals', 'equal', '5'),
        compare('trainingsCompleted', 'contains', 'certification'),
      ],
    });
    const report = lint([['badges', 2, 'when'], badge]);
    expect(summary(report.findings)).toEqual(['warning TYPE_MISMATCH badges[2].when.all[0].any[0].value']);
    expect(report.findings[0]?.message).toBe(
      'countedDeals is a number and "5" is a string: "equal" compares strictly (===), so it never holds',
    );
    expect(report.findings[0]?.suggestion).toBe('write 5');
  });

  it.each([
    ['contains on a number', compare('countedDeals', 'contains', 3)],
    ['a list equal to a string', compare('trainingsCompleted', 'equal', 'certification')],
    ['a list of strings containing a number', compare('trainingsCompleted', 'contains', 1)],
    ['an object by tier compared with a number', compare('directSubPartnersAtOrAbove', 'greaterThan', 1)],
    ['a number in a list of strings', compare('countedDeals', 'in', ['1', '2'])],
    ['someFact on a number', compare('countedDeals', 'someFact:equal', 1)],
    ['the tier compared with a number', compare('tier', 'equal', 2)],
  ])('makes a milestone never reached: %s', (_, comparison) => {
    const report = lint([['milestones', 1, 'when'], rule(comparison)]);
    expect(summary(report.findings)).toEqual(['error TYPE_MISMATCH milestones[1].when.all[0].value']);
  });

  it('points an object fact read without a path to the path it needs', () => {
    const report = lint([
      ['milestones', 1, 'when'],
      rule(compare('directSubPartnersAtOrAbove', 'greaterThan', 1)),
    ]);
    expect(report.findings[0]?.suggestion).toBe('add a path such as "$.active"');
  });
});

describe('VALUE_COERCED', () => {
  it('warns when a number is written as a string, which JavaScript compares as the number', () => {
    const report = lint([['tiers', 1, 'qualify', 'all', 0, 'value'], '3']);
    expect(summary(report.findings)).toEqual(['warning VALUE_COERCED tiers[1].qualify.all[0].value']);
    expect(report.findings[0]?.suggestion).toBe('write 3');
    // A warning only: the programme still loads.
    expect(report.valid).toBe(true);
    expect(validateProgram(siso([['tiers', 1, 'qualify', 'all', 0, 'value'], '3'])).ok).toBe(true);
  });
});

describe('PATH_UNPARSABLE and PATH_IGNORED', () => {
  const teamRule = (path: string) =>
    rule(compare('directSubPartnersAtOrAbove', 'greaterThanInclusive', 2, path));

  it('refuses "$.bogus[", which jsonpath-plus would quietly read as "$.bogus"', () => {
    const report = lint([['milestones', 1, 'when'], teamRule('$.bogus[')]);
    expect(summary(report.findings)).toEqual(['error PATH_UNPARSABLE milestones[1].when.all[0].path']);
    expect(report.findings[0]?.message).toContain('this "[" is never closed (at character 8)');
  });

  it('accepts "$.active" and "$[\'active\']"', () => {
    expect(lint([['milestones', 1, 'when'], teamRule('$.active')]).findings).toEqual([]);
    expect(lint([['milestones', 1, 'when'], teamRule("$['active']")]).findings).toEqual([]);
  });

  it('warns that a path on a number fact is ignored', () => {
    const report = lint([['milestones', 1, 'when'], rule(compare('countedDeals', 'greaterThan', 4, '$.x'))]);
    expect(summary(report.findings)).toEqual(['warning PATH_IGNORED milestones[1].when.all[0].path']);
  });
});

describe('UNKNOWN_ID with "did you mean"', () => {
  it('a tier id that does not exist: the milestone can never be reached', () => {
    const report = lint([['milestones', 0, 'when', 'all', 0, 'value'], 'startr']);
    expect(summary(report.findings)).toEqual(['error UNKNOWN_ID milestones[0].when.all[0].value']);
    expect(report.findings[0]?.suggestion).toBe('did you mean "starter"?');
  });

  it('a badge id that does not exist, and a tier id in a path', () => {
    const badge = lint([['milestones', 1, 'when'], rule(compare('badges', 'contains', 'first-sal'))]);
    expect(summary(badge.findings)).toEqual(['error UNKNOWN_ID milestones[1].when.all[0].value']);
    expect(badge.findings[0]?.suggestion).toBe('did you mean "first-sale"?');
    const team = lint([
      ['milestones', 1, 'when'],
      rule(compare('directSubPartnersAtOrAbove', 'greaterThan', 1, '$.perfomer')),
    ]);
    expect(summary(team.findings)).toEqual(['error UNKNOWN_ID milestones[1].when.all[0].path']);
    expect(team.findings[0]?.suggestion).toBe('did you mean "performer"?');
  });

  it('a feature id the programme does not declare is a warning (a host may report any feature)', () => {
    const report = lint([['milestones', 1, 'when'], rule(compare('featuresUsed', 'contains', 'dashbord'))]);
    expect(summary(report.findings)).toEqual(['warning UNKNOWN_ID milestones[1].when.all[0].value']);
    expect(report.findings[0]?.suggestion).toBe('did you mean "dashboard"?');
    expect(
      lint([['milestones', 1, 'when'], rule(compare('featuresUsed', 'contains', 'dashboard'))]).findings,
    ).toEqual([]);
  });

  it('unknown facts, operators, unlocked features and tiers, each with its nearest name', () => {
    const report = lint(
      [['tiers', 2, 'qualify', 'all', 0, 'fact'], 'countedDeal'],
      [['tiers', 3, 'qualify', 'all', 0, 'operator'], 'greaterThanInclsuive'],
      [['tiers', 0, 'unlocks', 0], 'dashbord'],
      [['overrides', 'levels', 0, 'minTier'], 'performr'],
    );
    expect(report.findings.map((found) => [found.code, found.path, found.suggestion])).toEqual([
      ['UNKNOWN_FEATURE', 'tiers[0].unlocks[0]', 'did you mean "dashboard"?'],
      ['UNKNOWN_TIER', 'overrides.levels[0].minTier', 'did you mean "performer"?'],
      ['UNKNOWN_FACT', 'tiers[2].qualify.all[0].fact', 'did you mean "countedDeals"?'],
      ['UNKNOWN_OPERATOR', 'tiers[3].qualify.all[0].operator', 'did you mean "greaterThanInclusive"?'],
      // "dashboard" is no longer unlocked by anyone.
      ['FEATURE_NEVER_UNLOCKED', 'features[0].id', "add it to a tier's unlocks, or remove it"],
    ]);
  });
});

describe('TIER_UNREACHABLE', () => {
  it('a contradiction in the tier\u2019s own rule: countedDeals < 3 and countedDeals >= 5', () => {
    const report = lint([
      ['tiers', 1, 'qualify'],
      rule(compare('countedDeals', 'lessThan', 3), compare('countedDeals', 'greaterThanInclusive', 5)),
    ]);
    expect(summary(report.findings)).toEqual([
      'error TIER_UNREACHABLE tiers[1].qualify',
      'error TIER_UNREACHABLE tiers[2].qualify',
      'error TIER_UNREACHABLE tiers[3].qualify',
    ]);
    expect(report.findings[0]?.message).toContain(
      'it asks countedDeals lessThan 3 and countedDeals greaterThanInclusive 5 at once, and no value is both',
    );
  });

  it('a rule that can hold alone but never with a lower tier\u2019s: Active < 3 deals, Performer >= 10', () => {
    const report = lint([['tiers', 1, 'qualify', 'all', 0], compare('countedDeals', 'lessThan', 3)]);
    expect(summary(report.findings)).toEqual([
      'error TIER_UNREACHABLE tiers[2].qualify',
      'error TIER_UNREACHABLE tiers[3].qualify',
    ]);
    expect(report.findings[0]?.message).toContain(
      'its qualify rule can never hold together with tier "active"\'s (tiers[1].qualify)',
    );
  });

  it('whole numbers: more than 2 and fewer than 3 deals is impossible, 2.5 revenue is not', () => {
    const deals = lint([
      ['tiers', 1, 'qualify'],
      rule(compare('countedDeals', 'greaterThan', 2), compare('countedDeals', 'lessThan', 3)),
    ]);
    expect(deals.errors).toBe(3);
    const revenue = lint([
      ['tiers', 1, 'qualify'],
      rule(compare('revenue', 'greaterThan', 2), compare('revenue', 'lessThan', 3)),
    ]);
    expect(revenue.findings).toEqual([]);
  });

  it('the entry tier\u2019s rule never holding: nobody ever leaves it', () => {
    const report = lint([['tiers', 0, 'qualify'], rule(compare('countedDeals', 'lessThan', 0))]);
    expect(summary(report.findings)).toEqual([
      'error TIER_UNREACHABLE tiers[1].qualify',
      'error TIER_UNREACHABLE tiers[2].qualify',
      'error TIER_UNREACHABLE tiers[3].qualify',
      'warning ENTRY_TIER_QUALIFY tiers[0].qualify',
    ]);
    expect(report.findings[0]?.message).toContain('so no partner ever leaves the entry tier');
  });

  it('is a warning when only one version makes the tier unreachable', () => {
    const versions = [
      {
        version: '2025.2',
        effectiveFrom: '2025-07-01T00:00:00Z',
        tiers: { elite: { qualify: rule(compare('tierRank', 'greaterThan', 4)) } },
      },
    ];
    const report = lint([['versions'], versions]);
    expect(summary(report.findings)).toEqual(['warning TIER_UNREACHABLE versions[0].tiers.elite.qualify']);
    expect(report.findings[0]?.message).toContain('no partner can reach tier "elite" under version "2025.2"');
  });

  it('is nothing when the tiers climb as SISO\u2019s do, whatever the thresholds', () => {
    const report = lint([['tiers', 2, 'qualify', 'all', 0, 'value'], 2]);
    expect(report.findings).toEqual([]);
  });
});

describe('RULE_NEVER_HOLDS and RULE_ALWAYS_HOLDS', () => {
  it('a badge that can never be awarded is an error; a maintain rule too', () => {
    const report = lint(
      [['badges', 0, 'when'], rule(compare('countedDeals', 'lessThan', 0))],
      [['tiers', 2, 'maintain'], rule(compare('tierRank', 'greaterThan', 4))],
    );
    expect(summary(report.findings)).toEqual([
      'error RULE_NEVER_HOLDS tiers[2].maintain',
      'error RULE_NEVER_HOLDS badges[0].when',
    ]);
    expect(report.findings[0]?.message).toContain(
      'tierRank is one of 1, 2, 3, 4, and the comparison holds for none of them',
    );
    expect(report.findings[1]?.message).toBe(
      'this rule can never hold (countedDeals lessThan 0: countedDeals is a whole number, 0 or more, so it never holds): it is never awarded or reached',
    );
  });

  it('a milestone that holds whatever the facts, and an empty "any", are warnings', () => {
    const report = lint(
      [['milestones', 1, 'when'], rule(compare('countedDeals', 'greaterThanInclusive', 0))],
      [['badges', 3, 'when'], { any: [] }],
    );
    expect(summary(report.findings)).toEqual([
      'warning RULE_ALWAYS_HOLDS badges[3].when',
      'warning RULE_ALWAYS_HOLDS milestones[1].when',
    ]);
  });

  it('a dead comparison inside a rule that can still go both ways', () => {
    const report = lint([
      ['badges', 0, 'when'],
      {
        any: [compare('countedDeals', 'lessThan', 0), compare('countedDeals', 'greaterThanInclusive', 1)],
      },
    ]);
    expect(summary(report.findings)).toEqual(['warning CONDITION_NEVER_HOLDS badges[0].when.any[0]']);
    const always = lint([
      ['badges', 0, 'when'],
      rule(
        compare('countedDeals', 'greaterThanInclusive', 0),
        compare('countedDeals', 'greaterThanInclusive', 1),
      ),
    ]);
    expect(summary(always.findings)).toEqual(['warning CONDITION_ALWAYS_HOLDS badges[0].when.all[0]']);
  });

  it('a higher tier\u2019s qualify that holds whatever the facts', () => {
    const report = lint([['tiers', 1, 'qualify'], { all: [] }]);
    expect(summary(report.findings)).toEqual(['warning RULE_ALWAYS_HOLDS tiers[1].qualify']);
  });
});

describe('ENTRY_TIER_QUALIFY and FEATURE_NEVER_UNLOCKED', () => {
  it('warns that a qualify rule on the entry tier only holds back promotions', () => {
    const report = lint([
      ['tiers', 0, 'qualify'],
      rule(compare('trainingsCompleted', 'contains', 'onboarding')),
    ]);
    expect(summary(report.findings)).toEqual(['warning ENTRY_TIER_QUALIFY tiers[0].qualify']);
    expect(report.findings[0]?.suggestion).toBe(
      'write { "all": [] } here and put the condition on the next tier',
    );
  });

  it('warns of a declared feature no tier unlocks', () => {
    const features = [...(sisoProgram.features as unknown[]), { id: 'beta-lab', name: 'Beta Lab' }];
    const report = lint([['features'], features]);
    expect(summary(report.findings)).toEqual(['warning FEATURE_NEVER_UNLOCKED features[39].id']);
  });
});

describe('every stage in one report', () => {
  it('a bad baseRate no longer hides an unknown fact, a type mismatch or an unreachable tier', () => {
    const document = siso(
      [['tiers', 1, 'baseRate'], 0.22],
      [['tiers', 2, 'qualify', 'all', 0, 'fact'], 'countedDeal'],
      [['badges', 0, 'when', 'all', 0, 'value'], 'one'],
      [['payouts', 'dayOfMonth'], 31],
    );
    const error = (() => {
      try {
        loadProgram(document);
      } catch (caught) {
        return caught as ProgramError;
      }
      throw new Error('loadProgram accepted it');
    })();
    expect(error.code).toBe('INVALID_PROGRAM');
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['SCHEMA_INVALID', 'tiers[1].baseRate'],
      ['SCHEMA_INVALID', 'payouts.dayOfMonth'],
      ['UNKNOWN_FACT', 'tiers[2].qualify.all[0].fact'],
      ['TYPE_MISMATCH', 'badges[0].when.all[0].value'],
    ]);
    expect(error.issues[2]?.suggestion).toBe('did you mean "countedDeals"?');
  });

  it('runs the cross-field checks of the parts that parsed: a duplicate tier id beside a bad time zone', () => {
    const report = lint(
      [['tiers', 2, 'id'], 'active'],
      [['timeZone'], 'Mars/Olympus'],
      [['holdPeriodDays'], -1],
    );
    expect(summary(report.findings)).toEqual([
      'error SCHEMA_INVALID holdPeriodDays',
      'error DUPLICATE_ID tiers[2].id',
      'error UNKNOWN_TIME_ZONE timeZone',
      // Renaming Performer leaves the override's minTier naming nothing.
      'error UNKNOWN_TIER overrides.levels[0].minTier',
    ]);
    const zone = lint([['timeZone'], 'Europe/Pariss']).findings[0];
    expect([zone?.code, zone?.suggestion]).toEqual(['UNKNOWN_TIME_ZONE', 'did you mean "Europe/Paris"?']);
  });

  it('suggests the field a misspelt key meant, and reports a misspelt comparison key once', () => {
    const report = lint(
      [['tiers', 1, 'baserate'], '0.2'],
      [['tiers', 1, 'qualify', 'all', 0, 'paht'], '$.x'],
      [['tier'], []],
    );
    expect(report.findings.map((found) => [found.code, found.path, found.suggestion])).toEqual([
      ['UNKNOWN_FIELD', 'tiers[1].qualify.all[0].paht', 'did you mean "path"?'],
      ['UNKNOWN_FIELD', 'tiers[1].baserate', 'did you mean "baseRate"?'],
      ['UNKNOWN_FIELD', 'tier', 'did you mean "tiers"?'],
    ]);
  });

  it('reports "in" with a number once, as the rule check does, not again as a mismatch', () => {
    const report = lint([['milestones', 1, 'when'], rule(compare('countedDeals', 'in', 5))]);
    expect(summary(report.findings)).toEqual(['error VALUE_NOT_SEARCHABLE milestones[1].when.all[0].value']);
  });

  it('does not report a rule\u2019s shape twice', () => {
    const report = lint([['tiers', 1, 'baseRate'], '2'], [['tiers', 2, 'qualify', 'all', 0, 'operator'], 7]);
    expect(summary(report.findings)).toEqual([
      'error SCHEMA_INVALID tiers[1].baseRate',
      'error SCHEMA_INVALID tiers[2].qualify.all[0].operator',
    ]);
  });

  it('lints a loaded programme, and a valid one loads with its warnings', () => {
    const document = siso([
      ['tiers', 0, 'qualify'],
      rule(compare('countedDeals', 'greaterThanInclusive', 0)),
    ]);
    expect(lintProgram(loadProgram(document)).warnings).toBe(0);
    const warned = siso([['tiers', 0, 'qualify'], rule(compare('countedDeals', 'greaterThanInclusive', 1))]);
    expect(lintProgram(loadProgram(warned)).warnings).toBe(1);
  });
});
