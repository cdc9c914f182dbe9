// The programme service over the in-memory store: what an ingest stores, restarts from a
// snapshot and its tail, two writers on one stream, and effects delivered at least once.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import type { Effect } from '../../src/engine/outputs.js';
import { onceById } from '../../src/ports/delivery.js';
import { ConflictError, StoreError } from '../../src/ports/errors.js';
import { memoryStore } from '../../src/ports/memory.js';
import { createPartnerProgramme } from '../../src/ports/service.js';
import type { ProgrammeStore } from '../../src/ports/types.js';
import { sisoProgram } from '../../src/program/siso.js';
import { events } from '../support/scenario.js';

const engine = createEngine(sisoProgram);

// p1 joins on 1 January and is certified on the 2nd. Its deals: d1 1000.00 on 5 January at
// Starter 20 % = 200.00; d2 500.00 on the 10th = 100.00; d3 1500.00 on the 21st is its 3rd
// counted deal, certified, so it is paid at Active's 22 %: 1500.00 × 0.22 = 330.00.
const history = [
  events.joined('p1', '2025-01-01', null, 'j1'),
  events.trained('p1', '2025-01-02', 'certification', 't1'),
  events.deal('p1', 'd1', '1000.00', '2025-01-05'),
  events.deal('p1', 'd2', '500.00', '2025-01-10'),
  events.joined('p2', '2025-01-15', 'p1', 'j2'),
  events.deal('p1', 'd3', '1500.00', '2025-01-21'),
];

/** The state one batch over `given` ends in, as stored bytes. */
function foldedBytes(given: readonly unknown[]): string {
  const batch = engine.batch();
  for (const event of given) batch.apply(event);
  return JSON.stringify(batch.result().state);
}

async function storedEvents(store: ProgrammeStore): Promise<unknown[]> {
  const stored: unknown[] = [];
  for await (const { event } of store.events.read(0)) stored.push(event);
  return stored;
}

describe('createPartnerProgramme over memoryStore', () => {
  it('stores the accepted events with the entries and effects they caused', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    const result = await programme.ingest(history.slice(0, 3));
    expect(result).toMatchObject({ version: 3, appended: 3, rejected: [], skipped: [] });
    expect(result.ledger.map((entry) => [entry.kind, entry.amount])).toEqual([['commission', '200.00']]);
    // Kept as the contract writes an entry: its JSON, explanation included.
    expect(await programme.entries('p1')).toEqual(JSON.parse(JSON.stringify(result.ledger)));
    const outbox = await store.outbox.claim(100);
    expect(outbox.map((item) => item.effect)).toEqual(result.effects);
    expect(result.effects[0]).toMatchObject({ type: 'partner.joined', partnerId: 'p1', tier: 'starter' });
  });

  it('sorts an ingest by time and stores neither a rejected event nor a duplicate', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    // The deal is given first but happens after p1 joins; the refund names a deal never closed.
    const refund = events.refund('d9', '10.00', '2025-01-06', 'r9');
    const first = await programme.ingest([history[2], refund, history[0]]);
    expect(first).toMatchObject({ version: 2, appended: 2, skipped: [] });
    expect(first.rejected).toMatchObject([{ eventId: 'r9', index: 1, code: 'UNKNOWN_DEAL' }]);
    expect(await storedEvents(store)).toEqual([history[0], history[2]]);

    const again = await programme.ingest([history[0]]);
    expect(again).toMatchObject({
      version: 2,
      appended: 0,
      skipped: [{ eventId: 'j1', reason: 'duplicate' }],
    });
  });

  it('starts from the latest snapshot and its tail, to the byte of one batch over everything', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store, snapshotEvery: 4 });
    for (const event of history) await programme.ingest([event]);
    // Snapshots after the 4th event; the 5th and 6th are the tail.
    expect((await store.snapshots.load())?.position).toBe(4);

    const restarted = await createPartnerProgramme({ engine, store, snapshotEvery: 4 });
    expect(restarted.version()).toBe(6);
    expect(JSON.stringify(restarted.state())).toBe(foldedBytes(history));
    expect(JSON.stringify(restarted.state())).toBe(JSON.stringify(programme.state()));
  });

  it('loses nothing and applies nothing twice when it stops after the append, before the snapshot', async () => {
    const store = memoryStore();
    const failing: ProgrammeStore = {
      ...store,
      snapshots: {
        load: store.snapshots.load,
        save: async () => {
          throw new Error('the process stopped');
        },
      },
    };
    const programme = await createPartnerProgramme({ engine, store: failing, snapshotEvery: 1 });
    await expect(programme.ingest(history)).rejects.toThrow('the process stopped');

    const restarted = await createPartnerProgramme({ engine, store });
    expect(restarted.version()).toBe(6);
    expect(JSON.stringify(restarted.state())).toBe(foldedBytes(history));
    // The host did not hear back, so it sends the same events again: each is a duplicate.
    const resent = await restarted.ingest(history);
    expect(resent).toMatchObject({ version: 6, appended: 0 });
    expect(resent.skipped).toHaveLength(6);
    // 200.00 + 100.00 + 330.00: each deal booked once.
    expect((await restarted.entries('p1')).map((entry) => entry.amount)).toEqual([
      '200.00',
      '100.00',
      '330.00',
    ]);
  });

  it('refuses a snapshot that covers more events than the store holds', async () => {
    const store = memoryStore();
    await store.snapshots.save({ position: 3, state: engine.initialState() });
    await expect(createPartnerProgramme({ engine, store })).rejects.toMatchObject({
      code: 'CORRUPT_STORE',
      path: 'snapshot.position',
    });
  });

  it('refuses a snapshot of another programme', async () => {
    const store = memoryStore();
    await store.snapshots.save({ position: 0, state: { ...engine.initialState(), programId: 'other' } });
    await expect(createPartnerProgramme({ engine, store })).rejects.toMatchObject({
      name: 'EngineError',
      code: 'STATE_PROGRAM_MISMATCH',
    });
  });
});

