// The hold queue (engine/draft.ts): holds come out in release order, however they were queued,
// across chunk boundaries, and a draft never changes the chunks of the state it started from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Draft } from '../../src/engine/draft.js';
import { HOLD_CHUNK, initialState, pendingHolds } from '../../src/engine/state.js';

const DAY_MS = 86_400_000;
const at = (day: number) => Date.UTC(2025, 0, 1) + day * DAY_MS;

describe('the hold queue', () => {
  it('gives holds back in release order (equal times in queue order), across chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 3 * HOLD_CHUNK, size: 'max' }),
        (days) => {
          const draft = new Draft(initialState('p', 1));
          for (const [index, day] of days.entries())
            draft.addHold({ releaseAt: at(day), dealId: `d${index}` });
          const expected = days
            .map((day, index) => ({ day, index }))
            .sort((a, b) => a.day - b.day || a.index - b.index)
            .map(({ index }) => `d${index}`);
          expect([...pendingHolds(draft.state)].map((hold) => hold.dealId)).toEqual(expected);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('takes holds off the front without touching the state it started from', () => {
    const first = new Draft(initialState('p', 1));
    for (let index = 0; index < HOLD_CHUNK + 5; index++)
      first.addHold({ releaseAt: at(index), dealId: `d${index}` });
    const before = JSON.stringify(first.state.holds);
    const second = new Draft(first.state);
    for (let index = 0; index < HOLD_CHUNK + 1; index++) second.shiftHold();
    second.addHold({ releaseAt: at(0), dealId: 'early' });
    expect(JSON.stringify(first.state.holds)).toBe(before);
    // 133 queued, 129 taken off: d129 to d132 are left, and "early" (day 0) goes first.
    expect([...pendingHolds(second.state)].map((hold) => hold.dealId)).toEqual([
      'early',
      'd129',
      'd130',
      'd131',
      'd132',
    ]);
  });
});
