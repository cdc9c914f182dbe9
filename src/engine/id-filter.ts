// The ids a draft has written to one of its bucket trees, as 32-bit hashes in an open-addressed
// table: a draft that made its state (a replay from nothing) knows every id the tree holds, so an
// id whose hash is not here is not in the tree, and looking it up costs one probe instead of a
// walk down three levels and along a leaf (every new event and every new deal is such an id).
import { hashOf } from './state.js';

const INITIAL_BITS = 12;

/**
 * The first slot a hash is looked for in, from the high bits of its product with 2^32 / φ: the
 * low bits of an FNV hash depend only on the low bits of the characters, so ids such as
 * `e0000001`, `e0000002`, … would fall in runs of neighbouring slots.
 */
const slotOf = (hash: number, bits: number) => Math.imul(hash, 0x9e3779b1) >>> (32 - bits);

export class IdFilter {
  /** Hashes, 0 for an empty slot (a hash of 0 is kept as 1). */
  private bits = INITIAL_BITS;
  private slots = new Uint32Array(1 << INITIAL_BITS);
  private count = 0;

  /** False when the id was never added; true when it may have been (its hash was). */
  mayHold(id: string): boolean {
    const hash = hashOf(id) || 1;
    return this.slots[this.slotFor(hash)] === hash;
  }

  add(id: string): void {
    if (this.insert(hashOf(id) || 1) && this.count * 2 > this.slots.length) this.grow();
  }

  /** Puts the hash in its slot; whether it was new. */
  private insert(hash: number): boolean {
    const slot = this.slotFor(hash);
    if (this.slots[slot] === hash) return false;
    this.slots[slot] = hash;
    this.count += 1;
    return true;
  }

  /** The slot holding the hash, or the empty one where it would go (the table is never full). */
  private slotFor(hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = slotOf(hash, this.bits); ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === hash || held === 0) return slot;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.bits += 1;
    this.slots = new Uint32Array(1 << this.bits);
    this.count = 0;
    for (const hash of old) if (hash !== 0) this.insert(hash);
  }
}
