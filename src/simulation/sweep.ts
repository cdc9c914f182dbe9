// sweep: one or two programme figures varied over a range, each value (or pair of values, a grid)
// a candidate against the programme as given: total, delta, cost share, partners worse off per
// row. Every programme a sweep would run is built and validated first, so an unknown path, a value
// the schema refuses, an empty range or a step that is not positive fails before anything runs.
// The range is counted with decimal.js: 0.20 by 0.01 is 0.20, 0.21, … exactly.
import { Decimal } from '../money/index.js';
import type { Program } from '../program/load.js';
import type { Reproducibility } from '../reports/reproducibility.js';
import { SimulationError } from './errors.js';
import { MAX_CANDIDATES, type ProgramLike, programAt, type SimulationPlan } from './plan.js';
import type { PoolOptions } from './pool.js';
import { setAtPath } from './program-path.js';
import { type SimulationReport, simulate, simulateInWorkers } from './simulate.js';

/** One programme figure a sweep varies: where it is, and the range of values it takes. */
export interface SweepAxis {
  /** Where in the programme document, as `tiers[id=active].baseRate` (see program-path.ts). */
  readonly path: string;
  /** Decimal strings: the first value, the last (included when the steps reach it), the step. */
  readonly from: string;
  /** The last value, as a decimal string (included when the steps reach it). */
  readonly to: string;
  /** The step between values, a positive decimal string. */
  readonly step: string;
}

/** Options of `sweep` and `sweepInWorkers`: the events, the programme, and the figures to vary. */
export interface SweepOptions {
  /** Raw JSON events or parsed ones, in any order (replay's order is used). */
  readonly events: readonly unknown[];
  /**
   * The programme as given: the baseline every row is compared with, and the one each row changes.
   */
  readonly program: ProgramLike;
  /** One axis, or two for a grid. */
  readonly axes: readonly SweepAxis[];
  /** ISO-8601 with an offset or Z; default: the last accepted event, as replay. */
  readonly asOf?: string;
}

/**
 * One row of a sweep: the programme with these values, run over the events and set against the
 * programme as given.
 */
export interface SweepRow {
  /** The value of each axis, as written into the programme. */
  readonly values: readonly string[];
  /** The row's total cost, as a money string. */
  readonly total: string;
  /** The row's total minus the baseline's. */
  readonly delta: string;
  /** The delta as a share of the baseline's total, or null when that is zero. */
  readonly deltaShare: string | null;
  /** The row's revenue: deal amounts net of refunds. */
  readonly revenue: string;
  /** Total cost as a share of revenue, or null without revenue. */
  readonly costShare: string | null;
  /** Partners who earn less than under the programme as given. */
  readonly partnersWorse: number;
  /** Partners who earn more than under the programme as given. */
  readonly partnersBetter: number;
}

/**
 * What a sweep returns: the values of each axis, the programme as given, and one row per value (or
 * per cell of a grid).
 */
export interface SweepReport {
  /** The instant the baseline's run went up to: the as-of time given, else its last accepted event's. */
  readonly asOf: string | null;
  /** The programme's ISO 4217 currency code. */
  readonly currency: string;
  /**
   * What the report was made of (programme and event digests), to run it again and get the same
   * bytes.
   */
  readonly reproducibility: Reproducibility;
  /** Each axis's path and the values it took. */
  readonly axes: ReadonlyArray<{
    /** The axis's path into the programme. */
    readonly path: string;
    /** The values it took, in order. */
    readonly values: readonly string[];
  }>;
  /** The programme as given. */
  readonly baseline: {
    /** Its total cost, as a money string. */
    readonly total: string;
    /** Its revenue: deal amounts net of refunds. */
    readonly revenue: string;
    /** Total cost as a share of revenue, or null without revenue. */
    readonly costShare: string | null;
  };
  /** One per value, or per cell of the grid (the first axis varying slowest). */
  readonly rows: readonly SweepRow[];
}

/** Values an axis takes at most: each value is a whole replay. */
export const MAX_SWEEP_VALUES = MAX_CANDIDATES;
/** Cells a two-axis sweep takes at most (the product of the two axes' value counts). */
export const MAX_SWEEP_CELLS = MAX_CANDIDATES;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * The values of an axis: from, from + step, … up to `to`.
 *
 * @throws {SimulationError} INVALID_RANGE for a value that is not a decimal, a step that is not
 *   positive, an empty range or one of more than MAX_SWEEP_VALUES values.
 * @example
 * axisValues({ path: 'tiers[id=active].baseRate', from: '0.20', to: '0.23', step: '0.01' }, 'axes[0]')
 * //=> ['0.20', '0.21', '0.22', '0.23']
 */
export function axisValues(axis: SweepAxis, where: string): string[] {
  const fail = (message: string) => new SimulationError('INVALID_RANGE', where, `${axis.path}: ${message}`);
  for (const [name, text] of [
    ['from', axis.from],
    ['to', axis.to],
    ['step', axis.step],
  ] as const)
    if (typeof text !== 'string' || !DECIMAL.test(text.trim()))
      throw fail(`${name} must be a decimal number, got "${String(text)}"`);
  const [from, to, step] = [
    new Decimal(axis.from.trim()),
    new Decimal(axis.to.trim()),
    new Decimal(axis.step.trim()),
  ];
  if (step.lte(0)) throw fail(`the step must be positive, got ${axis.step}`);
  if (from.gt(to)) throw fail(`the range is empty: from ${axis.from} is above to ${axis.to}`);
  const count = to.minus(from).dividedToIntegerBy(step).plus(1);
  if (count.gt(MAX_SWEEP_VALUES))
    throw fail(
      `${count.toFixed()} values; a sweep takes at most ${MAX_SWEEP_VALUES} per axis (use a larger step)`,
    );
  // As written: 0.20 keeps its two places (decimal.js would count one).
  const places = Math.max(...[axis.from, axis.to, axis.step].map(placesOf));
  return Array.from({ length: count.toNumber() }, (_, index) => from.plus(step.times(index)).toFixed(places));
}

