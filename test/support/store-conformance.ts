// What every ProgrammeStore must do, as vitest tests: `describeStoreConformance(name, makeStore)`
// registers them for a store factory (each test gets a fresh, empty store). The in-memory store
// and the PostgreSQL one run the same cases, so a host's own adapter can too.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import type { Effect, LedgerEntry } from '../../src/engine/outputs.js';
import { ConflictError, StoreError } from '../../src/ports/errors.js';
import type { Append, ProgrammeStore, StoredEvent } from '../../src/ports/types.js';
import { sisoProgram } from '../../src/program/siso.js';

export interface ConformanceOptions {
  /**
   * Cases the store is known to fail (their names as registered): they run as `it.fails`, so
   * the suite says so when the store is mended.
   */
  readonly knownFailures?: readonly string[];
}

export const joined = (id: string, partnerId = 'a') => ({
  id,
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId,
  sponsorId: null,
});

export const unlocked = (id: string, feature = 'dashboard'): Effect => ({
  id,
  type: 'feature.unlocked',
  partnerId: 'a',
  at: '2025-01-01T00:00:00.000Z',
  eventId: 'e1',
  feature,
});

/** A commission entry of 20 % on `basis`, with the optional fields and nested facts an entry can have. */
export const commission = (id: string, partnerId: string, basis: string, amount: string): LedgerEntry => ({
  id,
  partnerId,
  kind: 'commission',
  amount,
  currency: 'USD',
  rate: '0.2',
  basis,
  tier: 'starter',
  dealId: `deal-${id}`,
  eventId: `event-${id}`,
  sourcePartnerId: partnerId,
  at: '2025-01-05T00:00:00.000Z',
  programVersion: '1.0.0',
  rateSource: 'tier',
  uncapped: amount,
  tierFacts: { zeta: 1, alpha: { deals: 3, certified: true } },
  explanation: `20 % of ${basis}`,
});

export const appendOf = (
  expectedVersion: number,
  parts: Partial<Omit<Append, 'expectedVersion'>> = {},
): Append => ({
  expectedVersion,
  events: parts.events ?? [],
  effects: parts.effects ?? [],
  ledger: parts.ledger ?? [],
});

export async function collect(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const read: StoredEvent[] = [];
  for await (const stored of events) read.push(stored);
  return read;
}

/** An object whose `field` throws when read: a copy or a serialisation of it fails part-way. */
function unreadable<T extends object>(value: T, field: string): T {
  const copy = { ...value };
  Object.defineProperty(copy, field, {
    enumerable: true,
    get: () => {
      throw new Error(`${field} cannot be read`);
    },
  });
  return copy;
}

type Case = (store: ProgrammeStore) => Promise<void>;

export function describeStoreConformance(
  name: string,
  makeStore: () => Promise<ProgrammeStore>,
  options: ConformanceOptions = {},
): void {
  const known = new Set(options.knownFailures ?? []);
  const test = (title: string, body: Case) => {
    const run = async () => body(await makeStore());
    if (known.has(title)) it.fails(title, run);
    else it(title, run);
  };
  describe(`${name} conforms to the store ports`, () => {
    describe('events', () => registerEventCases(test));
    describe('appends that fail', () => registerFailureCases(test));
    describe('snapshots', () => registerSnapshotCases(test));
    describe('outbox', () => registerOutboxCases(test));
    describe('ledger and copies', () => registerLedgerCases(test));
  });
}

type Register = (title: string, body: Case) => void;

