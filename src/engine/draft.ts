// A working copy of the state for one call of apply, replay or advance. The input is never
// touched: keyed records are copied once (a shallow copy), and a partner or deal is cloned the
// first time it is written, so a long replay clones each at most once.
import { copyTable, type DealState, type EngineState, lookup, type PartnerState } from './state.js';

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

  deal(id: string): DealState | undefined {
    return lookup(this.state.deals, id);
  }

  writableDeal(id: string): DealState {
    const current = lookup(this.state.deals, id);
    if (current === undefined) throw new Error(`internal: deal ${JSON.stringify(id)} does not exist`);
    if (this.owned.has(current)) return current;
    const copy = structuredClone(current);
    this.owned.add(copy);
    this.state.deals[id] = copy;
    return copy;
  }

  addDeal(deal: DealState): void {
    this.owned.add(deal);
    this.state.deals[deal.id] = deal;
  }
}