function placesOf(text: string): number {
  const point = text.trim().indexOf('.');
  return point === -1 ? 0 : text.trim().length - point - 1;
}

interface SweepCell {
  readonly values: readonly string[];
  readonly program: Program;
}

/**
 * Every programme of the sweep, built and validated: one per value or grid cell.
 *
 * @throws {SimulationError} INVALID_PATH, INVALID_RANGE or INVALID_PROGRAM (naming the value).
 */
export function sweepCells(program: Program, axes: readonly SweepAxis[]): SweepCell[] {
  if (axes.length < 1 || axes.length > 2)
    throw new SimulationError(
      'INVALID_ARGUMENT',
      'axes',
      `a sweep varies one or two figures, got ${axes.length}`,
    );
  const values = axes.map((axis, index) => axisValues(axis, `axes[${index}]`));
  const cells = values.reduce<string[][]>(
    (grid, axis) => grid.flatMap((cell) => axis.map((value) => [...cell, value])),
    [[]],
  );
  if (cells.length > MAX_SWEEP_CELLS)
    throw new SimulationError(
      'INVALID_RANGE',
      'axes',
      `${cells.length} grid cells; a sweep runs at most ${MAX_SWEEP_CELLS}`,
    );
  return cells.map((cell) => ({ values: cell, program: cellProgram(program, axes, cell) }));
}

function cellProgram(program: Program, axes: readonly SweepAxis[], cell: readonly string[]): Program {
  const document: unknown = JSON.parse(JSON.stringify(program));
  const described = axes.map((axis, index) => `${axis.path} = ${cell[index]}`).join(', ');
  for (const [index, axis] of axes.entries()) {
    const value = cell[index] ?? '';
    const where = `axes[${index}]`;
    // A number stays a number (holdPeriodDays, capacity); an amount or a rate stays a string.
    const before = setAtPath(document, axis.path, value, where);
    if (typeof before === 'number') setAtPath(document, axis.path, Number(value), where);
  }
  try {
    return programAt(document, described);
  } catch (error) {
    if (error instanceof SimulationError)
      throw new SimulationError(
        'INVALID_PROGRAM',
        'axes',
        error.message.replace(/^.*? is not a valid programme/, `with ${described} the programme is invalid`),
      );
    throw error;
  }
}

/**
 * Runs a sweep in this thread.
 *
 * @example
 * sweep({ events, program: sisoProgram, axes: [{ path: 'tiers[id=active].baseRate', from: '0.22', to: '0.24', step: '0.01' }] }).rows.map((row) => row.delta)
 * //=> ['0.00', '30.00', '60.00']
 */
export function sweep(options: SweepOptions): SweepReport {
  const { plan, cells } = sweepPlan(options);
  return sweepReport(options, cells, simulate(planOptions(options, plan, cells)));
}

/**
 * The same sweep with the programmes replayed on worker threads.
 *
 * @example
 * // axes: the one axis of the `sweep` example, three values of the active tier's base rate
 * const report = await sweepInWorkers({ events, program: sisoProgram, axes, workers: 2 });
 * report.rows.length   // one row per value of the axis
 * //=> 3
 */
export async function sweepInWorkers(options: SweepOptions & PoolOptions): Promise<SweepReport> {
  const { plan, cells } = sweepPlan(options);
  const report = await simulateInWorkers({ ...planOptions(options, plan, cells), ...poolOf(options) });
  return sweepReport(options, cells, report);
}

function poolOf(options: PoolOptions): PoolOptions {
  return {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
}

function sweepPlan(options: SweepOptions): { plan: Pick<SimulationPlan, 'baseline'>; cells: SweepCell[] } {
  const baseline = programAt(options.program, 'program');
  return { plan: { baseline }, cells: sweepCells(baseline, options.axes) };
}

function planOptions(
  options: SweepOptions,
  plan: Pick<SimulationPlan, 'baseline'>,
  cells: readonly SweepCell[],
) {
  return {
    events: options.events,
    baseline: plan.baseline,
    candidates: cells.map((cell) => cell.program),
    top: 0,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  };
}

function sweepReport(
  options: SweepOptions,
  cells: readonly SweepCell[],
  report: SimulationReport,
): SweepReport {
  const [baseline] = report.reproducibility.programs;
  return {
    asOf: report.asOf,
    currency: report.currency,
    reproducibility: {
      ...report.reproducibility,
      programs: baseline ? [{ ...baseline, name: 'programme' }] : [],
    },
    axes: options.axes.map((axis, index) => ({
      path: axis.path,
      values: axisValues(axis, `axes[${index}]`),
    })),
    baseline: {
      total: report.baseline.total,
      revenue: report.baseline.revenue,
      costShare: report.baseline.costShare,
    },
    rows: report.candidates.map((candidate, index) => ({
      values: cells[index]?.values ?? [],
      total: candidate.total,
      delta: candidate.delta,
      deltaShare: candidate.deltaShare,
      revenue: candidate.revenue,
      costShare: candidate.costShare,
      partnersWorse: candidate.partners.worse,
      partnersBetter: candidate.partners.better,
    })),
  };
}
