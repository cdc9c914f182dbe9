// Sponsor trees: partner i is sponsored by an earlier partner or by nobody, so every tree drawn
// can be joined in index order.
import fc from 'fast-check';

export interface TeamGraphOptions {
  /** How many partners. */
  readonly partners: number;
}

/**
 * A sponsor tree of `partners` partners: entry i is the index of its sponsor (always an earlier
 * partner) or null. Shrinks toward fewer sponsors and sponsors nearer the root.
 *
 * @example
 * fc.sample(teamGraph({ partners: 3 }), { numRuns: 1, seed: 1 })
 * //=> [[null, 0, 0]]   (for example)
 */
export function teamGraph(options: TeamGraphOptions): fc.Arbitrary<Array<number | null>> {
  return fc.tuple(
    ...Array.from({ length: options.partners }, (_, index) =>
      index === 0 ? fc.constant(null) : fc.option(fc.nat({ max: index - 1 }), { freq: 6 }),
    ),
  );
}
