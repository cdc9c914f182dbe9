// A working copy of the state for one call of apply, replay or advance. The input is never
// touched: each bucket on the way to a record (the root's 32 references included) is copied the
// first time this draft writes it, each partner or deal the first time it is written, and of the
// hold queue only the chunk written. So one apply costs what its event changes, whatever the state's size,
// and a long replay clones each record at most once. A draft of a state made for it (a replay
// from nothing) has no input to spare: it changes that state in place until it hands it out.

import { IdFilter } from './id-filter.js';
import {
  type Buckets,
  cloneDeal,
  clonePartner,
  type DealState,
  type EngineState,
  HOLD_CHUNK,
  type HoldItem,
  isEmptyNode,
  lookupIn,
  type PartnerState,
  partnerIds,
  writeIn,
} from './state.js';

/**
 * A partner as this draft knows it: the sweeps' epoch it was last noted written in, and what was
 * derived from it at the instant being worked on (see `keepDerived`), until it is next written.
 */
interface Slot {
  partner: PartnerState;
  noted: number;
  derived: unknown;
}

export class Draft {
  /** The state being worked on (a new object after `handOver`). */
  state: EngineState;
  /**
   * Whether everything the state holds is this draft's own: a state it made itself (a replay from
   * nothing), until it first hands the state out. Then nothing is copied and nothing need be
   * remembered as its own (for a long replay, millions of records in `owned`).
   */
  private ownsAll: boolean;
  private owned = new WeakSet<object>();
  /** Partners read or written in this draft, so a second look skips the bucket's hash. */
  private readonly partnerCache = new Map<string, Slot>();
  /** The id looked up last and its slot: one event asks for its partner again and again. */
  private lastId: string | null = null;
  private lastSlot: Slot | null = null;
  private sortedIds: string[] | null = null;
  /** Per named sweep: the partners it holds for, and those written before it last looked. */
  private readonly sweeps = new Map<string, { members: Set<string>; written: Set<string> }>();
  /**
   * The sweeps' epoch, new each time one looks, and the partners written in it, each once: a
   * write costs a comparison, and the sweeps learn of the writes when one of them next looks.
   */
  private epoch = 0;
  private readonly writtenInEpoch: string[] = [];
  /** The instant derived values are kept for, and the slots holding one. */
  private derivedAt = Number.NaN;
  private readonly derivedSlots: Slot[] = [];
  /** The id `deal` last looked up (or wrote), and its deal: undefined when there is no such deal. */
  private lastDealId: string | null = null;
  private lastDeal: DealState | undefined = undefined;
  /** Every id written to `seen` and to `deals`, when this draft wrote them all (see IdFilter). */
  private readonly seenIds: IdFilter | null = null;
  private readonly dealIds: IdFilter | null = null;
  /** The last event and deal ids the filters said are new: written next without a look for them. */
  private newSeenId: string | null = null;
  private newDealId: string | null = null;
  private ownedWaitlists = false;
  private ownedChunks = false;

  /** A draft of `base`, which it never changes. */
  constructor(base: EngineState);
  /** A draft of a state nobody else holds (made for it): it changes it in place. */
  constructor(base: EngineState, madeForIt: 'made for it');
  constructor(base: EngineState, madeForIt?: 'made for it') {
    this.ownsAll = madeForIt !== undefined;
    this.ownedWaitlists = this.ownsAll;
    this.ownedChunks = this.ownsAll;
    this.state = this.ownsAll ? base : workingCopy(base);
    // A draft that starts its trees empty writes every id they will hold, so it can tell at once
    // that an id is not among them (IdFilter); a draft of a state it did not make cannot.
    if (this.ownsAll && isEmptyNode(base.seen)) this.seenIds = new IdFilter();
    if (this.ownsAll && isEmptyNode(base.deals)) this.dealIds = new IdFilter();
  }

  /** Whether this draft may change `part` in place: it made it, or copied it. */
  private owns(part: object): boolean {
    return this.ownsAll || this.owned.has(part);
  }

  /** Notes that this draft made `part` (a copy, a new record), so it may change it in place. */
  private claim(part: object): void {
    if (!this.ownsAll) this.owned.add(part);
  }

  /**
   * The state so far, handed out for good: from now on this draft copies whatever it writes
   * again, as it did its input, so the state handed out never changes. What it has read stays
   * known (records are the same objects, only no longer its own to change).
   */
  handOver(): EngineState {
    const state = this.state;
    this.state = workingCopy(state);
    this.ownsAll = false;
    this.owned = new WeakSet<object>();
    this.ownedWaitlists = false;
    this.ownedChunks = false;
    return state;
  }

  /** A partner to read; do not change it (use `writablePartner`). */
  partner(id: string): PartnerState | undefined {
    return this.slotOf(id)?.partner;
  }

  private slotOf(id: string): Slot | undefined {
    if (id === this.lastId) return this.lastSlot as Slot;
    let slot = this.partnerCache.get(id);
    if (slot === undefined) {
      const partner = lookupIn(this.state.partners, id);
      if (partner === undefined) return undefined;
      slot = { partner, noted: -1, derived: undefined };
      this.partnerCache.set(id, slot);
    }
    this.lastId = id;
    this.lastSlot = slot;
    return slot;
  }

