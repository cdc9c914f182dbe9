// Deliberately broken engines and results for the kit's own tests: each fault is one a real
// change could introduce, and each test asserts that the invariant meant for it names it.
import {
  allPartners,
  createEngine,
  Decimal,
  type Engine,
  type LedgerEntry,
  NO_MINOR_UNITS,
  type ReplayResult,
} from '../../src/index.js';

/** The worked example of docs/engine.md with a small deal of Ben's (10.29) and a partial refund. */
export const STORY = [
  { id: 'e1', type: 'partner.joined', at: '2025-01-06T09:00:00Z', partnerId: 'ana', sponsorId: null },
  { id: 'e2', type: 'partner.joined', at: '2025-01-07T09:00:00Z', partnerId: 'ben', sponsorId: 'ana' },
  {
    id: 'e3',
    type: 'training.completed',
    at: '2025-01-08T10:00:00Z',
    partnerId: 'ana',
    moduleId: 'certification',
  },
  deal('e4', 'ana', 'd1', '1000.00', '2025-01-10T12:00:00Z'),
  deal('e5', 'ana', 'd2', '1500.00', '2025-01-20T12:00:00Z'),
  deal('e6', 'ana', 'd3', '2000.00', '2025-01-27T12:00:00Z'),
  deal('e7', 'ben', 'd4', '10.29', '2025-01-29T12:00:00Z'),
  { id: 'e8', type: 'deal.refunded', at: '2025-01-30T12:00:00Z', dealId: 'd2', amount: '500.00' },
];

export function deal(id: string, partnerId: string, dealId: string, amount: string, at: string) {
  return { id, type: 'deal.closed', at, partnerId, dealId, amount, currency: 'USD' };
}

/** A result with its ledger changed. */
export function withLedger(
  result: ReplayResult,
  change: (ledger: LedgerEntry[]) => LedgerEntry[],
): ReplayResult {
  return { ...result, ledger: change([...result.ledger]) };
}

/** A result whose state is a copy changed by `change` (partners read with the exported readers). */
export function withState(
  result: ReplayResult,
  change: (state: ReplayResult['state']) => void,
): ReplayResult {
  const state = structuredClone(result.state);
  change(state);
  return { ...result, state };
}

/** Rounds twice, as a careless engine might: half-up to 3 places, then the programme's rounding to 2. */
export function roundedTwice(entry: LedgerEntry): LedgerEntry {
  const exact = new Decimal(entry.rate).times(entry.basis);
  const twice = exact.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
  return { ...entry, amount: twice.toFixed(2) };
}

/** An engine that folds events in input order, never sorting them by time. */
export function unsortedEngine(engine: Engine): Engine {
  return {
    ...engine,
    replay: (events, options = {}) => {
      const batch = engine.batch(options.state);
      const all = Array.isArray(events) ? events : [];
      for (const [index, event] of all.entries()) batch.apply(event, index);
      if (options.asOf) batch.advance(options.asOf);
      const result = batch.result();
      const { clock } = result.state;
      return { asOf: options.asOf ?? (clock === null ? null : new Date(clock).toISOString()), ...result };
    },
  };
}

/** An engine whose replays number their ledger ids with a hidden counter. */
export function countingEngine(engine: Engine): Engine {
  let calls = 0;
  return {
    ...engine,
    replay: (events, options) => {
      const result = engine.replay(events, options);
      calls += 1;
      return { ...result, ledger: result.ledger.map((entry) => ({ ...entry, id: `${entry.id}#${calls}` })) };
    },
  };
}

/** An engine that loses every pending balance of a state it is given back (as a bad serialiser would). */
export function forgetfulEngine(engine: Engine): Engine {
  return {
    ...engine,
    batch: (state, options) => {
      if (!state) return engine.batch(state, options);
      const copy = structuredClone(state);
      for (const partner of allPartners(copy)) partner.balance.pending = NO_MINOR_UNITS;
      return engine.batch(copy, options);
    },
  };
}

export { createEngine };
