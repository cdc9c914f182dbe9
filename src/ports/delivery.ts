// The receiving side of at-least-once delivery: an effect handed out again (the process stopped
// after the host acted on it, before the outbox heard so) is recognised by its id and not acted
// on twice. The ids a host has acted on live where its side effects do (a table next to the
// e-mails it sent); a Set is enough for one process.
import type { Effect } from '../engine/outputs.js';
import type { Deliver } from './service.js';

/** Where a deliverer keeps the ids of the effects it has acted on. */
export interface DeliveredIds {
  /** Whether the effect with this id was acted on already. */
  has(id: string): boolean | Promise<boolean>;
  /** Records that the effect with this id was acted on (awaited when it returns a promise). */
  add(id: string): unknown;
}

/**
 * Wraps `act` so that an effect whose id is in `seen` is passed over; `act` runs at most once per
 * id as long as `seen` keeps what it is given. An effect handed out again while it is being acted
 * on waits for that. Deliverers in several processes share `seen` (a table with a unique key on
 * the id) and take turns, so that two never act on one effect at once.
 *
 * @example
 * const sent = new Set<string>();
 * const deliver = onceById(sent, (effect) => console.log(effect.type, effect.partnerId));
 * await programme.deliver(deliver); // logs each effect once, even if the outbox hands it out again
 */
export function onceById(seen: DeliveredIds, act: (effect: Effect) => void | Promise<void>): Deliver {
  // An effect being acted on right now, handed out again by an overlapping delivery, waits for it.
  const acting = new Map<string, Promise<void>>();
  return async (effect) => {
    const running = acting.get(effect.id);
    if (running) return running;
    const work = (async () => {
      if (await seen.has(effect.id)) return;
      await act(effect);
      await seen.add(effect.id);
    })();
    acting.set(effect.id, work);
    try {
      await work;
    } finally {
      acting.delete(effect.id);
    }
  };
}
