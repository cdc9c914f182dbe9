// The value axis of a chart: a range that starts at a round number below the smallest value (zero
// when every value is positive) and ends at one above the largest, with ticks at 1, 2 or 5 times a
// power of ten, so the gridlines read as 0, 500, 1,000 rather than 0, 437, 874.

export interface ValueScale {
  readonly minimum: number;
  readonly maximum: number;
  readonly ticks: readonly number[];
}

/** At most this many gridlines, so the labels never crowd. */
const TICKS_WANTED = 5;

/**
 * A scale covering every value, zero included.
 *
 * @example
 * valueScale([120, 940])
 * //=> { minimum: 0, maximum: 1000, ticks: [0, 200, 400, 600, 800, 1000] }
 */
export function valueScale(values: readonly number[]): ValueScale {
  const finite = values.filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  if (low === high) return { minimum: 0, maximum: 1, ticks: [0, 1] };
  const step = niceStep((high - low) / TICKS_WANTED);
  const minimum = Math.floor(low / step) * step;
  const maximum = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  // Counted in steps, not summed, so 0.1 + 0.2 never drifts into a label.
  for (let index = 0; minimum + index * step <= maximum + step / 2; index++)
    ticks.push(Number((minimum + index * step).toPrecision(12)));
  return { minimum, maximum, ticks };
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A tick's label: thousands grouped, at most two decimals, `k`/`M` for large round numbers.
 *
 * @example
 * tickLabel(2500000)
 * //=> '2.5M'
 */
export function tickLabel(value: number): string {
  const size = Math.abs(value);
  if (size >= 1_000_000) return `${trimmed(value / 1_000_000)}M`;
  if (size >= 10_000) return `${trimmed(value / 1_000)}k`;
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function trimmed(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
