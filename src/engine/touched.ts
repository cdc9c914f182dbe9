// The partners an event (or a moment of time-driven work) changed, and what about each changed,
// as a bit mask of fact sources (see facts/catalogue.ts): a rule is judged again for a partner
// only when something it reads may have changed.

export class Touched implements Iterable<string> {
  /** Made at the first change: most moments of time-driven work touch no one. */
  private sources: Map<string, number> | null = null;

  /** Notes that `sources` (bits of a fact source mask) changed for the partner. */
  add(partnerId: string, sources: number): void {
    this.sources ??= new Map();
    this.sources.set(partnerId, (this.sources.get(partnerId) ?? 0) | sources);
  }

  /** What changed for the partner in this event so far (0 if nothing). */
  of(partnerId: string): number {
    return this.sources?.get(partnerId) ?? 0;
  }

  has(partnerId: string): boolean {
    return this.sources?.has(partnerId) ?? false;
  }

  /** The partners touched, in the order first touched (new ones come last while iterating). */
  [Symbol.iterator](): Iterator<string> {
    return (this.sources ?? NO_ONE).keys();
  }
}

const NO_ONE: ReadonlyMap<string, number> = new Map();
