// The service over the PostgreSQL store on PGlite: a process stopping between the append and the
// snapshot, two writers on one stream, a restart from a snapshot and its tail, the outbox's
// at-least-once delivery and money read back as text. One database, a stream per test.
import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { replayOrder } from '../../src/engine/fold.js';
import type { Effect } from '../../src/engine/outputs.js';
import { ConflictError } from '../../src/ports/errors.js';
import {
  createPartnerProgramme,
  type Deliver,
  migrate,
  onceById,
  type ProgrammeStore,
  pgliteDatabase,
  postgresStore,
} from '../../src/ports/index.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events as history } from '../support/small-history.js';
import { collect } from '../support/store-conformance.js';

const engine = createEngine(sisoProgram);
const database = pgliteDatabase(new PGlite());
const storeOf = (stream: string) => postgresStore(database, { stream });

beforeAll(async () => {
  await migrate(database);
}, 60_000);

/** The state of one batch over `events` in the order the service folds them (by time, then input). */
function batchState(events: readonly unknown[]): string {
  const batch = engine.batch();
  for (const index of replayOrder(events)) batch.apply(events[index], index);
  return JSON.stringify(batch.result().state);
}

const storedIds = async (store: ProgrammeStore) =>
  (await collect(store.events.read(0))).map((stored) => (stored.event as { id: string }).id);

const amountsOf = async (store: ProgrammeStore, partnerId: string) =>
  (await store.ledger.entries(partnerId)).map((entry) => entry.amount);

// Partner a's entries over the small history, each 20 % (Starter) or 22 % (Active) of its deal:
// d1 1000.00 × 0.20 = 200.00; d2 500.00 × 0.20 = 100.00; d3 1500.00 is a's 3rd counted deal and a
// is certified, so Active: × 0.22 = 330.00; the refund of 200.00 of d1 claws back 200/1000 of
// 200.00 = 40.00; d8 600.00 × 0.22 = 132.00; d9 700.00 × 0.22 = 154.00 (a passes the Q1 and Q2
// reviews with d3 and d8, so it stays Active).
const A_AMOUNTS = ['200.00', '100.00', '330.00', '-40.00', '132.00', '154.00'];

describe('a process that stops after the append, before the snapshot', () => {
  it('loses nothing and applies nothing twice when started again', async () => {
    const store = storeOf('recovery');
    let stopped = false;
    const stopping: ProgrammeStore = {
      ...store,
      snapshots: {
        load: () => store.snapshots.load(),
        save: async () => {
          stopped = true;
          throw new Error('the process stopped');
        },
      },
    };
    const first = await createPartnerProgramme({ engine, store: stopping, snapshotEvery: 1 });
    await expect(first.ingest(history)).rejects.toThrow('the process stopped');
    expect(stopped).toBe(true);

    const restarted = await createPartnerProgramme({ engine, store: storeOf('recovery') });
    // All 20 events of the history are stored, none saved in a snapshot.
    expect(await store.snapshots.load()).toBeUndefined();
    expect(restarted.version()).toBe(20);
    expect(JSON.stringify(restarted.state())).toBe(batchState(history));

    const again = await restarted.ingest(history);
    expect(again).toMatchObject({ version: 20, appended: 0, effects: [], ledger: [], rejected: [] });
    expect(again.skipped).toHaveLength(20);
    expect(again.skipped.every((skip) => skip.reason === 'duplicate')).toBe(true);
    expect(await storedIds(store)).toHaveLength(20);
    expect(await amountsOf(store, 'a')).toEqual(A_AMOUNTS);
  });
});

const at = '2025-01-05T00:00:00Z';
const joined = (partnerId: string) => ({
  id: `${partnerId}-joined`,
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId,
  sponsorId: null,
});
const deal = (partnerId: string, dealId: string, amount: string) => ({
  id: `e-${dealId}`,
  type: 'deal.closed',
  at,
  partnerId,
  dealId,
  amount,
  currency: 'USD',
});

