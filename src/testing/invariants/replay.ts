// The fold's own promises, checked by replaying the events again: the same events give the same
// bytes; any input order (events at equal times keeping theirs) gives the same result; and a
// state saved to JSON halfway and continued with a batch ends where a straight replay does.
import type { Engine, ReplayResult } from '../../index.js';
import { firstDifference, type RunOutputs } from './compare.js';
import { inReplayOrder, instantOf } from './events-read.js';
import { type Invariant, type Run, type Violation, violation } from './types.js';

function asOfOf(run: Run): string | null {
  return run.events && run.events.length > 0 ? run.result.asOf : null;
}

function replayAsOf(engine: Engine, events: readonly unknown[], asOf: string): ReplayResult {
  return engine.replay(events, { asOf });
}

function differs(
  name: string,
  what: string,
  left: RunOutputs,
  right: RunOutputs,
  events: readonly unknown[],
): Violation[] {
  const difference = firstDifference(left, right);
  if (difference === null) return [];
  return [violation(name, `${what}: ${difference.message}`, [...difference.evidence, ...events])];
}

export const deterministic: Invariant = {
  name: 'deterministic',
  description: 'Replaying the same events twice gives the same bytes.',
  needsEvents: true,
  check: (engine, run) => {
    const asOf = asOfOf(run);
    if (asOf === null || run.events === null) return [];
    const first = replayAsOf(engine, run.events, asOf);
    const second = replayAsOf(engine, run.events, asOf);
    if (JSON.stringify(first) === JSON.stringify(second)) return [];
    return differs('deterministic', 'two replays of the same events differ', first, second, []);
  },
};

/** The events with the order of their instants reversed, events at one instant keeping their order. */
export function reversedInstants(events: readonly unknown[]): unknown[] {
  const ordered = inReplayOrder(events);
  const groups: unknown[][] = [];
  let last: number | undefined;
  for (const event of ordered) {
    const at = instantOf(event);
    if (at !== last || groups.length === 0) groups.push([]);
    groups[groups.length - 1]?.push(event);
    last = at;
  }
  return groups.reverse().flat();
}

export const orderIndependent: Invariant = {
  name: 'orderIndependent',
  description: 'The same events in another input order (equal times keeping theirs) give the same result.',
  needsEvents: true,
  check: (engine, run) => {
    const asOf = asOfOf(run);
    if (asOf === null || run.events === null) return [];
    const straight = replayAsOf(engine, run.events, asOf);
    const shuffled = replayAsOf(engine, reversedInstants(run.events), asOf);
    return differs(
      'orderIndependent',
      'the events in reversed time order give another result',
      straight,
      shuffled,
      [],
    );
  },
};

export const survivesJsonRoundTrip: Invariant = {
  name: 'survivesJsonRoundTrip',
  description:
    'Replaying the first half, saving the state as JSON, reading it back and continuing with a batch ends where a straight replay does.',
  needsEvents: true,
  check: (engine, run) => {
    const asOf = asOfOf(run);
    if (asOf === null || run.events === null) return [];
    const ordered = inReplayOrder(run.events).filter((event) => !(instantOf(event) > Date.parse(asOf)));
    const cut = Math.floor(ordered.length / 2);
    if (cut === 0) return [];
    const straight = replayAsOf(engine, ordered, asOf);
    const first = engine.replay(ordered.slice(0, cut));
    const saved = JSON.parse(JSON.stringify(first.state));
    const batch = engine.batch(saved);
    for (const [offset, event] of ordered.slice(cut).entries()) batch.apply(event, cut + offset);
    batch.advance(asOf);
    const rest = batch.result();
    const split = {
      state: rest.state,
      ledger: [...first.ledger, ...rest.ledger],
      effects: [...first.effects, ...rest.effects],
    };
    const what = `saved as JSON after ${cut} of ${ordered.length} events and continued`;
    return differs('survivesJsonRoundTrip', what, straight, split, []);
  },
};
