// Determinism (CONTRACT.md, "Order"; "Ledger and effect ids are derived from the causing event's
// id, never from input position"): replay sorts by time, so the same events in any input order
// (all at distinct times) give byte-identical ledger, effects and state.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { certifiedPartner, dealRun } from '../support/tiers.js';

/** A year of a small team: promotions, a skip, refunds, reviews, a demotion, payouts. */
const stream: unknown[] = [
  ...certifiedPartner('lead', '2025-01-01'),
  events.joined('sub-a', '2025-01-05', 'lead', 'join-sub-a'),
  events.joined('sub-b', '2025-01-06', 'lead', 'join-sub-b'),
  events.trained('sub-a', '2025-01-07', 'certification', 'cert-sub-a'),
  ...dealRun('lead', { from: '2025-01-10', count: 12, amount: '1234.56', everyHours: 25 }),
  ...dealRun('sub-a', { from: '2025-02-01T05:00:00Z', count: 4, amount: '10.75', everyHours: 49 }),
  ...dealRun('sub-b', { from: '2025-02-03T07:00:00Z', count: 11, amount: '99.99', everyHours: 23 }),
  events.trained('sub-b', '2025-03-20T03:00:00Z', 'certification', 'cert-sub-b'),
  events.refund('lead-d12', '1234.56', '2025-03-01T09:00:00Z', 'refund-lead-12'),
  events.refund('sub-a-d2', '5.00', '2025-03-02T09:00:00Z', 'refund-sub-a-2'),
  events.deal('lead', 'lead-q2', '500.00', '2025-05-05T12:00:00Z'),
  events.deal('sub-b', 'sub-b-q2', '250.00', '2025-05-06T12:00:00Z'),
  events.paid('lead', '100.00', '2025-06-20T00:00:00Z', 'paid-lead'),
  events.deal('sub-a', 'sub-a-q4', '75.00', '2025-11-05T12:00:00Z'),
];

/** A fixed permutation (a linear congruential shuffle): no randomness in the test itself. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

const fingerprintOf = (given: readonly unknown[]) => {
  const outcome = replay(given, { asOf: '2026-01-01T00:00:00Z' });
  return {
    ledger: JSON.stringify(outcome.ledger),
    effects: JSON.stringify(outcome.effects),
    state: JSON.stringify(outcome.state),
  };
};

describe('determinism', () => {
  const reference = fingerprintOf(stream);

  it('accepts every event of the stream (all times distinct)', () => {
    const outcome = replay(stream, { asOf: '2026-01-01T00:00:00Z' });
    expect(outcome.rejected).toEqual([]);
    const times = stream.map((event) => Date.parse((event as { at: string }).at));
    expect(new Set(times).size).toBe(stream.length);
    // The stream exercises what it claims: promotions past Active and a review effect.
    expect(outcome.effectsOf({ type: 'tier.promoted', to: 'performer' }).length).toBeGreaterThan(0);
    expect(outcome.effects.some((effect) => effect.type === 'tier.at-risk')).toBe(true);
  });

  it('gives byte-identical ledger, effects and state for the reversed input', () => {
    expect(fingerprintOf([...stream].reverse())).toEqual(reference);
  });

  it.each([1, 7, 42])('gives byte-identical ledger, effects and state for shuffle %i', (seed) => {
    expect(fingerprintOf(shuffled(stream, seed))).toEqual(reference);
  });

  it('gives the same result twice from the same input', () => {
    expect(fingerprintOf(stream)).toEqual(reference);
  });
});