  /** A partner this draft may change: cloned from the input the first time. */
  writablePartner(id: string): PartnerState {
    const slot = this.slotOf(id);
    if (slot === undefined) throw new Error(`internal: partner ${JSON.stringify(id)} does not exist`);
    this.noteWritten(slot, id);
    slot.derived = undefined;
    const current = slot.partner;
    if (this.owns(current)) return current;
    const copy = clonePartner(current);
    this.claim(copy);
    this.write('partners', id, copy);
    slot.partner = copy;
    return copy;
  }

  /**
   * What was kept for the partner at `instant` (its facts, for the rules: see keepDerived), or
   * undefined: nothing kept since the partner was last handed out for writing, or for another
   * instant, or the record is not the partner's current one (an older copy).
   */
  derivedOf(partner: PartnerState, instant: number): unknown {
    if (instant !== this.derivedAt) return undefined;
    const slot = this.slotOf(partner.id);
    return slot !== undefined && slot.partner === partner ? slot.derived : undefined;
  }

  /**
   * Keeps what was derived from the partner at `instant` until the partner is next handed out for
   * writing or another instant is worked on: the tiers and the badges of one event read one facts
   * object. Only the instant being worked on is kept, so what is derived for an event dies young
   * (kept until each partner's next change, it would live long enough to reach the old
   * generation of the heap and be garbage there).
   */
  keepDerived(partner: PartnerState, instant: number, value: unknown): void {
    const slot = this.slotOf(partner.id);
    if (slot === undefined || slot.partner !== partner) return;
    if (instant !== this.derivedAt) {
      for (const held of this.derivedSlots) held.derived = undefined;
      this.derivedSlots.length = 0;
      this.derivedAt = instant;
    }
    if (slot.derived === undefined) this.derivedSlots.push(slot);
    slot.derived = value;
  }

  addPartner(partner: PartnerState): void {
    this.claim(partner);
    this.write('partners', partner.id, partner);
    const slot: Slot = { partner, noted: -1, derived: undefined };
    this.partnerCache.set(partner.id, slot);
    this.lastId = null;
    this.lastSlot = null;
    this.sortedIds = null;
    this.noteWritten(slot, partner.id);
  }

  private noteWritten(slot: Slot, id: string): void {
    // One event writes its partners again and again: noted once until a sweep next looks.
    if (slot.noted === this.epoch) return;
    slot.noted = this.epoch;
    if (this.sweeps.size > 0) this.writtenInEpoch.push(id);
  }

  /**
   * The ids, sorted, of the partners for whom `holds` is true, for time-driven work that needs
   * only those (payable balances, tiers under review): the first call of a sweep looks at every
   * partner; later ones only at those written since, so an empty period costs next to nothing.
   * `holds` must read only the partner's own state.
   */
  partnersWhere(sweep: string, holds: (partner: PartnerState) => boolean): string[] {
    for (const other of this.sweeps.values()) for (const id of this.writtenInEpoch) other.written.add(id);
    this.writtenInEpoch.length = 0;
    this.epoch += 1;
    let known = this.sweeps.get(sweep);
    if (known === undefined) {
      const members = new Set(this.partnerIds().filter((id) => holds(this.partner(id) as PartnerState)));
      known = { members, written: new Set() };
      this.sweeps.set(sweep, known);
    } else {
      for (const id of known.written) {
        const partner = this.partner(id);
        if (partner && holds(partner)) known.members.add(id);
        else known.members.delete(id);
      }
      known.written.clear();
    }
    return [...known.members].sort();
  }

  /** Every partner's id, sorted; do not change the array. */
  partnerIds(): readonly string[] {
    this.sortedIds ??= partnerIds(this.state);
    return this.sortedIds;
  }

  /**
   * Writes a record of `seen`, `partners` or `deals` under its id, copying each level on the way
   * (the root's 32 references included) and the leaf the first time: an event that writes no deal
   * copies nothing of the deals' tree. `isNew`: the id is known not to be there yet.
   */
  private write(tree: 'seen', id: string, record: string, isNew?: boolean): void;
  private write(tree: 'partners', id: string, record: PartnerState): void;
  private write(tree: 'deals', id: string, record: DealState, isNew?: boolean): void;
  private write(tree: 'seen' | 'partners' | 'deals', id: string, record: unknown, isNew = false): void {
    const { state } = this;
    if (!this.owns(state[tree])) {
      // One assignment per tree, so each keeps its own type.
      if (tree === 'seen') state.seen = this.claimed(state.seen.slice());
      else if (tree === 'partners') state.partners = this.claimed(state.partners.slice());
      else state.deals = this.claimed(state.deals.slice());
    }
    const root: Buckets<unknown> = state[tree];
    writeIn(root, id, record, this.ownsTable, this.claimTable, isNew);
  }

  private claimed<T extends object>(table: T): T {
    this.claim(table);
    return table;
  }

  // Made once, not per write: the bucket path asks them at every level.
  private readonly ownsTable = (table: object) => this.owns(table);
  private readonly claimTable = (table: object) => {
    this.claim(table);
  };

