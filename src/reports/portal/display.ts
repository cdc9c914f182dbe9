// How the portal's pages write the view models' values for people: money with its thousands
// grouped and its currency, a rate as "22 %", an instant as a date in the programme's time zone,
// a month key as its name, a feature id as words. The same text on every machine: no locale.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { readableMoney, readableRate } from '../../ledger/words.js';
import { Decimal } from '../../money/decimal.js';

/** What every portal page may be told besides its view model. */
export interface PortalPageOptions {
  /** The IANA time zone dates are shown in: the programme's (default UTC). */
  readonly timeZone?: string;
  /** The programme's name, shown above the page's heading. */
  readonly programmeName?: string;
  /** Each feature's name by id, as the programme's `features` give them (`featureNamesOf`). */
  readonly featureNames?: Readonly<Record<string, string>>;
}

/**
 * The names a programme gives its features, by id, for `PortalPageOptions.featureNames`.
 *
 * @example
 * featureNamesOf(sisoProgram)['team-dashboard']
 * //=> 'Team Management Dashboard'
 */
export function featureNamesOf(program: {
  readonly features: readonly { readonly id: string; readonly name: string }[];
}): Record<string, string> {
  return Object.fromEntries(program.features.map((feature) => [feature.id, feature.name]));
}

/**
 * An amount as people read it.
 *
 * @example
 * moneyText('1530.00', 'USD')
 * //=> '1,530.00 USD'
 */
export function moneyText(amount: string, currency: string): string {
  return `${readableMoney(amount)} ${currency}`;
}

/**
 * A rate of the view model ("0.22") as a percentage.
 *
 * @example
 * percentText('0.225')
 * //=> '22.5 %'
 */
export function percentText(rate: string): string {
  return readableRate(new Decimal(rate));
}

/**
 * An instant as its date where the programme keeps time.
 *
 * @example
 * dateText('2025-03-15T00:00:00.000Z', 'UTC')
 * //=> '15 Mar 2025'
 */
export function dateText(instant: string | null, timeZone = 'UTC'): string {
  if (instant === null || instant === '') return 'not scheduled yet';
  return format(new TZDate(Date.parse(instant), timeZone), 'd MMM yyyy');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * A month key as its name; any other period key as it is.
 *
 * @example
 * periodText('2025-02')
 * //=> 'February 2025'
 */
export function periodText(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : period;
}

/**
 * A feature's name: the programme's when given, else its id as words.
 *
 * @example
 * featureText('team-dashboard', { 'team-dashboard': 'Team Management Dashboard' })
 * //=> 'Team Management Dashboard'
 * featureText('team-dashboard')
 * //=> 'team dashboard'
 */
export function featureText(feature: string, names: PortalPageOptions['featureNames'] = {}): string {
  return Object.hasOwn(names, feature) ? (names[feature] as string) : feature.replace(/[-_]+/g, ' ');
}

/**
 * "1 deal", "3 deals".
 *
 * @example
 * counted(1, 'partner')
 * //=> '1 partner'
 */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
