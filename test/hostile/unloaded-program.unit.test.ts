// A careless host hands createEngine a document it never passed through loadProgram: parsed JSON,
// or a spread copy of a loaded programme with one field changed. The engine used to run whatever
// it was given: a base rate written as the number 5 paid 500 % (50.00 on a 10.00 deal), and an
// empty object threw a raw TypeError. Such a document is now checked in full when the engine is
// made, and refused with INVALID_PROGRAM when the engine could not run it as written.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { createEngine } from '../../src/create-engine.js';
import { ProgramError } from '../../src/program/errors.js';
import { loadProgram, type Program } from '../../src/program/load.js';
import { sisoProgram } from '../../src/program/siso.js';

const events = [
  { id: 'j', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'p1', sponsorId: null },
  {
    id: 'd',
    type: 'deal.closed',
    at: '2025-01-02T00:00:00Z',
    partnerId: 'p1',
    dealId: 'D',
    amount: '10.00',
    currency: 'USD',
  },
];

function refusal(document: unknown): ProgramError {
  try {
    createEngine(document as Program);
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramError);
    return error as ProgramError;
  }
  throw new Error('expected createEngine to throw INVALID_PROGRAM');
}

describe('createEngine with a document that did not come from loadProgram', () => {
  it('refuses a base rate written as a number instead of paying 500 %', () => {
    const document = structuredClone(sisoDocument) as { tiers: Array<Record<string, unknown>> };
    const [starter] = document.tiers;
    if (starter) starter.baseRate = 5;
    const error = refusal(document);
    expect(error.code).toBe('INVALID_PROGRAM');
    expect(error.issues.map((issue) => issue.path)).toEqual(['tiers[0].baseRate']);
  });

  it('refuses a spread copy with a negative hold period', () => {
    const error = refusal({ ...sisoProgram, holdPeriodDays: -1 });
    expect(error.issues.map((issue) => issue.path)).toEqual(['holdPeriodDays']);
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
    ['a string', 'siso'],
  ])('refuses %s with INVALID_PROGRAM, not a TypeError', (_, document) => {
    expect(refusal(document).code).toBe('INVALID_PROGRAM');
  });

  it('runs a valid parsed document as loadProgram would: 20 % of 10.00 is 2.00', () => {
    const engine = createEngine(JSON.parse(JSON.stringify(sisoDocument)) as Program);
    expect(engine.replay(events).ledger.map((entry) => entry.amount)).toEqual(['2.00']);
  });

  it('still takes a loaded programme as it is', () => {
    expect(createEngine(sisoProgram).program).toBe(sisoProgram);
    expect(createEngine(sisoProgram).compiled.program).toBe(sisoProgram);
  });

  it('runs a document whose only errors are about what a rule can do (a tier nobody reaches)', () => {
    // Active's rule holds for any Starter, so a partner is Active as soon as it joins; Performer's
    // needs the tier to be Performer already, so nobody reaches it (nor Elite above it).
    // loadProgram refuses that (TIER_UNREACHABLE twice); the engine runs it as written: the
    // partner's 10.00 deal is paid at Active's 22 %, 0.22 x 10.00 = 2.20.
    const document = structuredClone(sisoDocument) as { tiers: Array<Record<string, unknown>> };
    const [, active, performer] = document.tiers;
    const tierIs = (tier: string) => ({ all: [{ fact: 'tier', operator: 'equal', value: tier }] });
    if (active) active.qualify = tierIs('starter');
    if (performer) performer.qualify = tierIs('performer');
    expect(() => loadProgram(document)).toThrow(ProgramError);
    const result = createEngine(document as unknown as Program).replay(events);
    expect(result.ledger.map((entry) => [entry.tier, entry.amount])).toEqual([['active', '2.20']]);
  });
});
