// The generated event streams the benchmark reads, cached in bench/out: each NDJSON file has a
// .json beside it with the key that made it (partners, months, seed and a hash of the generator),
// and is made again only when that key changes.
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { generateEvents } from '../src/simulation/generator.js';

export interface Stream {
  readonly file: string;
  readonly partners: number;
  readonly months: number;
  readonly events: number;
  readonly bytes: number;
  readonly reused: boolean;
  /** How long generateEvents took (0 when the cached file was reused). */
  readonly generationMs: number;
}

export interface StreamOptions {
  /** The folder of the cached files. */
  readonly out: string;
  /** The repository root, whose src/simulation the cache key hashes. */
  readonly root: string;
  readonly seed: number;
}

/** Changes to the generator invalidate the cached streams. */
function generatorFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const name of ['generator.ts', 'generator-life.ts', 'generator-payouts.ts', 'random.ts'])
    hash.update(readFileSync(join(root, 'src', 'simulation', name)));
  return hash.digest('hex').slice(0, 16);
}

interface Key {
  readonly partners: number;
  readonly months: number;
  readonly seed: number;
  readonly generator: string;
}

type Meta = Key & { readonly events: number; readonly bytes: number };

/** The cached stream called `name` whose key agrees with `wanted` on every field it gives. */
function cached(options: StreamOptions, name: string, wanted: Partial<Key>): Stream | undefined {
  const file = join(options.out, `${name}.ndjson`);
  const metaFile = join(options.out, `${name}.json`);
  if (!existsSync(file) || !existsSync(metaFile)) return undefined;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
  const same = Object.entries(wanted).every(([field, value]) => meta[field as keyof Key] === value);
  if (!same) return undefined;
  const { partners, months, events, bytes } = meta;
  return { file, partners, months, events, bytes, reused: true, generationMs: 0 };
}

/** A stream of `partners` over `months`, from the cache when the same key made it before. */
export function streamFile(options: StreamOptions, name: string, partners: number, months: number): Stream {
  const key: Key = { partners, months, seed: options.seed, generator: generatorFingerprint(options.root) };
  const reused = cached(options, name, key);
  if (reused) return reused;
  const file = join(options.out, `${name}.ndjson`);
  const started = performance.now();
  const events = generateEvents({ partners, months, seed: options.seed });
  const generationMs = performance.now() - started;
  const bytes = writeNdjson(file, events);
  // Indented as Biome formats JSON, so `biome check .` stays clean with bench/out present.
  const meta: Meta = { ...key, events: events.length, bytes };
  writeFileSync(join(options.out, `${name}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  return { file, partners, months, events: events.length, bytes, reused: false, generationMs };
}

/** Writes one JSON line per value, 10,000 at a time, and returns the bytes written. */
function writeNdjson(file: string, values: readonly unknown[]): number {
  // A cached file may be a link to another checkout's: replace the link, never write through it.
  if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) rmSync(file);
  const descriptor = openSync(file, 'w');
  let bytes = 0;
  try {
    for (let start = 0; start < values.length; start += 10_000) {
      const slice = values.slice(start, start + 10_000).map((value) => JSON.stringify(value));
      const chunk = `${slice.join('\n')}\n`;
      bytes += Buffer.byteLength(chunk);
      writeSync(descriptor, chunk);
    }
  } finally {
    closeSync(descriptor);
  }
  return bytes;
}

/** The fewest months (in steps of 6) whose stream reaches the target, estimated on a sample. */
function monthsFor(options: StreamOptions, partners: number, target: number): number {
  const sample = Math.min(partners, 1_000);
  for (let months = 6; months < 1_200; months += 6) {
    const events = generateEvents({ partners: sample, months, seed: options.seed, refunds: true }).length;
    if ((events * partners) / sample >= target * 1.02) return months;
  }
  return 1_200;
}

/** The main stream: `partners` over the fewest months that give at least `target` events. */
export function mainStream(options: StreamOptions, name: string, partners: number, target: number): Stream {
  // The estimate can fall a step short (66 months where 69 are needed), so the months are not
  // part of what a cached main stream must match: one long enough from the same generator will do.
  const generator = generatorFingerprint(options.root);
  const reused = cached(options, name, { partners, seed: options.seed, generator });
  if (reused && reused.events >= target) return reused;
  let months = monthsFor(options, partners, target);
  for (;;) {
    const stream = streamFile(options, name, partners, months);
    if (stream.events >= target) return stream;
    months += 3;
  }
}