function registerEventCases(test: Register): void {
  test('an empty store holds nothing', async (store) => {
    expect(await store.events.version()).toBe(0);
    expect(await collect(store.events.read(0))).toEqual([]);
    expect(await store.snapshots.load()).toBeUndefined();
    expect(await store.outbox.claim(10)).toEqual([]);
    expect(await store.ledger.entries('a')).toEqual([]);
  });

  test('append returns the new version and positions count from 1', async (store) => {
    // 2 events after 0 make version 2, 1 more after 2 makes 3.
    expect(await store.events.append(appendOf(0, { events: [joined('e1'), joined('e2', 'b')] }))).toBe(2);
    expect(await store.events.append(appendOf(2, { events: [joined('e3', 'c')] }))).toBe(3);
    expect(await store.events.version()).toBe(3);
    expect(await collect(store.events.read(0))).toEqual([
      { position: 1, event: joined('e1') },
      { position: 2, event: joined('e2', 'b') },
      { position: 3, event: joined('e3', 'c') },
    ]);
  });

  test('read(after) gives the events after that position, in order', async (store) => {
    const events = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => joined(id, `p-${id}`));
    await store.events.append(appendOf(0, { events }));
    expect((await collect(store.events.read(2))).map((stored) => stored.position)).toEqual([3, 4, 5]);
    expect(await collect(store.events.read(4))).toEqual([{ position: 5, event: events[4] }]);
    expect(await collect(store.events.read(5))).toEqual([]);
    expect(await collect(store.events.read(9))).toEqual([]);
  });

  test('a read covers the events stored when it started', async (store) => {
    await store.events.append(appendOf(0, { events: [joined('e1'), joined('e2'), joined('e3')] }));
    const reading = store.events.read(0)[Symbol.asyncIterator]();
    const first = await reading.next();
    await store.events.append(appendOf(3, { events: [joined('e4'), joined('e5')] }));
    const rest: number[] = [];
    for (let next = await reading.next(); !next.done; next = await reading.next())
      rest.push(next.value.position);
    expect(first.value).toEqual({ position: 1, event: joined('e1') });
    expect(rest).toEqual([2, 3]);
    expect((await collect(store.events.read(3))).map((stored) => stored.position)).toEqual([4, 5]);
  });

  test('of two appends expecting the same version, one wins and the other stores nothing', async (store) => {
    const first = appendOf(0, {
      events: [joined('e1'), joined('e2', 'b')],
      effects: [unlocked('first-effect')],
      ledger: [commission('first-entry', 'a', '1000.00', '200.00')],
    });
    const second = appendOf(0, {
      events: [joined('e9', 'z')],
      effects: [unlocked('second-effect')],
      ledger: [commission('second-entry', 'a', '500.00', '100.00')],
    });
    const outcomes = await Promise.allSettled([store.events.append(first), store.events.append(second)]);
    const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
    const winner = won === 0 ? first : second;
    const lost = outcomes[1 - won];
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(ConflictError);
    // The loser expected 0 and found the winner's events stored.
    expect(lost?.status === 'rejected' && lost.reason).toMatchObject({
      code: 'VERSION_CONFLICT',
      expectedVersion: 0,
      actualVersion: winner.events.length,
    });
    expect(await store.events.version()).toBe(winner.events.length);
    expect((await collect(store.events.read(0))).map((stored) => stored.event)).toEqual(winner.events);
    expect((await store.outbox.claim(10)).map((item) => item.effect)).toEqual(winner.effects);
    expect(await store.ledger.entries('a')).toEqual(winner.ledger);
  });

  test('an append expecting another version than the stored one is refused', async (store) => {
    await expect(store.events.append(appendOf(5, { events: [joined('e1')] }))).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      expectedVersion: 5,
      actualVersion: 0,
    });
    await store.events.append(appendOf(0, { events: [joined('e1')] }));
    await expect(store.events.append(appendOf(0, { events: [joined('e2')] }))).rejects.toMatchObject({
      expectedVersion: 0,
      actualVersion: 1,
    });
    expect(await collect(store.events.read(0))).toEqual([{ position: 1, event: joined('e1') }]);
  });

  test('versions and positions must be whole numbers', async (store) => {
    for (const expectedVersion of [-1, 1.5, Number.NaN]) {
      await expect(
        store.events.append(appendOf(expectedVersion, { events: [joined('e1')] })),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        path: 'expectedVersion',
      });
    }
    await expect(async () => collect(store.events.read(-1))).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'after',
    });
    expect(await store.events.version()).toBe(0);
  });
}

