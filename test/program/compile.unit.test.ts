// compileProgram and versionAt: each effective-dated version resolved in full (a deal is paid under
// the version in force when it closed), unlocks made cumulative in programme order, rules compiled
// once with the programme's custom operators.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { compileProgram, versionAt } from '../../src/program/compile.js';
import { loadProgram } from '../../src/program/load.js';
import { sisoProgram } from '../../src/program/siso.js';

const SECOND_VERSION = {
  version: '2025.2',
  effectiveFrom: '2025-07-01T00:00:00Z',
  tiers: { active: { baseRate: '0.24' } },
};
const THIRD_VERSION = {
  version: '2025.3',
  effectiveFrom: '2025-10-01T00:00:00Z',
  tiers: { elite: { capacity: null, referralBonusRate: null } },
  payouts: { dayOfMonth: 1, minimum: '100.00' },
  holdPeriodDays: 14,
};

function withVersions(...versions: readonly object[]) {
  return compileProgram(loadProgram({ ...structuredClone(sisoDocument), versions }));
}

const activeRateAt = (compiled: ReturnType<typeof withVersions>, instant: string) =>
  versionAt(compiled, Date.parse(instant)).tiers[1]?.baseRate.toFixed(2);

describe('versionAt', () => {
  const compiled = withVersions(SECOND_VERSION);

  it('pays Active 22 % up to the last millisecond before 1 July 2025, and 24 % from that instant', () => {
    expect(activeRateAt(compiled, '2025-06-30T23:59:59.999Z')).toBe('0.22');
    expect(activeRateAt(compiled, '2025-07-01T00:00:00.000Z')).toBe('0.24');
    expect(activeRateAt(compiled, '2030-01-01T00:00:00.000Z')).toBe('0.24');
    expect(versionAt(compiled, Date.parse('2025-06-30T23:59:59.999Z')).version).toBe('2025.1');
    expect(versionAt(compiled, Date.parse('2025-07-01T00:00:00Z')).version).toBe('2025.2');
  });

  it('reads an offset the way the instant is meant: 02:00+02:00 is midnight UTC', () => {
    expect(activeRateAt(compiled, '2025-07-01T01:59:59+02:00')).toBe('0.22');
    expect(activeRateAt(compiled, '2025-07-01T02:00:00+02:00')).toBe('0.24');
  });

  it('gives the base document for any instant before the first version, however early', () => {
    expect(versionAt(compiled, Date.parse('1970-01-01T00:00:00Z')).version).toBe('2025.1');
    expect(versionAt(compiled, Number.NEGATIVE_INFINITY).version).toBe('2025.1');
  });

  it('changes only what the version names: other tiers and the base version stay as they were', () => {
    const [base, second] = compiled.versions;
    expect(base?.tiers.map((tier) => tier.baseRate.toFixed(2))).toEqual(['0.20', '0.22', '0.25', '0.30']);
    expect(second?.tiers.map((tier) => tier.baseRate.toFixed(2))).toEqual(['0.20', '0.24', '0.25', '0.30']);
    expect(second?.tiers[1]?.referralBonusRate?.toFixed(2)).toBe('0.05');
    expect(second?.tiers[1]?.allUnlocks).toEqual(base?.tiers[1]?.allUnlocks);
    expect(second?.holdPeriodDays).toBe(30);
    expect(second?.payouts.minimum.toFixed(2)).toBe('50.00');
  });

  it('builds each version on the one before: 2025.3 keeps 2025.2\u2019s Active rate', () => {
    const three = withVersions(SECOND_VERSION, THIRD_VERSION);
    const third = versionAt(three, Date.parse('2025-10-01T00:00:00Z'));
    expect(third.version).toBe('2025.3');
    expect(third.tiers[1]?.baseRate.toFixed(2)).toBe('0.24');
    // null removes Elite's limit and its referral bonus.
    expect(third.tiers[3]?.capacity).toBeNull();
    expect(third.tiers[3]?.referralBonusRate).toBeNull();
    expect(third.holdPeriodDays).toBe(14);
    expect(third.payouts.dayOfMonth).toBe(1);
    expect(third.payouts.minimum.toFixed(2)).toBe('100.00');
    expect(versionAt(three, Date.parse('2025-09-30T23:59:59Z')).tiers[3]?.capacity).toBe(20);
  });
});

