// How amounts, rates and facts read in explanations: "22 % of 1,500.00", "3 deals, certified".
import type { Decimal } from '../money/decimal.js';

/**
 * A money string with thousands separators, for people.
 *
 * @example
 * readableMoney('-12345.60')
 * //=> '-12,345.60'
 */
export function readableMoney(amount: string): string {
  const [whole = '', fraction] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
}

/**
 * A rate as a percentage.
 *
 * @example
 * readableRate(new Decimal('0.025'))
 * //=> '2.5 %'
 */
export function readableRate(rate: Decimal): string {
  let text = readableRates.get(rate);
  if (text === undefined) {
    text = `${rate.times(100).toString()} %`;
    readableRates.set(rate, text);
  }
  return text;
}

// Entries of one programme use a handful of rate instances: say each once.
const readableRates = new WeakMap<Decimal, string>();

/** The facts that met a tier's rule, briefly: "countedDeals 3, trainingsCompleted [certification]". */
export function readableFacts(facts: Readonly<Record<string, unknown>>): string {
  if (Object.keys(facts).length === 0) return 'the entry tier';
  return Object.entries(facts)
    .map(([name, value]) => `${name} ${Array.isArray(value) ? `[${value.join(', ')}]` : String(value)}`)
    .join(', ');
}