function registerFailureCases(test: Register): void {
  const parts = {
    'its last event': (): Partial<Append> => ({
      events: [joined('e1'), unreadable(joined('e2'), 'partnerId')],
    }),
    'its last effect': (): Partial<Append> => ({
      events: [joined('e1'), joined('e2')],
      effects: [unlocked('f1'), unreadable(unlocked('f2'), 'feature')],
    }),
    'its last ledger entry': (): Partial<Append> => ({
      events: [joined('e1'), joined('e2')],
      ledger: [
        commission('l1', 'a', '10.00', '2.00'),
        unreadable(commission('l2', 'a', '10.00', '2.00'), 'amount'),
      ],
    }),
  };
  for (const [part, given] of Object.entries(parts)) {
    test(`an append failing on ${part} stores nothing of it`, async (store) => {
      await expect(store.events.append(appendOf(0, given()))).rejects.toThrow();
      expect(await store.events.version()).toBe(0);
      expect(await collect(store.events.read(0))).toEqual([]);
      expect(await store.outbox.claim(10)).toEqual([]);
      expect(await store.ledger.entries('a')).toEqual([]);
      // The store still takes the next append at version 0.
      expect(await store.events.append(appendOf(0, { events: [joined('e3')] }))).toBe(1);
    });
  }
}

function registerSnapshotCases(test: Register): void {
  test('the latest snapshot is kept and an older one is ignored', async (store) => {
    const state = { zeta: [3, 1, 2], alpha: { nested: 'text', empty: {} }, amount: '200.00' };
    await store.snapshots.save({ position: 3, state });
    const loaded = await store.snapshots.load();
    expect(loaded).toEqual({ position: 3, state });
    // Byte for byte: keys come back in the order they were saved.
    expect(JSON.stringify(loaded?.state)).toBe(JSON.stringify(state));
    await store.snapshots.save({ position: 2, state: { older: true } });
    expect(await store.snapshots.load()).toEqual({ position: 3, state });
    await store.snapshots.save({ position: 3, state: { same: 'position' } });
    expect(await store.snapshots.load()).toEqual({ position: 3, state: { same: 'position' } });
    await store.snapshots.save({ position: 7, state: { newer: true } });
    expect(await store.snapshots.load()).toEqual({ position: 7, state: { newer: true } });
  });

  test('a snapshot position must be a whole number', async (store) => {
    await expect(store.snapshots.save({ position: -1, state: {} })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      path: 'position',
    });
    expect(await store.snapshots.load()).toBeUndefined();
  });
}

