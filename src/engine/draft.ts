// A working copy of the state for one call of apply, replay or advance. The input is never
// touched: the partner table is copied once (a shallow copy), the seen and deal tables copy only
// the buckets they write, and a partner or deal is cloned the first time it is written, so a
// long replay clones each at most once and one apply does not copy the whole history.
import {
  bucketOf,
  copyTable,
  type DealState,
  type EngineState,
  lookup,
  type PartnerState,
  type Table,
  table,
} from './state.js';

export class Draft {
  readonly state: EngineState;
  private readonly owned = new WeakSet<object>();
  // Bumped each time a partner is handed out for writing: a cache of its facts is good while
  // the revision it was built at is still the partner's.
  private readonly revisions = new WeakMap<PartnerState, number>();

  constructor(base: EngineState) {
    this.state = {
      ...base,
      schedule: base.schedule ? { ...base.schedule } : null,
      seen: copyTable(base.seen),
      partners: copyTable(base.partners),
      deals: copyTable(base.deals),
      holds: { head: base.holds.head, items: [...base.holds.items] },
      holders: [...base.holders],
      waitlists: base.waitlists.map((queue) => [...queue]),
    };
  }

  /** A partner to read; do not change it (use `writablePartner`). */
  partner(id: string): PartnerState | undefined {
    return lookup(this.state.partners, id);
  }

  /** A partner this draft may change: cloned from the input the first time. */
  writablePartner(id: string): PartnerState {
    const current = lookup(this.state.partners, id);
    if (current === undefined) throw new Error(`internal: partner ${JSON.stringify(id)} does not exist`);
    if (this.owned.has(current)) {
      this.revisions.set(current, (this.revisions.get(current) ?? 0) + 1);
      return current;
    }
    const copy = structuredClone(current);
    this.owned.add(copy);
    this.state.partners[id] = copy;
    return copy;
  }

  /** How many times the partner has been handed out for writing in this draft. */
  revisionOf(partner: PartnerState): number {
    return this.revisions.get(partner) ?? 0;
  }

  addPartner(partner: PartnerState): void {
    this.owned.add(partner);
    this.state.partners[partner.id] = partner;
  }

  /** A bucket of `seen` or `deals` this draft may change: copied from the input the first time. */
  private writableBucket<T>(buckets: Table<Table<T>>, id: string): Table<T> {
    const key = bucketOf(id);
    const current = lookup(buckets, key);
    if (current !== undefined && this.owned.has(current)) return current;
    const copy = current === undefined ? table<T>() : copyTable(current);
    this.owned.add(copy);
    buckets[key] = copy;
    return copy;
  }

  /** The fingerprint of an event id seen before, if it was. */
  seen(eventId: string): string | undefined {
    const bucket = lookup(this.state.seen, bucketOf(eventId));
    return bucket === undefined ? undefined : lookup(bucket, eventId);
  }

  markSeen(eventId: string, fingerprint: string): void {
    this.writableBucket(this.state.seen, eventId)[eventId] = fingerprint;
  }

  deal(id: string): DealState | undefined {
    const bucket = lookup(this.state.deals, bucketOf(id));
    return bucket === undefined ? undefined : lookup(bucket, id);
  }

  writableDeal(id: string): DealState {
    const current = this.deal(id);
    if (current === undefined) throw new Error(`internal: deal ${JSON.stringify(id)} does not exist`);
    if (this.owned.has(current)) return current;
    const copy = structuredClone(current);
    this.owned.add(copy);
    this.writableBucket(this.state.deals, id)[id] = copy;
    return copy;
  }

  addDeal(deal: DealState): void {
    this.owned.add(deal);
    this.writableBucket(this.state.deals, deal.id)[deal.id] = deal;
  }
}