/** `store` counting the conflicts its appends meet. */
function counted(store: ProgrammeStore, conflicts: { count: number }): ProgrammeStore {
  return {
    ...store,
    events: {
      version: () => store.events.version(),
      read: (after) => store.events.read(after),
      append: async (append) => {
        try {
          return await store.events.append(append);
        } catch (error) {
          if (error instanceof ConflictError) conflicts.count += 1;
          throw error;
        }
      },
    },
  };
}

describe('two writers on one stream', () => {
  // Each writer's deals are at one instant, so whichever appends second still has them in time order.
  const fromOne = [deal('a', 'a-d1', '1000.00'), deal('a', 'a-d2', '500.00')];
  const fromTwo = [deal('b', 'b-d1', '200.00')];

  const twoWriters = async (stream: string, retries?: number) => {
    const conflicts = { count: 0 };
    const options = retries === undefined ? {} : { retries };
    const one = await createPartnerProgramme({
      engine,
      store: counted(storeOf(stream), conflicts),
      ...options,
    });
    await one.ingest([joined('a'), joined('b')]);
    const two = await createPartnerProgramme({
      engine,
      store: counted(storeOf(stream), conflicts),
      ...options,
    });
    return { one, two, conflicts };
  };

  it('both succeed, the second after catching up, and the stream holds each event once', async () => {
    const { one, two, conflicts } = await twoWriters('writers');
    const [byOne, byTwo] = await Promise.all([one.ingest(fromOne), two.ingest(fromTwo)]);
    expect([byOne.appended, byTwo.appended]).toEqual([2, 1]);
    // Both decided on version 2: the second to append met the first's events once, then retried.
    expect(conflicts.count).toBe(1);
    const store = storeOf('writers');
    // 2 joins, then 2 + 1 deals: version 5.
    expect((await storedIds(store)).sort()).toEqual(['a-joined', 'b-joined', 'e-a-d1', 'e-a-d2', 'e-b-d1']);
    expect([await one.refresh(), await two.refresh()]).toEqual([5, 5]);
    const stored = (await collect(store.events.read(0))).map((event) => event.event);
    expect(JSON.stringify(one.state())).toBe(JSON.stringify(two.state()));
    expect(JSON.stringify(one.state())).toBe(batchState(stored));
    // 20 % of 1000.00 = 200.00 and of 500.00 = 100.00 for a; 20 % of 200.00 = 40.00 for b.
    expect(await amountsOf(store, 'a')).toEqual(['200.00', '100.00']);
    expect(await amountsOf(store, 'b')).toEqual(['40.00']);
  });

  it('with no retries, the second gets CONFLICT_RETRIES_EXHAUSTED and stores nothing', async () => {
    const { one, two } = await twoWriters('no-retries', 0);
    const [byOne, byTwo] = await Promise.allSettled([one.ingest(fromOne), two.ingest(fromTwo)]);
    const outcomes = [byOne.status, byTwo.status].sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const lost = byOne.status === 'rejected' ? byOne : byTwo;
    expect(lost.status === 'rejected' && lost.reason).toMatchObject({ code: 'CONFLICT_RETRIES_EXHAUSTED' });
    const store = storeOf('no-retries');
    const winner = byOne.status === 'fulfilled' ? fromOne : fromTwo;
    const loser = winner === fromOne ? fromTwo : fromOne;
    const ids = await storedIds(store);
    expect(ids).toEqual(['a-joined', 'b-joined', ...winner.map((event) => event.id)]);
    expect(await store.ledger.entries(loser[0]?.partnerId ?? '')).toEqual([]);
  });
});