/** `store`, where another writer's work runs just before this writer's first append. */
function racedBy(store: ProgrammeStore, other: () => Promise<unknown>): ProgrammeStore {
  let raced = false;
  return {
    ...store,
    events: {
      ...store.events,
      append: async (append) => {
        if (!raced) {
          raced = true;
          await other();
        }
        return store.events.append(append);
      },
    },
  };
}

describe('two writers on one stream', () => {
  const joinedLater = events.joined('p3', '2025-01-03', null, 'j3');

  it('lets one append win; the other catches up and decides again', async () => {
    const store = memoryStore();
    const first = await createPartnerProgramme({ engine, store });
    // second decides on an empty stream, but first appends j1 before second's append of j3
    // lands: second meets a conflict, reads j1 and decides again.
    const second = await createPartnerProgramme({
      engine,
      store: racedBy(store, () => first.ingest([history[0]])),
    });
    const result = await second.ingest([joinedLater]);
    expect(result).toMatchObject({ version: 2, appended: 1, rejected: [] });
    expect(await storedEvents(store)).toEqual([history[0], joinedLater]);
    expect(await first.refresh()).toBe(2);
    expect(JSON.stringify(first.state())).toBe(JSON.stringify(second.state()));
  });

  it('decides on what other writers stored before it', async () => {
    const store = memoryStore();
    const first = await createPartnerProgramme({ engine, store });
    const second = await createPartnerProgramme({ engine, store });
    await first.ingest([history[0]]);
    // p2's sponsor p1 joined through first: second reads it before deciding.
    const result = await second.ingest([history[4]]);
    expect(result).toMatchObject({ version: 2, appended: 1, rejected: [] });
  });

  it('takes two ingests of one process one after the other', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    // Both start before either is stored; the second decides on the state the first left, so
    // p1's training is accepted (p1 joined in the first).
    const [first, second] = await Promise.all([
      programme.ingest([history[0]]),
      programme.ingest([history[1]]),
    ]);
    expect(first).toMatchObject({ version: 1, appended: 1 });
    expect(second).toMatchObject({ version: 2, appended: 1, rejected: [] });
  });

  it('gives up with a typed error, storing nothing, when every retry meets a conflict', async () => {
    const store = memoryStore();
    const first = await createPartnerProgramme({ engine, store });
    const raced = racedBy(store, () => first.ingest([history[0]]));
    const second = await createPartnerProgramme({ engine, store: raced, retries: 0 });
    const failure = await second.ingest([joinedLater]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure).toMatchObject({ code: 'CONFLICT_RETRIES_EXHAUSTED', path: 'events' });
    expect(second.version()).toBe(0);
    expect(await storedEvents(store)).toEqual([history[0]]);
  });

  it('stores nothing of an append that expects another version', async () => {
    const store = memoryStore();
    await store.events.append({ expectedVersion: 0, events: [history[0]], effects: [], ledger: [] });
    const append = store.events.append({ expectedVersion: 0, events: [history[1]], effects: [], ledger: [] });
    await expect(append).rejects.toBeInstanceOf(ConflictError);
    await expect(append).rejects.toMatchObject({ expectedVersion: 0, actualVersion: 1 });
    expect(await store.events.version()).toBe(1);
  });
});

