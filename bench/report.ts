// What the benchmark prints and records: a table of figures, a table of targets with pass or
// FAIL, and bench/results.json with every figure and verdict of the run.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import Table from 'cli-table3';
import { type Derived, derive, engineMicros, type Measurements, type Target, targets } from './targets.js';

type Row = [string, string];

function rate(events: number, micros: number): string {
  return `${Math.round(events / (micros / 1e6)).toLocaleString('en')}/s`;
}

function seconds(micros: number): string {
  return `${(micros / 1e6).toFixed(2)} s`;
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

function replayRows({ stream, parse, replay }: Measurements, derived: Derived): Row[] {
  const { state } = replay;
  const perPartner = (bytes: number) => (bytes / replay.partners).toFixed(0);
  return [
    [
      '(a) read + JSON.parse of every line',
      `${rate(stream.events, parse.cpuMicros)} CPU (${seconds(parse.cpuMicros)}; wall ${seconds(parse.wallMs * 1000)})`,
    ],
    [
      '(b) streamed replay, V8 default heap',
      `${rate(replay.events, replay.cpuMicros)} CPU (${seconds(replay.cpuMicros)}; wall ${seconds(replay.wallMs * 1000)}, ${(derived.replayShareWall * 100).toFixed(1)} % of parse by wall)`,
    ],
    ['    peak RSS, final state held', mebibytes(replay.maxRssKiB * 1024)],
    [
      '    rejected / ledger entries / effects',
      `${replay.rejected} / ${replay.ledgerEntries} / ${replay.effects}`,
    ],
    [
      '    first tenth / last tenth',
      `${derived.firstTenthMicros.toFixed(1)} / ${derived.lastTenthMicros.toFixed(1)} µs/event CPU`,
    ],
    [
      '    allocated per event',
      `${Math.round(replay.allocatedBytes / replay.events).toLocaleString('en')} bytes (${replay.collections} collections)`,
    ],
    [
      '    final state as JSON',
      `${mebibytes(state.bytes)}, ${perPartner(state.bytes)} bytes/partner (partners ${perPartner(state.partnersBytes)}, seen ids ${perPartner(state.seenBytes)}, deals ${perPartner(state.dealsBytes)})`,
    ],
  ];
}

function familyRows({ families }: Measurements): Row[] {
  return families.flatMap((family): Row[] => [
    [
      `(d) ${family.partners.toLocaleString('en')} partners, ${family.events.toLocaleString('en')} events`,
      `${engineMicros(family).toFixed(1)} µs/event engine CPU (+${(family.parseCpuMicros / family.events).toFixed(1)} parse), peak RSS ${mebibytes(family.maxRssKiB * 1024)}`,
    ],
    ...family.kinds.map(
      (latency): Row => [
        `    engine.apply, one fresh ${latency.kind}`,
        `median ${latency.medianMicros.toFixed(0)} µs, p90 ${latency.p90Micros.toFixed(0)} µs CPU (wall median ${latency.wallMedianMicros.toFixed(0)}; ${latency.calls} calls); in the replay's batch ${latency.batchMicrosPerEvent.toFixed(0)} µs/event`,
      ],
    ),
  ]);
}

function cliRows({ cli }: Measurements): Row[] {
  const status = cli.timedOut ? 'timed out, killed' : `exit ${cli.exitCode ?? cli.signal}`;
  return [
    [
      '(e) CLI run --format json, whole stream',
      `${status} after ${seconds(cli.wallMs * 1000)} wall; peak RSS ${mebibytes(cli.maxRssKiB * 1024)} (${cli.rssFrom}); output ${mebibytes(cli.outputBytes)}`,
    ],
    ...(cli.stderrTail === '' ? [] : [['    stderr', cli.stderrTail] as Row]),
    ...(cli.buildMs === null ? [] : [['    npm run build first', seconds(cli.buildMs * 1000)] as Row]),
  ];
}

export function printTables(measured: Measurements, benchMs: number): void {
  const derived = derive(measured);
  const { rules } = measured;
  const figures = new Table({ head: ['measure', 'figure'], style: { head: [], border: [] } });
  figures.push(
    ...replayRows(measured, derived),
    ['(c) compiled rules', `${Math.round(rules.compiledPerSecond).toLocaleString('en')}/s`],
    ['    json-rules-engine Engine.run', `${Math.round(rules.referencePerSecond).toLocaleString('en')}/s`],
    ...familyRows(measured),
    ...cliRows(measured),
  );
  const verdicts = new Table({ head: ['target', 'wanted', 'measured', ''], style: { head: [], border: [] } });
  for (const target of targets(measured, derived))
    verdicts.push([target.name, target.wanted, target.measured, target.pass ? 'pass' : 'FAIL']);
  console.log(
    `${measured.stream.events.toLocaleString('en')} events, node ${process.version}, ${cpus().length} CPUs, ` +
      `${(benchMs / 60_000).toFixed(1)} min`,
  );
  console.log(figures.toString());
  console.log(verdicts.toString());
}

export function writeResults(file: string, measured: Measurements, benchMs: number): void {
  const derived = derive(measured);
  const verdicts: Target[] = targets(measured, derived);
  const { stream, replay } = measured;
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    benchMs,
    // The file's path is left out: it is this checkout's, and the other fields say what it holds.
    stream: { ...stream, file: undefined, generationMs: stream.reused ? null : stream.generationMs },
    parse: measured.parse,
    replay: {
      ...replay,
      mode: 'stream: file lines, JSON.parse, a batch with counting sinks, advance, result; V8 default heap',
      allocatedBytesPerEvent: replay.allocatedBytes / replay.events,
      stateBytesPerPartner: replay.state.bytes / replay.partners,
    },
    derived: {
      ...derived,
      smallScale: undefined,
      largeScale: undefined,
      smallApply: undefined,
      largest: undefined,
    },
    rules: measured.rules,
    families: measured.families.map((family) => ({ ...family, engineMicrosPerEvent: engineMicros(family) })),
    cli: measured.cli,
    targets: verdicts,
  };
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
