// Exact money over decimal.js: the library's Decimal, rounding, strict parsing, allocation and
// formatting. Re-exports only.
export { allocate } from './allocate.js';
export { Decimal } from './decimal.js';
export { formatMoney, formatRate } from './format.js';
export {
  decimalOf,
  formatMinor,
  MAX_VOLUME_MINOR,
  type MinorUnits,
  majorOf,
  minorUnitsOf,
  NO_MINOR_UNITS,
  rateTimesMinor,
} from './minor.js';
export { multiplyAndRound, sumAmounts, zero } from './money.js';
export {
  type AmountSign,
  MAX_AMOUNT_DIGITS,
  type ParseAmountOptions,
  type ParseResult,
  parseAmount,
  parseRate,
} from './parse.js';
export { ROUNDING_MODES, type RoundingMode, roundToPlaces } from './rounding.js';
