// The in-memory store: the four ports over plain arrays and maps, for tests, demos and a host
// that keeps its history elsewhere. It copies what it is given and what it hands out, as a
// database would (as JSON), so a caller changing an object later changes nothing stored.
import type { Effect, LedgerEntry } from '../engine/outputs.js';
import { ConflictError, checkCount } from './errors.js';
import type { Append, OutboxItem, ProgrammeStore, Snapshot, StoredEvent } from './types.js';

interface Waiting {
  readonly effect: Effect;
  attempts: number;
  delivered: boolean;
}

/**
 * A new, empty in-memory store.
 *
 * @example
 * const programme = await createPartnerProgramme({ engine: createEngine(sisoProgram), store: memoryStore() });
 */
export function memoryStore(): ProgrammeStore {
  const events: unknown[] = [];
  const ledger: LedgerEntry[] = [];
  const outbox = new Map<string, Waiting>();
  let snapshot: Snapshot | undefined;

  const enqueue = (effects: readonly Effect[]) => {
    for (const effect of effects) {
      if (!outbox.has(effect.id)) outbox.set(effect.id, { effect, attempts: 0, delivered: false });
    }
  };

  return {
    events: {
      version: async () => events.length,
      append: async (append: Append) => {
        checkCount(append.expectedVersion, 'expectedVersion');
        if (append.expectedVersion !== events.length)
          throw new ConflictError(append.expectedVersion, events.length);
        // Copied before anything is kept, so a copy that fails leaves the store as it was.
        const kept = copied({ events: append.events, ledger: append.ledger, effects: append.effects });
        events.push(...kept.events);
        ledger.push(...kept.ledger);
        enqueue(kept.effects);
        return events.length;
      },
      read: (after: number) => readAfter(events, checkCount(after, 'after')),
    },
    snapshots: {
      load: async () => (snapshot === undefined ? undefined : copied(snapshot)),
      save: async (next: Snapshot) => {
        checkCount(next.position, 'position');
        if (snapshot === undefined || next.position >= snapshot.position) snapshot = copied(next);
      },
    },
    outbox: {
      add: async (effects) => enqueue(copied(effects)),
      claim: async (limit) => {
        checkCount(limit, 'limit', 1);
        const claimed: OutboxItem[] = [];
        for (const waiting of outbox.values()) {
          if (claimed.length === limit) break;
          if (waiting.delivered) continue;
          claimed.push({ effect: copied(waiting.effect), attempts: waiting.attempts });
          waiting.attempts += 1;
        }
        return claimed;
      },
      delivered: async (ids) => {
        for (const id of ids) {
          const waiting = outbox.get(id);
          if (waiting) waiting.delivered = true;
        }
      },
    },
    ledger: {
      entries: async (partnerId) => copied(ledger.filter((entry) => entry.partnerId === partnerId)),
    },
  };
}

/**
 * A copy as a database keeps it: the JSON of the value (a ledger entry's explanation, which its
 * toJSON writes, included); a value JSON cannot hold is refused before anything is kept.
 */
function copied<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

async function* readAfter(events: readonly unknown[], after: number): AsyncIterable<StoredEvent> {
  // Read up to the length at the start: events appended meanwhile belong to the next read.
  const end = events.length;
  for (let index = after; index < end; index += 1) {
    yield { position: index + 1, event: copied(events[index]) };
  }
}
