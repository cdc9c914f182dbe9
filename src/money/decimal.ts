// The library's own decimal.js constructor. Every amount and rate is one of its instances, so the
// library never reads or changes the global decimal.js configuration a host application may have set.
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The library's Decimal: 40 significant digits, so a rate times an amount is exact for any
 * realistic amount; plain notation (never `1e+21`) however large or small the value.
 *
 * @example
 * new Decimal('0.22').times('10.75').toString()
 * //=> '2.365'
 * new Decimal('1e21').toString()
 * //=> '1000000000000000000000'
 */
export const Decimal: DecimalJs.Constructor = DecimalJs.clone({
  // Start from decimal.js's defaults, not from whatever the host set globally before we loaded.
  defaults: true,
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  // The widest range decimal.js allows: toString and toJSON never switch to exponent notation.
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/** An instance of the library's Decimal. */
export type Decimal = DecimalJs;

/** The rounding mode numbers decimal.js understands (`Decimal.ROUND_HALF_EVEN` is 6). */
export type DecimalJsRounding = DecimalJs.Rounding;