  /**
   * A part of a record this draft may change (an array or table a writable record shares with
   * the input): `part` itself when this draft made it, else `copy(part)`, which the draft then
   * owns. The caller stores the result back on the record.
   */
  own<T extends object>(part: T, copy: (part: T) => T): T {
    if (this.owns(part)) return part;
    const made = copy(part);
    this.claim(made);
    return made;
  }

  /** The fingerprint of an event id seen before, if it was. */
  seen(eventId: string): string | undefined {
    if (this.seenIds !== null && !this.seenIds.mayHold(eventId)) {
      this.newSeenId = eventId;
      return undefined;
    }
    return lookupIn(this.state.seen, eventId);
  }

  markSeen(eventId: string, fingerprint: string): void {
    this.write('seen', eventId, fingerprint, eventId === this.newSeenId);
    this.newSeenId = null;
    this.seenIds?.add(eventId);
  }

  /**
   * A deal to read; do not change it (use `writableDeal`). The last one asked for is kept at hand:
   * the slices working on one event ask for its deal again and again, and each other look is a
   * walk down its bucket tree and along its leaf.
   */
  deal(id: string): DealState | undefined {
    if (id === this.lastDealId) return this.lastDeal;
    const known = this.dealIds === null || this.dealIds.mayHold(id);
    if (!known) this.newDealId = id;
    this.keepDeal(id, known ? lookupIn(this.state.deals, id) : undefined);
    return this.lastDeal;
  }

  writableDeal(id: string): DealState {
    const current = this.deal(id);
    if (current === undefined) throw new Error(`internal: deal ${JSON.stringify(id)} does not exist`);
    if (this.owns(current)) return current;
    const copy = cloneDeal(current);
    this.claim(copy);
    this.write('deals', id, copy);
    this.keepDeal(id, copy);
    return copy;
  }

  addDeal(deal: DealState): void {
    this.claim(deal);
    this.write('deals', deal.id, deal, deal.id === this.newDealId);
    this.newDealId = null;
    this.dealIds?.add(deal.id);
    this.keepDeal(deal.id, deal);
  }

  private keepDeal(id: string, deal: DealState | undefined): void {
    this.lastDealId = id;
    this.lastDeal = deal;
  }

  /** The waitlists this draft may change: copied from the input the first time. */
  writableWaitlists(): string[][] {
    if (!this.ownedWaitlists) {
      this.state.waitlists = this.state.waitlists.map((queue) => [...queue]);
      this.ownedWaitlists = true;
    }
    return this.state.waitlists;
  }

  /** The hold that ends first, if any. */
  nextHold(): HoldItem | undefined {
    return this.state.holds.chunks[0]?.[this.state.holds.head];
  }

  /** The list of hold chunks this draft may change: copied from the input the first time. */
  private writableChunks(): HoldItem[][] {
    if (!this.ownedChunks) {
      this.state.holds.chunks = [...this.state.holds.chunks];
      this.ownedChunks = true;
    }
    return this.state.holds.chunks;
  }

  /** Takes the hold that ends first off the queue. */
  shiftHold(): void {
    const { holds } = this.state;
    const first = holds.chunks[0];
    if (!first) return;
    holds.head += 1;
    if (holds.head < first.length) return;
    this.writableChunks().shift();
    holds.head = 0;
  }

  /** Queues a hold in release order (almost always at the end: holds start in time order). */
  addHold(item: HoldItem): void {
    const chunks = this.writableChunks();
    const last = chunks[chunks.length - 1];
    if (!last || (last[last.length - 1] as HoldItem).releaseAt <= item.releaseAt) {
      if (last && last.length < HOLD_CHUNK) this.writableChunk(chunks.length - 1).push(item);
      else this.addChunk([item]);
      return;
    }
    // Out of order (a programme version with a shorter hold): into the chunk it falls in.
    let index = chunks.length - 1;
    while (index > 0 && ((chunks[index] as HoldItem[])[0] as HoldItem).releaseAt > item.releaseAt) index -= 1;
    const chunk = this.writableChunk(index);
    const from = index === 0 ? this.state.holds.head : 0;
    let position = chunk.length;
    while (position > from && (chunk[position - 1] as HoldItem).releaseAt > item.releaseAt) position -= 1;
    chunk.splice(position, 0, item);
  }

  private addChunk(chunk: HoldItem[]): void {
    this.claim(chunk);
    this.writableChunks().push(chunk);
  }

  private writableChunk(index: number): HoldItem[] {
    const chunks = this.writableChunks();
    const current = chunks[index] as HoldItem[];
    if (this.owns(current)) return current;
    const copy = [...current];
    this.claim(copy);
    chunks[index] = copy;
    return copy;
  }
}

/** The parts of a state a draft changes in place from the start; the rest is copied on write. */
function workingCopy(base: EngineState): EngineState {
  return {
    ...base,
    schedule: base.schedule ? { ...base.schedule } : null,
    // The roots of the bucket trees are copied when first written (see `write`).
    holds: { head: base.holds.head, chunks: base.holds.chunks },
    holders: [...base.holders],
  };
}