describe('compileProgram', () => {
  const compiled = compileProgram(sisoProgram);
  const [starter, active, performer, elite] = compiled.versions[0]?.tiers ?? [];

  it('makes unlocks cumulative in programme order: Performer holds 6 + 13 + 9 = 28', () => {
    expect(performer?.allUnlocks).toHaveLength(28);
    expect(performer?.allUnlocks).toEqual([
      ...sisoProgram.tiers[0]!.unlocks,
      ...sisoProgram.tiers[1]!.unlocks,
      ...sisoProgram.tiers[2]!.unlocks,
    ]);
    expect(performer?.allUnlocks[0]).toBe('dashboard');
    expect(performer?.allUnlocks[27]).toBe('deal-pipeline');
    // 6, 6 + 13 = 19, 28, 28 + 11 = 39.
    expect([starter, active, performer, elite].map((tier) => tier?.allUnlocks.length)).toEqual([
      6, 19, 28, 39,
    ]);
    expect(performer?.unlocks).toHaveLength(9);
  });

  it('parses rates once as exact decimals, and a missing referral bonus as null', () => {
    expect(active?.baseRate.toFixed(2)).toBe('0.22');
    expect(starter?.referralBonusRate).toBeNull();
    expect(elite?.referralBonusRate?.toFixed(2)).toBe('0.05');
    expect(elite?.capacity).toBe(20);
    expect(starter?.capacity).toBeNull();
    expect(starter?.maintain).toBeNull();
  });

  it('resolves the override plan: level 1 at 10 % from Performer (tier index 2)', () => {
    const overrides = compiled.versions[0]?.overrides;
    expect(overrides?.basis).toBe('deal-amount');
    expect(overrides?.compression).toBe(false);
    expect(
      overrides?.levels.map((level) => [level.level, level.rate.toFixed(2), level.minTierIndex]),
    ).toEqual([[1, '0.10', 2]]);
    expect(overrides?.perDealCap).toBeNull();
    expect(overrides?.perPeriodCap).toBeNull();
  });

  it('compiles each tier rule to a predicate over facts', () => {
    const certified = { trainingsCompleted: ['certification'] };
    expect(active?.qualify.test({ countedDeals: 3, ...certified })).toBe(true);
    expect(active?.qualify.test({ countedDeals: 2, ...certified })).toBe(false);
    expect(active?.qualify.test({ countedDeals: 3, trainingsCompleted: [] })).toBe(false);
    expect(elite?.maintain?.test({ reviewPeriodDeals: 3 })).toBe(true);
    expect(elite?.maintain?.test({ reviewPeriodDeals: 2 })).toBe(false);
  });

  it('indexes tiers and features by id', () => {
    expect(compiled.tierIndex.get('performer')).toBe(2);
    expect(compiled.features.has('custom-deal-structure')).toBe(true);
    expect(compiled.features.size).toBe(39);
  });

  it('compiles rules with the custom operators the programme was loaded with', () => {
    const divisibleBy = (factValue: unknown, jsonValue: unknown) =>
      typeof factValue === 'number' && typeof jsonValue === 'number' && factValue % jsonValue === 0;
    const program = loadProgram(structuredClone(sisoDocument), { operators: { divisibleBy } });
    const everyFifth = compileProgram(program).compile({
      all: [{ fact: 'countedDeals', operator: 'divisibleBy', value: 5 }],
    });
    expect(everyFifth.test({ countedDeals: 10 })).toBe(true);
    expect(everyFifth.test({ countedDeals: 7 })).toBe(false);
  });
});
