// The calendar month (`2025-03`) of an instant in a programme's time zone, for costs and revenue
// by month. Every run of a simulation buckets by the baseline's zone, so months line up.
import { TZDate } from '@date-fns/tz';
import { addMonths, startOfMonth } from 'date-fns';

interface MonthRange {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Month keys of instants; the zone arithmetic runs once per month, the rest is a range check
 * against the month last found (ledger entries come in time order).
 *
 * @example
 * new MonthKeys('Europe/Paris').of('2025-03-31T22:30:00.000Z')
 * //=> '2025-04'
 */
export class MonthKeys {
  private last: MonthRange = { key: '', start: 0, end: 0 };
  private readonly known = new Map<string, MonthRange>();

  constructor(readonly timeZone: string) {}

  of(at: string): string {
    const instant = Date.parse(at);
    if (instant >= this.last.start && instant < this.last.end) return this.last.key;
    this.last = this.rangeOf(instant);
    return this.last.key;
  }

  private rangeOf(instant: number): MonthRange {
    const local = new TZDate(instant, this.timeZone);
    const key = `${String(local.getFullYear()).padStart(4, '0')}-${String(local.getMonth() + 1).padStart(2, '0')}`;
    const known = this.known.get(key);
    if (known) return known;
    const start = startOfMonth(new TZDate(local.getFullYear(), local.getMonth(), 1, this.timeZone));
    const range = { key, start: start.getTime(), end: addMonths(start, 1).getTime() };
    this.known.set(key, range);
    return range;
  }
}
