// Custom operators are part of the programme that compiles: a loaded programme carries them, a
// spread or Object.assign copy keeps them, and a copy that cannot hold functions (structuredClone,
// JSON) is refused with INVALID_PROGRAM naming the operator when it compiles, never evaluated
// differently. createEngine(program, { operators }) gives them back.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { createEngine } from '../../src/create-engine.js';
import { compileProgram } from '../../src/program/compile.js';
import { ProgramError } from '../../src/program/errors.js';
import { loadProgram, type Program, programOperators, withOperators } from '../../src/program/load.js';
import { sisoProgram } from '../../src/program/siso.js';
import { dealRun, events } from '../support/scenario.js';

const divisibleBy = (factValue: unknown, jsonValue: unknown) =>
  typeof factValue === 'number' && typeof jsonValue === 'number' && factValue % jsonValue === 0;

// SISO plus a milestone reached when counted deals are a multiple of 5 (and not 0, which is one too).
const document = {
  ...structuredClone(sisoDocument),
  milestones: [
    ...structuredClone(sisoDocument.milestones),
    {
      id: 'every-fifth-deal',
      message: 'Another five deals!',
      when: {
        all: [
          { fact: 'countedDeals', operator: 'divisibleBy', value: 5 },
          { fact: 'countedDeals', operator: 'greaterThan', value: 0 },
        ],
      },
    },
  ],
};
const MILESTONE_OPERATOR = `milestones[${sisoDocument.milestones.length}].when.all[0].operator`;
const program = loadProgram(document, { operators: { divisibleBy } });

// One partner, five deals of 1,000.00: counted deals go 1, 2, 3, 4, 5, and 5 % 5 === 0 at the fifth.
const stream = [
  events.joined('p', '2025-01-01', null, 'j'),
  ...dealRun('p', { from: '2025-01-02', count: 5 }),
];
const fifthDealMilestones = (candidate: Program, options?: Parameters<typeof createEngine>[1]) =>
  createEngine(candidate, options)
    .replay(stream)
    .effects.filter(
      (effect) => effect.type === 'milestone.reached' && effect.milestone === 'every-fifth-deal',
    )
    .map((effect) => effect.eventId);

function refusal(run: () => unknown): ProgramError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramError);
    return error as ProgramError;
  }
  throw new Error('expected INVALID_PROGRAM');
}

describe('a programme loaded with custom operators', () => {
  it('carries them into createEngine: the milestone is reached at the fifth deal', () => {
    expect(programOperators(program)).toEqual({ divisibleBy });
    expect(fifthDealMilestones(program)).toEqual(['e-p-d5']);
  });

  it('is still the document as written for JSON.stringify', () => {
    expect(JSON.parse(JSON.stringify(program))).toEqual(document);
  });

  it('keeps them through a spread or Object.assign copy', () => {
    expect(fifthDealMilestones({ ...program })).toEqual(['e-p-d5']);
    expect(fifthDealMilestones(Object.assign({}, program))).toEqual(['e-p-d5']);
    expect(fifthDealMilestones({ ...program, name: 'Renamed' })).toEqual(['e-p-d5']);
  });
});

describe('a copy that lost its operators', () => {
  const copies: Array<[string, () => Program]> = [
    ['structuredClone', () => structuredClone(program)],
    ['a JSON round trip', () => JSON.parse(JSON.stringify(program)) as Program],
  ];

  it.each(copies)('made by %s is refused when it compiles, naming the operator', (_, copy) => {
    const error = refusal(() => createEngine(copy()));
    expect(error.code).toBe('INVALID_PROGRAM');
    expect(error.issues.map((issue) => issue.path)).toEqual([MILESTONE_OPERATOR]);
    expect(error.issues[0]?.message).toMatch(/^unknown operator "divisibleBy"; operators: "equal", /);
    expect(error.issues[0]?.message).toContain('createEngine(program, { operators })');
    expect(() => compileProgram(copy())).toThrow(ProgramError);
  });

  it('runs again with createEngine(copy, { operators }) or withOperators', () => {
    const copy = structuredClone(program);
    expect(fifthDealMilestones(copy, { operators: { divisibleBy } })).toEqual(['e-p-d5']);
    const restored = withOperators(copy, { divisibleBy });
    expect(fifthDealMilestones(restored)).toEqual(['e-p-d5']);
    // Neither changes the copy itself.
    expect(programOperators(copy)).toEqual({});
  });
});

describe('createEngine(program, { operators })', () => {
  it('adds to the operators a programme carries, by name over them', () => {
    // An operator that never holds replaces divisibleBy: the milestone is never reached.
    expect(fifthDealMilestones(program, { operators: { divisibleBy: () => false } })).toEqual([]);
    expect(programOperators(program)).toEqual({ divisibleBy });
  });

  it('changes nothing for a programme that uses none, and leaves the programme as it was', () => {
    const engine = createEngine(sisoProgram, { operators: { divisibleBy } });
    expect(JSON.stringify(engine.program)).toBe(JSON.stringify(sisoProgram));
    expect(createEngine(sisoProgram).program).toBe(sisoProgram);
    expect(programOperators(sisoProgram)).toEqual({});
  });
});
