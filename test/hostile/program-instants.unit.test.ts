// A hostile or careless programme cannot name an instant the engine would keep differently from
// what it says: a hold so long its end is no instant a state can hold (the engine used to throw a
// raw RangeError from inside replay), or a version in force from a sub-millisecond instant (which
// the engine, comparing epoch milliseconds, put in force up to a millisecond early).
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { createEngine } from '../../src/create-engine.js';
import { ProgramError, type ProgramIssue } from '../../src/program/errors.js';
import { loadProgram } from '../../src/program/load.js';
import { MAX_HOLD_PERIOD_DAYS } from '../../src/program/schema.js';

function siso(): Record<string, unknown> {
  return structuredClone(sisoDocument) as Record<string, unknown>;
}

function issuesOf(document: unknown): readonly ProgramIssue[] {
  try {
    loadProgram(document);
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramError);
    expect((error as ProgramError).code).toBe('INVALID_PROGRAM');
    return (error as ProgramError).issues;
  }
  throw new Error('expected loadProgram to throw INVALID_PROGRAM');
}

const joined = {
  id: 'j',
  type: 'partner.joined',
  at: '2099-01-01T00:00:00Z',
  partnerId: 'p1',
  sponsorId: null,
};
const deal = {
  id: 'd',
  type: 'deal.closed',
  at: '2099-01-02T00:00:00Z',
  partnerId: 'p1',
  dealId: 'D',
  amount: '1000.00',
  currency: 'USD',
};

describe('holdPeriodDays', () => {
  it('is at most a century: 36,525 days', () => {
    expect(MAX_HOLD_PERIOD_DAYS).toBe(36_525);
  });

  it('refuses a hold of a billion days, which ends at no instant Date can hold', () => {
    const document = { ...siso(), holdPeriodDays: 1_000_000_000 };
    const [issue, ...others] = issuesOf(document);
    expect(others).toEqual([]);
    expect(issue?.path).toBe('holdPeriodDays');
    expect(issue?.message).toBe(
      'must be at most 36525 days (a century, the range of instants events may name)',
    );
  });

  it("refuses a version's hold of 99 million days, whose end has a six-digit year", () => {
    const document = {
      ...siso(),
      versions: [{ version: '2026.1', effectiveFrom: '2026-01-01T00:00:00Z', holdPeriodDays: 99_000_000 }],
    };
    expect(issuesOf(document).map((issue) => issue.path)).toEqual(['versions[0].holdPeriodDays']);
  });

  it('keeps a century-long hold working: the state of a deal closed in 2099 reloads from JSON', () => {
    const engine = createEngine(loadProgram({ ...siso(), holdPeriodDays: MAX_HOLD_PERIOD_DAYS }));
    const first = engine.replay([joined, deal]);
    expect(first.rejected).toEqual([]);
    const saved = JSON.parse(JSON.stringify(first.state));
    const next = { ...joined, id: 'j2', partnerId: 'p2', at: '2099-02-01T00:00:00Z' };
    const again = engine.replay([next], { state: saved });
    expect(again.rejected).toEqual([]);
    // 2099-01-02 + 36,525 days: 2199-01-02 is 36,524 days later (24 leap days in 2100-2199, none in
    // 2100), so the hold ends one day on, on 2199-01-03.
    const [hold] = again.state.holds.chunks[0] ?? [];
    expect(hold?.releaseAt).toBe(Date.parse('2199-01-03T00:00:00.000Z'));
  });
});

describe('a version effectiveFrom', () => {
  const version = (effectiveFrom: string) => ({
    ...siso(),
    versions: [{ version: '2025.2', effectiveFrom, tiers: { active: { baseRate: '0.24' } } }],
  });

  it('refuses digits past the millisecond, as an event at does', () => {
    const [issue, ...others] = issuesOf(version('2025-07-01T00:00:00.9995Z'));
    expect(others).toEqual([]);
    expect(issue?.path).toBe('versions[0].effectiveFrom');
    expect(issue?.code).toBe('VERSION_INSTANT');
    expect(issue?.message).toMatch(
      /^effectiveFrom "2025-07-01T00:00:00\.9995Z" is more precise than a millisecond/,
    );
  });

  it('takes zeros past the millisecond: .000000Z is .000Z', () => {
    expect(() => loadProgram(version('2025-07-01T00:00:00.000000Z'))).not.toThrow();
  });

  it('refuses an instant outside 2000-2099, as an event at does', () => {
    for (const effectiveFrom of ['1970-01-01T00:00:00Z', '2200-01-01T00:00:00Z']) {
      const [issue] = issuesOf(version(effectiveFrom));
      expect(issue?.code).toBe('VERSION_INSTANT');
      expect(issue?.message).toContain('is outside the supported range');
    }
  });
});
