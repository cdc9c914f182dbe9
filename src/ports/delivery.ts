// The receiving side of at-least-once delivery: an effect handed out again (the process stopped
// after the host acted on it, before the outbox heard so) is recognised by its id and not acted
// on twice. The ids a host has acted on live where its side effects do (a table next to the
// e-mails it sent); a Set is enough for one process.
import type { Effect } from '../engine/outputs.js';
import type { Deliver } from './service.js';

/** Where a deliverer keeps the ids of the effects it has acted on. */
export interface DeliveredIds {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): unknown;
}

/**
 * Wraps `act` so that an effect whose id is in `seen` is passed over; `act` runs at most once per
 * id as long as `seen` keeps what it is given.
 *
 * @example
 * const sent = new Set<string>();
 * await programme.deliver(onceById(sent, (effect) => mailer.send(promotionEmail(effect))));
 */
export function onceById(seen: DeliveredIds, act: (effect: Effect) => void | Promise<void>): Deliver {
  return async (effect) => {
    if (await seen.has(effect.id)) return;
    await act(effect);
    await seen.add(effect.id);
  };
}