describe('delivering effects', () => {
  it('hands an effect out again after a stop, and onceById acts on it once', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    const { effects } = await programme.ingest(history.slice(0, 3));
    const acted: string[] = [];
    const sent = new Set<string>();
    const act = onceById(sent, (effect: Effect) => {
      acted.push(effect.id);
    });
    // The deliverer acts on the joining effect, then stops before the outbox hears of it.
    const joined = effects[0]!.id;
    const stopping = programme.deliver(async (effect, item) => {
      await act(effect, item);
      if (effect.id === joined) throw new Error('stopped');
    });
    const firstRound = await stopping;
    expect(firstRound.delivered).toBe(effects.length - 1);
    expect(firstRound.failed.map((failure) => failure.id)).toEqual([joined]);

    let attempts = -1;
    const secondRound = await programme.deliver(async (effect, item) => {
      attempts = item.attempts;
      await act(effect, item);
    });
    expect(secondRound).toEqual({ delivered: 1, failed: [] });
    expect(attempts).toBe(1);
    expect(await programme.deliver(act)).toEqual({ delivered: 0, failed: [] });
    // Every effect acted on exactly once.
    expect([...acted].sort()).toEqual(effects.map((effect) => effect.id).sort());
  });

  it('puts the effects of time-driven work in the outbox once, whoever does the work first', async () => {
    const store = memoryStore();
    const programme = await createPartnerProgramme({ engine, store });
    await programme.ingest(history.slice(0, 3));
    await store.outbox.delivered((await store.outbox.claim(100)).map((item) => item.effect.id));
    // d1's 200.00 is pending for 30 days (payable on 4 February); the run of 15 February pays
    // every payable balance of at least 50.00: a payout.due of 200.00.
    const advanced = await programme.advance('2025-02-20T00:00:00Z');
    const due = advanced.effects.filter((effect) => effect.type === 'payout.due');
    expect(due).toMatchObject([{ partnerId: 'p1', amount: '200.00', at: '2025-02-15T00:00:00.000Z' }]);
    expect(programme.version()).toBe(3);

    // The next event runs the same payout run again, with the same effect id.
    const later = await programme.ingest([events.deal('p1', 'd4', '100.00', '2025-03-01')]);
    expect(later.effects.map((effect) => effect.id)).toEqual(
      expect.arrayContaining(due.map((effect) => effect.id)),
    );
    const waiting = (await store.outbox.claim(100)).map((item) => item.effect.id);
    expect(waiting.filter((id) => id === due[0]!.id)).toHaveLength(1);
  });

  it('refuses arguments it cannot use with a code and a path', async () => {
    const programme = await createPartnerProgramme({ engine, store: memoryStore() });
    await expect(programme.ingest('e1' as unknown as unknown[])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'events',
    });
    await expect(programme.deliver(() => {}, { limit: 0 })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'limit',
    });
    await expect(
      createPartnerProgramme({ engine, store: memoryStore(), snapshotEvery: 0 }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'snapshotEvery',
    });
  });
});