function registerOutboxCases(test: Register): void {
  test('claims hand out the oldest undelivered effects and count attempts', async (store) => {
    await store.events.append(
      appendOf(0, { events: [joined('e1')], effects: [unlocked('f1'), unlocked('f2')] }),
    );
    expect(await store.outbox.claim(10)).toEqual([
      { effect: unlocked('f1'), attempts: 0 },
      { effect: unlocked('f2'), attempts: 0 },
    ]);
    // A limit of 1 gives the oldest; f1 was handed out once before.
    expect(await store.outbox.claim(1)).toEqual([{ effect: unlocked('f1'), attempts: 1 }]);
    await store.outbox.delivered(['f1', 'never-added']);
    // f2 was handed out by the first claim only.
    expect(await store.outbox.claim(10)).toEqual([{ effect: unlocked('f2'), attempts: 1 }]);
  });

  test('an effect id already in the outbox, delivered or not, is not added again', async (store) => {
    await store.events.append(
      appendOf(0, {
        events: [joined('e1')],
        effects: [unlocked('f1'), unlocked('f1', 'repeated-in-one-append')],
      }),
    );
    await store.outbox.add([unlocked('f2')]);
    await store.outbox.delivered(['f1']);
    await store.outbox.add([unlocked('f1', 'again'), unlocked('f2', 'again'), unlocked('f3')]);
    await store.events.append(
      appendOf(1, { events: [joined('e2')], effects: [unlocked('f3', 'again'), unlocked('f4')] }),
    );
    // f1 is delivered; f2, f3 and f4 wait in the order they were first added, as first added.
    expect(await store.outbox.claim(10)).toEqual([
      { effect: unlocked('f2'), attempts: 0 },
      { effect: unlocked('f3'), attempts: 0 },
      { effect: unlocked('f4'), attempts: 0 },
    ]);
    await store.outbox.delivered(['f2', 'f3', 'f4']);
    expect(await store.outbox.claim(10)).toEqual([]);
  });

  test('a claim takes a limit of at least 1', async (store) => {
    await expect(store.outbox.claim(0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', path: 'limit' });
    await expect(store.outbox.claim(2.5)).rejects.toBeInstanceOf(StoreError);
  });
}

function registerLedgerCases(test: Register): void {
  test("a partner's entries come back in booking order, as booked", async (store) => {
    // 20 % of 1000.00 is 200.00, of 500.00 is 100.00, of 250.00 is 50.00, of 100.00 is 20.00.
    const a1 = commission('a1', 'a', '1000.00', '200.00');
    const b1 = commission('b1', 'b', '500.00', '100.00');
    const a2 = { ...commission('a2', 'a', '250.00', '50.00'), level: 1, reverses: 'a1' };
    const a3 = commission('a3', 'a', '100.00', '20.00');
    await store.events.append(appendOf(0, { events: [joined('e1')], ledger: [a1, b1, a2] }));
    await store.events.append(
      appendOf(1, { events: [joined('e2')], ledger: [commission('b2', 'b', '5.00', '1.00'), a3] }),
    );
    const entries = await store.ledger.entries('a');
    expect(entries).toEqual([a1, a2, a3]);
    expect(entries.map((entry) => JSON.stringify(entry))).toEqual(
      [a1, a2, a3].map((entry) => JSON.stringify(entry)),
    );
    expect((await store.ledger.entries('b')).map((entry) => entry.id)).toEqual(['b1', 'b2']);
    expect(await store.ledger.entries('nobody')).toEqual([]);
  });

  test("an engine's ledger entry reads back as its JSON, explanation included", async (store) => {
    const { ledger } = createEngine(sisoProgram).replay([
      joined('j1', 'o'),
      {
        id: 'd1',
        type: 'deal.closed',
        at: '2025-01-05T00:00:00Z',
        partnerId: 'o',
        dealId: 'x',
        amount: '1000.00',
        currency: 'USD',
      },
    ]);
    await store.events.append(appendOf(0, { events: [joined('j1', 'o')], ledger }));
    const [entry] = await store.ledger.entries('o');
    // A Starter deal of 1000.00 at 20 % earns 200.00; the explanation is derived when read.
    expect(entry).toMatchObject({ amount: '200.00', rate: '0.20', basis: '1000.00' });
    expect(entry?.explanation).toContain('20 % of 1,000.00 = 200.00');
    expect(JSON.stringify(entry)).toBe(JSON.stringify(ledger[0]));
  });

  test('changing an object after it was stored or read changes nothing stored', async (store) => {
    const event = joined('e1');
    const effect = { ...unlocked('f1') };
    const entry = commission('a1', 'a', '1000.00', '200.00');
    const state = { partners: [{ id: 'a' }] };
    await store.events.append(appendOf(0, { events: [event], effects: [effect], ledger: [entry] }));
    await store.snapshots.save({ position: 1, state });
    Object.assign(event, { partnerId: 'changed' });
    Object.assign(effect, { feature: 'changed' });
    Object.assign(entry, { amount: '999.99' });
    state.partners.push({ id: 'changed' });
    const [read] = await collect(store.events.read(0));
    Object.assign(read?.event as object, { id: 'changed' });
    const [claimed] = await store.outbox.claim(1);
    Object.assign(claimed?.effect as object, { id: 'changed' });
    const [booked] = await store.ledger.entries('a');
    Object.assign(booked as object, { amount: '0.00' });
    const loaded = await store.snapshots.load();
    (loaded?.state as { partners: unknown[] } | undefined)?.partners.splice(0);

    expect(await collect(store.events.read(0))).toEqual([{ position: 1, event: joined('e1') }]);
    expect(await store.outbox.claim(1)).toEqual([{ effect: unlocked('f1'), attempts: 1 }]);
    expect(await store.ledger.entries('a')).toEqual([commission('a1', 'a', '1000.00', '200.00')]);
    expect(await store.snapshots.load()).toEqual({ position: 1, state: { partners: [{ id: 'a' }] } });
  });
}
