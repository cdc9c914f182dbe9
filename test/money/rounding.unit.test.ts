import { describe, expect, it } from 'vitest';
import { Decimal, ROUNDING_MODES, type RoundingMode, roundToPlaces } from '../../src/money/index.js';

function round(value: string, decimals: number, mode: RoundingMode): string {
  return roundToPlaces(new Decimal(value), decimals, mode).toFixed(decimals);
}

describe('roundToPlaces', () => {
  it('names nine modes', () => {
    expect(ROUNDING_MODES).toEqual([
      'HALF_EVEN',
      'HALF_UP',
      'HALF_DOWN',
      'UP',
      'DOWN',
      'CEIL',
      'FLOOR',
      'HALF_CEIL',
      'HALF_FLOOR',
    ]);
  });

  // 2.365 is exactly halfway between 2.36 and 2.37; 6 is the even neighbour.
  it.each<[RoundingMode, string, string]>([
    ['HALF_EVEN', '2.36', '-2.36'],
    ['HALF_UP', '2.37', '-2.37'],
    ['HALF_DOWN', '2.36', '-2.36'],
    ['UP', '2.37', '-2.37'],
    ['DOWN', '2.36', '-2.36'],
    ['CEIL', '2.37', '-2.36'],
    ['FLOOR', '2.36', '-2.37'],
    ['HALF_CEIL', '2.37', '-2.36'],
    ['HALF_FLOOR', '2.36', '-2.37'],
  ])('rounds the tie 2.365 with %s to %s, and -2.365 to %s', (mode, positive, negative) => {
    expect(round('2.365', 2, mode)).toBe(positive);
    expect(round('-2.365', 2, mode)).toBe(negative);
  });

  it('rounds a tie to the even neighbour with HALF_EVEN, whichever side it is on', () => {
    expect(round('2.375', 2, 'HALF_EVEN')).toBe('2.38'); // 7 is odd, so up to 8
    expect(round('2.505', 2, 'HALF_EVEN')).toBe('2.50'); // 0 is even, so down
    expect(round('-2.375', 2, 'HALF_EVEN')).toBe('-2.38');
  });

  // Off a tie every HALF_ mode agrees: 2.361 is nearer 2.36, 2.369 is nearer 2.37.
  it.each<[RoundingMode, string, string]>([
    ['HALF_EVEN', '2.36', '2.37'],
    ['HALF_UP', '2.36', '2.37'],
    ['HALF_DOWN', '2.36', '2.37'],
    ['HALF_CEIL', '2.36', '2.37'],
    ['HALF_FLOOR', '2.36', '2.37'],
    ['UP', '2.37', '2.37'],
    ['DOWN', '2.36', '2.36'],
    ['CEIL', '2.37', '2.37'],
    ['FLOOR', '2.36', '2.36'],
  ])('rounds 2.361 and 2.369 with %s to %s and %s', (mode, low, high) => {
    expect(round('2.361', 2, mode)).toBe(low);
    expect(round('2.369', 2, mode)).toBe(high);
  });

  it('rounds clawbacks as the mirror image of commissions in the modes that do not look at the sign', () => {
    for (const mode of ['HALF_EVEN', 'HALF_UP', 'HALF_DOWN', 'UP', 'DOWN'] as const) {
      for (const value of ['2.365', '2.375', '2.361', '2.369', '0.005']) {
        const mirrored = roundToPlaces(new Decimal(value), 2, mode).negated();
        expect(roundToPlaces(new Decimal(`-${value}`), 2, mode).equals(mirrored)).toBe(true);
      }
    }
  });

  it('rounds to whole units for JPY-like currencies', () => {
    expect(round('236.5', 0, 'HALF_EVEN')).toBe('236'); // 6 is even
    expect(round('237.5', 0, 'HALF_EVEN')).toBe('238'); // 7 is odd
    expect(round('236.5', 0, 'HALF_UP')).toBe('237');
    expect(round('-236.5', 0, 'HALF_UP')).toBe('-237');
  });

  it('rounds to three places for BHD-like currencies', () => {
    expect(round('0.5005', 3, 'HALF_EVEN')).toBe('0.500');
    expect(round('0.5015', 3, 'HALF_EVEN')).toBe('0.502');
    expect(round('0.5005', 3, 'HALF_UP')).toBe('0.501');
  });

  it('leaves a value that already has few enough places unchanged', () => {
    expect(roundToPlaces(new Decimal('2.3'), 2, 'UP').toFixed()).toBe('2.3');
    expect(roundToPlaces(new Decimal('-7'), 0, 'FLOOR').toFixed()).toBe('-7');
  });

  it('never returns a negative zero', () => {
    // -0.0022 rounds to zero; a negative zero would serialise to JSON as "-0".
    const rounded = roundToPlaces(new Decimal('-0.0022'), 2, 'HALF_EVEN');
    expect(rounded.isZero()).toBe(true);
    expect(rounded.isNegative()).toBe(false);
    expect(JSON.stringify(rounded)).toBe('"0"');
  });

  it('does not mutate its input', () => {
    const value = new Decimal('2.365');
    roundToPlaces(value, 2, 'HALF_UP');
    expect(value.toFixed()).toBe('2.365');
  });
});
