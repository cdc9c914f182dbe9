// The project's performance targets, judged on one run's measurements: each a ratio of two
// figures taken side by side (CPU time where the two come from different processes), or a bound
// on peak memory. The figures the targets read are derived here once, for the tables too.
import type { ApplyMeasurement, Latency } from './apply-child.js';
import type { CliRun } from './cli-run.js';
import type { Mark, ReplayMeasurement } from './replay-child.js';
import type { RulesBenchmark } from './rules.js';
import type { SimulateMeasurement } from './simulate-child.js';
import type { Stream } from './streams.js';

const GIB_IN_KIB = 1024 * 1024;

/** Reading the stream's file and JSON.parse of every line: the fastest of three. */
export interface BareParse {
  readonly cpuMicros: number;
  readonly wallMs: number;
}

export interface Measurements {
  readonly stream: Stream;
  readonly parse: BareParse;
  readonly replay: ReplayMeasurement;
  /** simulate with three candidates over the same stream, on worker threads. */
  readonly simulation: SimulateMeasurement;
  readonly rules: RulesBenchmark;
  /** A state of each size (ascending partners): its replay cost and apply latency. */
  readonly families: readonly ApplyMeasurement[];
  /** The partner counts whose replay cost per event is compared, smallest first. */
  readonly scalePartners: readonly number[];
  /** The partner count whose apply latency the largest state's is compared with. */
  readonly applySmallest: number;
  readonly cli: CliRun;
}

export interface Derived {
  /** Replay rate as a share of the bare parse rate: CPU time, and wall time. */
  readonly replayShare: number;
  readonly replayShareWall: number;
  /** CPU µs per event over the first and the last tenth of the stream. */
  readonly firstTenthMicros: number;
  readonly lastTenthMicros: number;
  readonly smallScale: ApplyMeasurement | undefined;
  readonly largeScale: ApplyMeasurement | undefined;
  readonly smallApply: ApplyMeasurement | undefined;
  readonly largest: ApplyMeasurement | undefined;
}

export interface Target {
  readonly name: string;
  readonly wanted: string;
  readonly measured: string;
  /** The measured ratio or amount the verdict compares (KiB for memory). */
  readonly value: number;
  readonly pass: boolean;
}

/** Engine CPU µs per event of a state's replay, parsing left out. */
export function engineMicros(family: ApplyMeasurement): number {
  return family.engineCpuMicros / family.events;
}

function tenthMicros(from: Mark | undefined, to: Mark | undefined): number {
  return from && to ? (to.cpuMicros - from.cpuMicros) / (to.events - from.events) : Number.NaN;
}

export function derive(measured: Measurements): Derived {
  const { parse, replay, families } = measured;
  const family = (partners: number | undefined) => families.find((each) => each.partners === partners);
  const { tenths } = replay;
  return {
    replayShare: parse.cpuMicros / replay.cpuMicros,
    replayShareWall: parse.wallMs / replay.wallMs,
    firstTenthMicros: tenthMicros(tenths[0], tenths[1]),
    lastTenthMicros: tenthMicros(tenths.at(-2), tenths.at(-1)),
    smallScale: family(measured.scalePartners[0]),
    largeScale: family(measured.scalePartners.at(-1)),
    smallApply: family(measured.applySmallest),
    largest: families.at(-1),
  };
}

function ratioTarget(name: string, value: number, limit: number): Target {
  return { name, wanted: `<= ${limit}x`, measured: `${value.toFixed(2)}x`, value, pass: value <= limit };
}

function memoryTarget(name: string, maxRssKiB: number, ok = true): Target {
  const measured = `${(maxRssKiB / 1024).toFixed(0)} MiB`;
  return { name, wanted: '< 1 GiB', measured, value: maxRssKiB, pass: ok && maxRssKiB < GIB_IN_KIB };
}

function count(partners: number | undefined): string {
  return partners === undefined ? '?' : partners.toLocaleString('en');
}

/** The worst of a ratio over the kinds of fresh event, named by its kind. */
function worstKind(
  name: string,
  of: ApplyMeasurement | undefined,
  ratio: (latency: Latency) => number,
  limit: number,
): Target {
  const ratios = (of?.kinds ?? []).map((latency) => ({ kind: latency.kind, value: ratio(latency) }));
  // A ratio that could not be taken (NaN) counts as the worst: it fails.
  const worse = (a: { value: number }, b: { value: number }) => Number.isNaN(b.value) || b.value > a.value;
  const worst = ratios.reduce(
    (a, b) => (worse(a, b) ? b : a),
    ratios[0] ?? { kind: 'none', value: Number.NaN },
  );
  const target = ratioTarget(name, worst.value, limit);
  return { ...target, measured: `${target.measured} (${worst.kind})` };
}

/** The scaling targets: replay cost and apply latency as the state grows. */
function scalingTargets(derived: Derived): Target[] {
  const { smallScale, largeScale, smallApply, largest } = derived;
  const scale = largeScale && smallScale ? engineMicros(largeScale) / engineMicros(smallScale) : Number.NaN;
  const smallMedian = (kind: string) =>
    smallApply?.kinds.find((latency) => latency.kind === kind)?.medianMicros ?? Number.NaN;
  return [
    ratioTarget(
      `3. cost per event, ${count(largeScale?.partners)} vs ${count(smallScale?.partners)} partners`,
      scale,
      1.3,
    ),
    worstKind(
      `4. apply median vs batch cost per event, ${count(largest?.partners)} partners`,
      largest,
      (latency) => latency.medianMicros / latency.batchMicrosPerEvent,
      5,
    ),
    worstKind(
      `4. apply median, ${count(largest?.partners)} vs ${count(smallApply?.partners)} partners`,
      largest,
      (latency) => latency.medianMicros / smallMedian(latency.kind),
      1.5,
    ),
  ];
}

export function targets(measured: Measurements, derived: Derived): Target[] {
  const { replayShare, firstTenthMicros, lastTenthMicros } = derived;
  const { cli } = measured;
  return [
    {
      name: '1. replay rate vs bare JSON.parse (CPU time)',
      wanted: '>= 20 % (goal 27 %)',
      measured: `${(replayShare * 100).toFixed(1)} %`,
      value: replayShare,
      pass: replayShare >= 0.2,
    },
    ratioTarget(
      '2. cost per event, last vs first tenth of the stream',
      lastTenthMicros / firstTenthMicros,
      1.2,
    ),
    ...scalingTargets(derived),
    memoryTarget('5. replay peak RSS (V8 default heap)', measured.replay.maxRssKiB),
    {
      ...memoryTarget('6. CLI run --format json: exit 0, peak RSS', cli.maxRssKiB, cli.exitCode === 0),
      measured: `exit ${cli.timedOut ? 'timeout' : (cli.exitCode ?? cli.signal)}, ${(cli.maxRssKiB / 1024).toFixed(0)} MiB`,
    },
    ratioTarget(
      `7. simulate, 3 candidates on ${measured.simulation.workers} workers, vs one replay (wall)`,
      measured.simulation.wallMs / measured.replay.wallMs,
      2.5,
    ),
    {
      name: 'extra: compiled rules vs json-rules-engine',
      wanted: '>= 200x',
      measured: `${measured.rules.ratio.toFixed(0)}x`,
      value: measured.rules.ratio,
      pass: measured.rules.ratio >= 200,
    },
  ];
}
