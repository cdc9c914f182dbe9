// Splitting an amount into parts by weight so the parts add up to exactly the amount: the
// largest-remainder method, worked in whole minor units (cents) held as BigInt, so no step rounds.
import { Decimal } from './decimal.js';

/**
 * Splits `total` into parts proportional to `weights`, each at `decimals` places, that add up to
 * exactly `total`. Each part starts as its exact share cut down to whole minor units; the minor
 * units left over go one each to the parts that lost the most, ties to the earliest. A negative
 * total is split as the mirror image of the positive one. Throws a RangeError for a negative
 * weight, weights that are all zero, or a total with more than `decimals` places.
 *
 * @example
 * allocate(new Decimal('100.00'), [new Decimal(1), new Decimal(1), new Decimal(1)], 2).map(String)
 * //=> ['33.34', '33.33', '33.33']
 * allocate(new Decimal('-10.00'), [new Decimal('0.7'), new Decimal('0.3')], 2).map(String)
 * //=> ['-7', '-3']
 */
export function allocate(total: Decimal, weights: readonly Decimal[], decimals: number): Decimal[] {
  if (weights.length === 0) return [];
  const totalMinor = toScaledInteger(total, decimals, 'total');
  const weightScaled = scaleWeights(weights);
  const weightSum = weightScaled.reduce((sum, weight) => sum + weight, 0n);
  if (weightSum === 0n) throw new RangeError('allocate needs at least one weight above zero');
  const magnitude = totalMinor < 0n ? -totalMinor : totalMinor;
  const parts = splitMinorUnits(magnitude, weightScaled, weightSum);
  return parts.map((part) => fromMinorUnits(totalMinor < 0n ? -part : part, decimals));
}

// The largest-remainder method on non-negative integers: floor(total × weight / sum) each, then
// one more unit for each of the largest remainders until the parts add up to the total.
function splitMinorUnits(total: bigint, weights: readonly bigint[], weightSum: bigint): bigint[] {
  const parts = weights.map((weight) => (total * weight) / weightSum);
  const remainders = weights.map((weight) => (total * weight) % weightSum);
  const handedOut = parts.reduce((sum, part) => sum + part, 0n);
  const order = weights.map((_, index) => index);
  // Stable sort: equal remainders keep index order, so ties go to the earliest part.
  order.sort((left, right) => compareDescending(remainders[left]!, remainders[right]!));
  // Fewer units are left over than there are parts, since each part lost less than one.
  let leftover = total - handedOut;
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index]! += 1n;
    leftover -= 1n;
  }
  return parts;
}

function compareDescending(left: bigint, right: bigint): number {
  if (left === right) return 0;
  return left > right ? -1 : 1;
}

// Weights as integers over a common power of ten, enough places that none is cut.
function scaleWeights(weights: readonly Decimal[]): bigint[] {
  let places = 0;
  for (const [index, weight] of weights.entries()) {
    if (weight.isNegative() && !weight.isZero()) {
      throw new RangeError(`allocate weights must not be negative; weight ${index} is ${weight.toFixed()}`);
    }
    places = Math.max(places, weight.decimalPlaces());
  }
  return weights.map((weight) => toScaledInteger(weight, places, 'weight'));
}

function toScaledInteger(value: Decimal, places: number, name: string): bigint {
  if (value.decimalPlaces() > places) {
    throw new RangeError(`allocate ${name} ${value.toFixed()} has more than ${places} decimal places`);
  }
  // toFixed writes every digit in plain notation; dropping the point multiplies by 10^places.
  return BigInt(value.toFixed(places).replace('.', ''));
}

function fromMinorUnits(minor: bigint, decimals: number): Decimal {
  return new Decimal(`${minor}e-${decimals}`);
}
