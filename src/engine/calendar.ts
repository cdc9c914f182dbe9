// Calendar periods in the programme's time zone. Every boundary (month, quarter, year, payout
// day) is midnight there, whatever the machine's own zone; results are epoch milliseconds.
import { TZDate } from '@date-fns/tz';
import { addMonths, startOfMonth } from 'date-fns';

/** A calendar period kind: month, quarter or year. */
export type CalendarPeriod = 'month' | 'quarter' | 'year';

/** A calendar period: its key (`2025-03`, `2025-Q1`, `2025`) and its instants [start, end). */
export interface PeriodRange {
  /** The kind of period. */
  readonly period: CalendarPeriod;
  /** Its key: `2025-03`, `2025-Q1` or `2025`. */
  readonly key: string;
  /** Its first instant, in epoch milliseconds (midnight in the calendar's time zone). */
  readonly start: number;
  /** The first instant after it, in epoch milliseconds. */
  readonly end: number;
}

const MONTHS_IN: Record<CalendarPeriod, number> = { month: 1, quarter: 3, year: 12 };

/**
 * Calendar periods in a programme's time zone: every month, quarter and year starts at midnight
 * there, whatever the machine's own zone.
 *
 * @example
 * const calendar = new Calendar('Europe/Paris');
 * calendar.periodOf(Date.parse('2025-03-31T22:30:00Z'), 'month').key
 * //=> '2025-04'
 * calendar.rangeOfKey('2025-Q1')?.start === Date.parse('2024-12-31T23:00:00Z')
 * //=> true
 */
export class Calendar {
  /** The IANA time zone the periods are in. */
  readonly timeZone: string;
  // Every range found so far, by kind, sorted by start: a lookup is a binary search (time zone
  // arithmetic runs once per period, however the lookups jump between periods).
  private readonly known = new Map<CalendarPeriod, PeriodRange[]>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /**
   * The period of `kind` that contains the instant.
   *
   * @example
   * new Calendar('Europe/Paris').periodOf(Date.parse('2025-03-31T22:30:00Z'), 'month').key
   * //=> '2025-04'
   */
  periodOf(instant: number, kind: CalendarPeriod): PeriodRange {
    const ranges = this.known.get(kind) ?? [];
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const range = ranges[middle] as PeriodRange;
      if (instant < range.start) high = middle;
      else if (instant >= range.end) low = middle + 1;
      else return range;
    }
    const local = new TZDate(instant, this.timeZone);
    const firstMonth = local.getMonth() - (local.getMonth() % MONTHS_IN[kind]);
    const startLocal = startOfMonth(new TZDate(local.getFullYear(), firstMonth, 1, this.timeZone));
    const start = startLocal.getTime();
    const end = addMonths(startLocal, MONTHS_IN[kind]).getTime();
    const range = { period: kind, key: periodKey(local.getFullYear(), firstMonth, kind), start, end };
    ranges.splice(low, 0, range);
    this.known.set(kind, ranges);
    return range;
  }

  /** The range of a key such as `2025-03`, `2025-Q1` or `2025`; undefined for anything else. */
  rangeOfKey(key: string): PeriodRange | undefined {
    const match = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])))?$/.exec(key);
    if (!match) return undefined;
    const year = Number(match[1]);
    const kind: CalendarPeriod = match[2] ? 'month' : match[3] ? 'quarter' : 'year';
    const month = match[2] ? Number(match[2]) - 1 : match[3] ? (Number(match[3]) - 1) * 3 : 0;
    if (month < 0 || month > 11) return undefined;
    return this.periodOf(new TZDate(year, month, 1, this.timeZone).getTime(), kind);
  }

  /** The first instant of the month after the one holding `instant`. */
  nextMonthStart(instant: number): number {
    return this.periodOf(instant, 'month').end;
  }

  /**
   * The first payout moment (midnight starting `dayOfMonth`) strictly after `instant`.
   *
   * @example
   * new Calendar('UTC').nextPayoutRun(Date.parse('2025-01-15T00:00:00Z'), 15)
   * //=> Date.parse('2025-02-15T00:00:00Z')
   */
  nextPayoutRun(instant: number, dayOfMonth: number): number {
    const month = this.periodOf(instant, 'month');
    const local = new TZDate(month.start, this.timeZone);
    const thisMonth = new TZDate(local.getFullYear(), local.getMonth(), dayOfMonth, this.timeZone).getTime();
    if (thisMonth > instant) return thisMonth;
    const next = new TZDate(month.end, this.timeZone);
    return new TZDate(next.getFullYear(), next.getMonth(), dayOfMonth, this.timeZone).getTime();
  }
}

function periodKey(year: number, firstMonth: number, kind: CalendarPeriod): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${firstMonth / 3 + 1}`;
  return `${year}-${String(firstMonth + 1).padStart(2, '0')}`;
}

/** The periods that end at a month boundary: always the month, the quarter every third, the year in January. */
/** The keys of the month, quarter and year holding an instant. */
export interface PeriodKeys {
  readonly month: string;
  readonly quarter: string;
  readonly year: string;
}

/**
 * The month, quarter and year an instant falls in, in the calendar's time zone.
 *
 * @example
 * periodKeysAt(new Calendar('UTC'), Date.parse('2025-02-10T00:00:00Z'))
 * //=> { month: '2025-02', quarter: '2025-Q1', year: '2025' }
 */
export function periodKeysAt(calendar: Calendar, instant: number): PeriodKeys {
  return {
    month: calendar.periodOf(instant, 'month').key,
    quarter: calendar.periodOf(instant, 'quarter').key,
    year: calendar.periodOf(instant, 'year').key,
  };
}

export function periodsEndingAt(calendar: Calendar, boundary: number): PeriodRange[] {
  const justBefore = boundary - 1;
  const ended: PeriodRange[] = [calendar.periodOf(justBefore, 'month')];
  for (const kind of ['quarter', 'year'] as const) {
    const range = calendar.periodOf(justBefore, kind);
    if (range.end === boundary) ended.push(range);
  }
  return ended;
}
