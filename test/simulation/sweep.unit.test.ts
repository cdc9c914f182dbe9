import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import { SimulationError } from '../../src/simulation/errors.js';
import { parseProgramPath, setAtPath } from '../../src/simulation/program-path.js';
import { axisValues, sweep } from '../../src/simulation/sweep.js';
import { onePartnerStream } from './givens.js';

const ACTIVE = 'tiers[id=active].baseRate';

describe('sweep', () => {
  const events = onePartnerStream();

  it('gives one row per value: three Active rates', () => {
    const report = sweep({
      events,
      program: sisoProgram,
      axes: [{ path: ACTIVE, from: '0.22', to: '0.24', step: '0.01' }],
    });
    // Deals 3 to 5 (3 × 1000.00) are paid at Active: each point of rate is 30.00.
    // Totals 400.00 + 3 × 220, 230, 240 = 1060.00, 1090.00, 1120.00; cost share of 5000.00 revenue.
    expect(report.baseline).toEqual({ total: '1060.00', revenue: '5000.00', costShare: '0.2120' });
    expect(
      report.rows.map((row) => [row.values[0], row.total, row.delta, row.costShare, row.partnersWorse]),
    ).toEqual([
      ['0.22', '1060.00', '0.00', '0.2120', 0],
      ['0.23', '1090.00', '30.00', '0.2180', 0],
      ['0.24', '1120.00', '60.00', '0.2240', 0],
    ]);
    expect(report.axes).toEqual([{ path: ACTIVE, values: ['0.22', '0.23', '0.24'] }]);
  });

  it('counts the partners worse off', () => {
    const report = sweep({
      events,
      program: sisoProgram,
      axes: [{ path: ACTIVE, from: '0.21', to: '0.21', step: '0.01' }],
    });
    // At 21 %: 400.00 + 3 × 210.00 = 1030.00, p1 earns 30.00 less.
    expect(report.rows).toEqual([
      {
        values: ['0.21'],
        total: '1030.00',
        delta: '-30.00',
        deltaShare: '-0.0283',
        revenue: '5000.00',
        costShare: '0.2060',
        partnersWorse: 1,
        partnersBetter: 0,
      },
    ]);
  });

  it('runs a grid of two figures, the first varying slowest', () => {
    const report = sweep({
      events,
      program: sisoProgram,
      axes: [
        { path: 'tiers[id=starter].baseRate', from: '0.20', to: '0.21', step: '0.01' },
        { path: ACTIVE, from: '0.22', to: '0.23', step: '0.01' },
      ],
    });
    // Starter pays deals 1 and 2 (2 × 1000.00), Active deals 3 to 5: total = 2000 × s + 3000 × a.
    expect(report.rows.map((row) => [...row.values, row.total])).toEqual([
      ['0.20', '0.22', '1060.00'],
      ['0.20', '0.23', '1090.00'],
      ['0.21', '0.22', '1080.00'],
      ['0.21', '0.23', '1110.00'],
    ]);
  });

  it('keeps a number a number: holdPeriodDays', () => {
    const report = sweep({
      events,
      program: sisoProgram,
      axes: [{ path: 'holdPeriodDays', from: '14', to: '30', step: '16' }],
    });
    expect(report.rows.map((row) => [row.values[0], row.delta])).toEqual([
      ['14', '0.00'],
      ['30', '0.00'],
    ]);
  });
});

describe('axisValues', () => {
  const axis = (from: string, to: string, step: string) => ({ path: ACTIVE, from, to, step });

  it('counts exactly in decimals: 0.20 by 0.01', () => {
    expect(axisValues(axis('0.20', '0.26', '0.01'), 'axes[0]')).toEqual([
      '0.20',
      '0.21',
      '0.22',
      '0.23',
      '0.24',
      '0.25',
      '0.26',
    ]);
    // 0.1 + 0.2 is 0.3 here, never 0.30000000000000004.
    expect(axisValues(axis('0.1', '0.3', '0.1'), 'axes[0]')).toEqual(['0.1', '0.2', '0.3']);
  });

  it('stops at the last step within the range', () => {
    expect(axisValues(axis('0.20', '0.25', '0.02'), 'axes[0]')).toEqual(['0.20', '0.22', '0.24']);
  });

  it('refuses an empty range, a zero or negative step, and text', () => {
    expect(() => axisValues(axis('0.25', '0.20', '0.01'), 'axes[0]')).toThrow(
      /the range is empty: from 0.25 is above to 0.20/,
    );
    expect(() => axisValues(axis('0.20', '0.25', '0'), 'axes[0]')).toThrow(
      /the step must be positive, got 0/,
    );
    expect(() => axisValues(axis('0.20', '0.25', '-0.01'), 'axes[0]')).toThrow(/the step must be positive/);
    expect(() => axisValues(axis('abc', '0.25', '0.01'), 'axes[0]')).toThrow(/from must be a decimal number/);
    expect(() => axisValues(axis('0', '1000', '1'), 'axes[0]')).toThrow(
      /1001 values; a sweep takes at most 100/,
    );
  });
});

describe('sweep errors before anything runs', () => {
  const attempt =
    (path: string, from = '0.22', to = '0.24', step = '0.01') =>
    () =>
      sweep({ events: onePartnerStream(), program: sisoProgram, axes: [{ path, from, to, step }] });

  it('names an unknown path and what is there instead', () => {
    expect(attempt('tiers[id=gold].baseRate')).toThrow(
      'path "tiers[id=gold].baseRate": "tiers" has no [id=gold] (its ids are starter, active, performer, elite)',
    );
    expect(attempt('tiers[id=active].baseRat')).toThrow(
      /"tiers\[id=active\]" has no baseRat \(its fields are id, name, rank/,
    );
    expect(attempt('tiers[9].baseRate')).toThrow(/"tiers" has no \[9\] \(it has 4 elements\)/);
    expect(attempt('tiers')).toThrow(/"tiers" is an array, not a number or an amount/);
    expect(attempt('tiers[id=active')).toThrow(SimulationError);
  });

  it('names a value the programme schema refuses', () => {
    const refused = attempt('tiers[id=active].baseRate', '0.90', '1.10', '0.10');
    expect(refused).toThrow(SimulationError);
    expect(refused).toThrow(
      /with tiers\[id=active\]\.baseRate = 1\.10 the programme is invalid: tiers\[1\]\.baseRate/,
    );
  });
});

describe('program paths', () => {
  it('reads fields, positions and matches', () => {
    expect(parseProgramPath('overrides.levels[level=1].rate')).toEqual([
      { kind: 'field', name: 'overrides' },
      { kind: 'field', name: 'levels' },
      { kind: 'match', field: 'level', value: '1' },
      { kind: 'field', name: 'rate' },
    ]);
  });

  it('sets a value in place and gives back the old one', () => {
    const document = structuredClone(sisoProgram) as unknown as {
      overrides: { levels: Array<{ rate: string }> };
    };
    expect(setAtPath(document, 'overrides.levels[level=1].rate', '0.12')).toBe('0.10');
    expect(document.overrides.levels[0]?.rate).toBe('0.12');
  });
});