describe('a restart from a snapshot', () => {
  it('gives, with the tail replayed, the state of a full replay byte for byte', async () => {
    const store = storeOf('snapshots');
    const programme = await createPartnerProgramme({ engine, store, snapshotEvery: 4 });
    const sorted = Array.from(replayOrder(history), (index) => history[index]);
    for (let from = 0; from < sorted.length; from += 3) await programme.ingest(sorted.slice(from, from + 3));
    // Ingests of 3 end at versions 3, 6, …, 18, 20; a snapshot is saved once 4 or more events came
    // since the last: at 6 (6 − 0), 12 (12 − 6) and 18 (18 − 12), not at 20 (20 − 18 = 2).
    expect((await store.snapshots.load())?.position).toBe(18);

    const reads: number[] = [];
    const watched: ProgrammeStore = {
      ...store,
      events: {
        ...store.events,
        read: (after) => {
          reads.push(after);
          return store.events.read(after);
        },
      },
    };
    const restarted = await createPartnerProgramme({ engine, store: watched });
    expect(reads).toEqual([18]);
    expect(restarted.version()).toBe(20);
    expect(JSON.stringify(restarted.state())).toBe(batchState(history));
    expect(JSON.stringify(restarted.state())).toBe(JSON.stringify(programme.state()));
  });
});

describe('the outbox', () => {
  const given = [
    { id: 'j', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: 'o', sponsorId: null },
    {
      id: 'd',
      type: 'deal.closed',
      at: '2025-01-05T00:00:00Z',
      partnerId: 'o',
      dealId: 'x',
      amount: '1000.00',
      currency: 'USD',
    },
  ];
  // Joining: the join and Starter's 6 unlocks; the first deal, 4 days after joining: first-sale
  // and quick-starter (within 30 days).
  const expectedIds = [
    'j:partner.joined:o',
    ...[
      'dashboard',
      'training-hub',
      'marketing-kit',
      'commission-tracker',
      'support-faq',
      'support-chat',
    ].map((feature) => `j:feature.unlocked:o:${feature}`),
    'd:badge.awarded:o:first-sale:1',
    'd:badge.awarded:o:quick-starter:1',
  ];

  it('hands an effect out again after a crash, and onceById acts on it once', async () => {
    const programme = await createPartnerProgramme({ engine, store: storeOf('outbox') });
    const ingested = await programme.ingest(given);
    expect(ingested.effects.map((effect) => effect.id)).toEqual(expectedIds);

    const acted: string[] = [];
    const seen = new Set<string>();
    const act = onceById(seen, (effect: Effect) => {
      acted.push(effect.id);
    });
    const crashing = 'd:badge.awarded:o:first-sale:1';
    let crashed = false;
    const attempts = new Map<string, number>();
    const deliver: Deliver = async (effect, item) => {
      attempts.set(effect.id, item.attempts);
      await act(effect, item);
      // The process stops after acting, before the outbox is told.
      if (effect.id === crashing && !crashed) {
        crashed = true;
        throw new Error('the process stopped');
      }
    };

    const first = await programme.deliver(deliver);
    expect(first.delivered).toBe(8);
    expect(first.failed.map((failure) => failure.id)).toEqual([crashing]);
    const second = await programme.deliver(deliver);
    expect(second).toEqual({ delivered: 1, failed: [] });
    // Handed out a second time (1 attempt before), passed over by onceById.
    expect(attempts.get(crashing)).toBe(1);
    expect(acted).toEqual(expectedIds);
    expect(await programme.deliver(deliver)).toEqual({ delivered: 0, failed: [] });
  });

  it('reads money back as the text ingest returned', async () => {
    const programme = await createPartnerProgramme({ engine, store: storeOf('money') });
    const { ledger } = await programme.ingest(given);
    const entries = await programme.entries('o');
    // A 1000.00 Starter deal at 20 %: 200.00.
    expect(entries).toEqual(JSON.parse(JSON.stringify(ledger)));
    expect(entries[0]).toMatchObject({ amount: '200.00', rate: '0.20', basis: '1000.00', currency: 'USD' });
    expect(JSON.stringify(entries)).toBe(JSON.stringify(ledger));
  });
});
