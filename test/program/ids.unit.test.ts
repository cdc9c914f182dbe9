// Programme ids are ordinary keys: a tier named "__proto__", "constructor" or "toString" is
// amended by a version like any other tier, and a fact keyed by such an id is read through a path.
// (zod's record skips a "__proto__" key, and `{}[id] = n` sets a prototype instead of a key.)
import { describe, expect, it } from 'vitest';
import { compileProgram, versionAt } from '../../src/program/compile.js';
import { validateProgram } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events, replay, sisoWith } from '../support/scenario.js';

const NAMES = ['__proto__', 'constructor', 'toString'] as const;

/**
 * SISO with its entry tier (Starter, 20 %) renamed; JSON keeps "__proto__" an own key. The
 * milestone that names the entry tier ("one-deal-to-active") is renamed with it, else it could
 * never be reached and the programme would not load.
 */
function withEntryTier(id: string, changes: Partial<ProgramInput> = {}) {
  const document = JSON.parse(
    JSON.stringify(sisoProgram).replaceAll('"starter"', JSON.stringify(id)),
  ) as ProgramInput;
  return sisoWith({ tiers: document.tiers, milestones: document.milestones, ...changes });
}

/** From 1 July 2025 the entry tier pays 25 % instead of 20 %. */
const raiseFromJuly = (id: string): ProgramInput['versions'] =>
  JSON.parse(
    `[{ "version": "2025.2", "effectiveFrom": "2025-07-01T00:00:00Z", "tiers": { ${JSON.stringify(id)}: { "baseRate": "0.25" } } }]`,
  );

describe.each(NAMES)('a tier with id %s', (id) => {
  const program = withEntryTier(id, { versions: raiseFromJuly(id) });

  it('keeps its change in the version, as the document has it', () => {
    const changes = program.versions[0]?.tiers ?? {};
    expect(Object.keys(changes)).toEqual([id]);
    expect(Object.getPrototypeOf(changes)).toBe(Object.prototype);
    expect(JSON.stringify(changes)).toBe(`{${JSON.stringify(id)}:{"baseRate":"0.25"}}`);
  });

  it('pays the version\u2019s rate from 1 July: 200.00 in June, then 250.00', () => {
    const compiled = compileProgram(program);
    expect(versionAt(compiled, Date.parse('2025-06-30T00:00:00Z')).tiers[0]?.baseRate.toFixed(2)).toBe(
      '0.20',
    );
    expect(versionAt(compiled, Date.parse('2025-07-01T00:00:00Z')).tiers[0]?.baseRate.toFixed(2)).toBe(
      '0.25',
    );
    // p never trains, so it stays in the entry tier: 0.20 × 1,000.00 = 200.00 for the June deal,
    // 0.25 × 1,000.00 = 250.00 for the July one (the change dropped, it was 200.00 again), 450.00 in all.
    const outcome = replay(
      [
        events.joined('p', '2025-06-01', null, 'j'),
        events.deal('p', 'june', '1000.00', '2025-06-10'),
        events.deal('p', 'july', '1000.00', '2025-07-10'),
      ],
      { program },
    );
    expect(
      outcome
        .entries({ kind: 'commission' })
        .map(({ dealId, tier, rate, amount }) => ({ dealId, tier, rate, amount })),
    ).toEqual([
      { dealId: 'june', tier: id, rate: '0.20', amount: '200.00' },
      { dealId: 'july', tier: id, rate: '0.25', amount: '250.00' },
    ]);
    expect(outcome.partner('p').balance.earned).toBe('450.00');
  });

  it('is a key of directSubPartnersAtOrAbove that a path reads', () => {
    // Every direct sub-partner holds the entry tier or higher, so once p2 joins under p1 the count
    // under the entry tier's id is 1, and 1 >= 1 awards p1 the badge at that join (before the
    // fix the key was missing, the path read undefined and no badge was awarded).
    const badge = (path: string) => ({
      id: `team-of-one ${path}`,
      name: 'Team of one',
      when: {
        all: [{ fact: 'directSubPartnersAtOrAbove', path, operator: 'greaterThanInclusive', value: 1 }],
      },
    });
    const paths = [`$[${JSON.stringify(id)}]`, `$['${id}']`, `$.${id}`];
    const outcome = replay(
      [events.joined('p1', '2025-06-01', null, 'j1'), events.joined('p2', '2025-06-02', 'p1', 'j2')],
      { program: withEntryTier(id, { badges: paths.map(badge) }) },
    );
    expect(outcome.partner('p1').badges.map((award) => [award.badge, award.eventId])).toEqual(
      paths.map((path) => [`team-of-one ${path}`, 'j2']),
    );
  });
});

describe('a version\u2019s change to a tier named __proto__ is checked like any other', () => {
  const refusal = (document: unknown) => {
    const result = validateProgram(document);
    return result.ok ? [] : result.issues;
  };

  it('is refused when no tier has that id (it used to vanish unchecked)', () => {
    const document = { ...JSON.parse(JSON.stringify(sisoProgram)), versions: raiseFromJuly('__proto__') };
    expect(refusal(document)).toEqual([
      {
        path: ['versions', 0, 'tiers', '__proto__'],
        message: '"__proto__" is not a tier of this programme',
        code: 'UNKNOWN_TIER',
      },
    ]);
  });

  it('has its fields checked, at their path', () => {
    const renamed = JSON.stringify(sisoProgram).replaceAll('"starter"', '"__proto__"');
    const versions = JSON.parse(
      '[{ "version": "2025.2", "effectiveFrom": "2025-07-01T00:00:00Z", "tiers": { "__proto__": { "baseRate": "1.5" } } }]',
    );
    const document = { ...JSON.parse(renamed), versions };
    expect(refusal(document)).toEqual([
      {
        path: ['versions', 0, 'tiers', '__proto__', 'baseRate'],
        message: 'must be a decimal string between "0" and "1", such as "0.22"',
        code: 'SCHEMA_INVALID',
      },
    ]);
  });
});
