// Sponsor trees: partner i is sponsored by an earlier partner or by nobody, so every tree drawn
// can be joined in index order.
import fc from 'fast-check';

/** Options of `teamGraph`: how many partners, and how the sponsor tree is drawn. */
export interface TeamGraphOptions {
  /** How many partners. */
  readonly partners: number;
  /**
   * How far back a sponsor may be: among the `reach` partners who joined just before (default:
   * any earlier partner). A small reach makes deep trees, for overrides on several levels.
   */
  readonly reach?: number;
  /** One partner in `unsponsored` has no sponsor (default 6). */
  readonly unsponsored?: number;
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
  const reach = options.reach ?? Number.POSITIVE_INFINITY;
  const sponsorOf = (index: number) => fc.integer({ min: Math.max(0, index - reach), max: index - 1 });
  return fc.tuple(
    ...Array.from({ length: options.partners }, (_, index) =>
      index === 0 ? fc.constant(null) : fc.option(sponsorOf(index), { freq: options.unsponsored ?? 6 }),
    ),
  );
}
