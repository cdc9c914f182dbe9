// A small seeded pseudo-random source (sfc32) for the event generator: the same seed gives the
// same sequence on every machine, so a generated stream is reproducible. Never Math.random().

/** Uniform and derived draws from one seeded sequence. */
export interface Random {
  /** A uniform float in [0, 1). */
  next(): number;
  /** A uniform integer in [min, max], both included. */
  integer(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** A standard normal draw (mean 0, deviation 1). */
  normal(): number;
  /** An exponential draw with the given mean (a waiting time of a Poisson process). */
  exponential(mean: number): number;
}

/** The 32-bit state of sfc32, scrambled from the seed so that nearby seeds diverge at once. */
function sfc32(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  a ^= high;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let warmUp = 0; warmUp < 15; warmUp += 1) step();
  return step;
}

/**
 * A seeded random source. Math.log, Math.sqrt and Math.cos are V8's fdlibm ports, so derived
 * draws are bit-identical across machines and time zones as well.
 *
 * @example
 * const random = createRandom(42);
 * random.integer(1, 6) === createRandom(42).integer(1, 6)
 * //=> true
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer; got ${seed}`);
  const step = sfc32(seed);
  const next = () => step() / 0x1_0000_0000;
  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    normal: () => {
      // Box-Muller; 1 - next() is in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
    exponential: (mean) => -Math.log(1 - next()) * mean,
  };
}
