// The engine against CONTRACT.md: idempotency, every rejection code (a rejected event changes
// nothing), input positions, ordering by `at` with ties in input order, as-of and time-driven
// work, ids such as "__proto__", determinism across machine time zones, batches, JSON state,
// and inputs never mutated. Amounts are SISO's: Starter 20 %, Active 22 % (SISO-PROGRAM.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { type EngineState, partnerIds, partnerOf } from '../../src/engine/state.js';
import { sisoProgram } from '../../src/program/siso.js';
import { partnerSummaries } from '../../src/reports/run-report.js';
import { events, sisoWith } from '../support/scenario.js';
import { dealRun } from '../support/tiers.js';

const engine = createEngine(sisoProgram);
type Given = Array<{ id: string; at: string; [field: string]: unknown }>;
const stateAfter = (given: Given) => engine.replay(given).state;
/** What must not differ between two runs: everything but the rejection and skip positions. */
const output = (result: ReturnType<typeof engine.replay>) =>
  JSON.stringify({ asOf: result.asOf, state: result.state, effects: result.effects, ledger: result.ledger });

const joinP1 = events.joined('p1', '2025-01-01', null, 'join-p1');
const dealD1 = events.deal('p1', 'd1', '1000.00', '2025-01-02');

/** A lead who reaches Performer, a sub-partner, refunds, a payment, reviews: all times distinct. */
const teamStream: Given = [
  events.joined('lead', '2025-01-01T00:00:00Z', null, 'join-lead'),
  events.trained('lead', '2025-01-01T01:00:00Z', 'certification', 'cert-lead'),
  events.joined('sub', '2025-01-03T00:00:00Z', 'lead', 'join-sub'),
  ...dealRun('lead', { from: '2025-01-05T00:00:00Z', count: 12, amount: '1234.56', everyHours: 25 }),
  ...dealRun('sub', { from: '2025-02-01T05:00:00Z', count: 3, amount: '99.99', everyHours: 49 }),
  events.refund('lead-d12', '1234.56', '2025-02-20T09:00:00Z', 'refund-lead-d12'),
  events.refund('sub-d2', '9.99', '2025-02-21T09:00:00Z', 'refund-sub-d2'),
  events.paid('lead', '100.00', '2025-03-20T00:00:00Z', 'paid-lead'),
  events.deal('sub', 'sub-late', '500.00', '2025-03-31T23:30:00Z'),
  events.deal('lead', 'lead-q2', '750.00', '2025-04-01T06:00:00Z'),
  events.deal('lead', 'lead-q3', '10.01', '2025-07-01T00:00:00Z'),
];

describe('idempotency', () => {
  it('skips the same event given twice as a duplicate; nothing changes', () => {
    const once = engine.replay([joinP1, dealD1]);
    const twice = engine.replay([joinP1, dealD1, dealD1]);
    expect(twice.skipped).toEqual([{ eventId: 'e-d1', index: 2, reason: 'duplicate' }]);
    expect(twice.rejected).toEqual([]);
    expect(output(twice)).toBe(output(once));
  });

  it('apply returns the same state, no effects and no entries for a duplicate', () => {
    const state = stateAfter([joinP1, dealD1]);
    expect(engine.apply(state, dealD1)).toEqual({
      ok: true,
      state,
      effects: [],
      ledger: [],
      skipped: 'duplicate',
    });
    expect(engine.apply(state, dealD1).state).toBe(state);
  });

  it('knows the same event written differently: number amount, another offset, keys reordered', () => {
    const { amount: _, ...rest } = dealD1;
    const rewritten = { amount: 1000, ...rest, at: '2025-01-02T01:00:00+01:00' };
    expect(engine.apply(stateAfter([joinP1, dealD1]), rewritten)).toMatchObject({
      ok: true,
      skipped: 'duplicate',
    });
  });

  it('rejects the same id with different content as CONFLICTING_DUPLICATE, at its input position', () => {
    const changed = { ...dealD1, amount: '1000.01' };
    const result = engine.replay([joinP1, dealD1, changed]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: 'e-d1', index: 2, code: 'CONFLICTING_DUPLICATE', path: 'id' }),
    ]);
    expect(result.ledger.map((entry) => entry.amount)).toEqual(['200.00']); // 0.20 × 1,000.00
  });
});

describe('rejections: each code, and a rejected event changes nothing', () => {
  const at3 = '2025-01-03';
  const joinP2 = events.joined('p2', at3, null, 'join-p2');
  const withDeal = [joinP1, dealD1];
  const refunded = [...withDeal, events.refund('d1', '600.00', at3, 'refund-600')];
  /** A rejection case: the code and path expected, the events before, the refused event. */
  const reject = (code: string, path: string, given: Given, bad: Given[number]) => ({
    code,
    path,
    given,
    bad,
  });
  const cases = [
    reject('INVALID_EVENT', 'amount', withDeal, events.deal('p1', 'd2', '1e3', at3, { id: 'bad' })),
    reject('CONFLICTING_DUPLICATE', 'id', withDeal, { ...dealD1, amount: '999.00' }),
    reject('UNKNOWN_PARTNER', 'partnerId', [joinP1], events.deal('p2', 'd2', '10.00', at3)),
    reject('UNKNOWN_PARTNER', 'sponsorId', [joinP1], events.joined('p2', at3, 'ghost', 'join-p2')),
    reject('UNKNOWN_PARTNER', 'partnerId', [joinP1], events.trained('ghost', at3, 'certification', 'cert-g')),
    reject('UNKNOWN_PARTNER', 'partnerId', [joinP1], events.used('ghost', 'dashboard', at3, 'used-g')),
    reject('UNKNOWN_PARTNER', 'partnerId', [joinP1], events.paid('ghost', '1.00', at3, 'paid-g')),
    reject('DUPLICATE_PARTNER', 'partnerId', [joinP1, joinP2], events.joined('p1', at3, null, 'again')),
    reject('DUPLICATE_DEAL', 'dealId', withDeal, events.deal('p1', 'd1', '5.00', at3, { id: 'e-d1-again' })),
    reject('UNKNOWN_DEAL', 'dealId', withDeal, events.refund('d9', '1.00', at3, 'refund-d9')),
    // 600.00 + 400.01 = 1,000.01 > 1,000.00
    reject('REFUND_EXCEEDS_DEAL', 'amount', refunded, events.refund('d1', '400.01', at3, 'r-400.01')),
    reject(
      'CURRENCY_MISMATCH',
      'currency',
      [joinP1],
      events.deal('p1', 'd2', '1.00', at3, { currency: 'EUR' }),
    ),
    reject('NOT_ALLOWED', '', [joinP1], events.terms('p1', at3, { baseRate: '0.35' }, 'terms-p1')),
    reject('NOT_ALLOWED', 'rate', [joinP1], events.deal('p1', 'd2', '10.00', at3, { rate: '0.35' })),
    // Nothing is payable 1 day after the only deal closed (the hold period is 30 days).
    reject('PAYOUT_EXCEEDS_PAYABLE', 'amount', withDeal, events.paid('p1', '1.00', at3, 'paid-p1')),
  ];

  it.each(cases)(
    '$code at path $path: apply returns the input state, untouched',
    ({ code, path, given, bad }) => {
      const state = stateAfter(given);
      const before = structuredClone(state);
      const result = engine.apply(state, bad);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code, path });
      expect(result.error.message.length).toBeGreaterThan(0);
      expect(result.state).toBe(state);
      expect(state).toEqual(before);
    },
  );

  it.each(cases)(
    '$code: a replay reports it at its index; the state is as without it',
    ({ code, given, bad }) => {
      const result = engine.replay([...given, bad]);
      expect(result.rejected).toEqual([
        expect.objectContaining({ eventId: bad.id, index: given.length, code }),
      ]);
      // Nothing at all changes, the default as-of time included (it comes from accepted events).
      const without = engine.replay(given);
      expect(output(result)).toBe(output(without));
    },
  );

  it('accepts a refund of exactly what is left: 600.00 + 400.00 = 1,000.00', () => {
    const result = engine.replay([...refunded, events.refund('d1', '400.00', '2025-01-04', 'refund-400')]);
    expect(result.rejected).toEqual([]);
    expect(partnerOf(result.state, 'p1')?.countedDeals).toBe(0);
  });

  it('reports the input position, not the sorted one', () => {
    const late = events.deal('ghost', 'dx', '10.00', '2025-01-05');
    const result = engine.replay([late, joinP1, dealD1]);
    expect(result.rejected).toEqual([
      expect.objectContaining({ eventId: 'e-dx', index: 0, code: 'UNKNOWN_PARTNER' }),
    ]);
  });

  it('rejects with OUT_OF_ORDER an event earlier than the clock, through apply', () => {
    const state = stateAfter([joinP1, dealD1]); // clock: 2025-01-02T00:00:00.000Z
    const early = events.joined('p2', '2025-01-01T23:59:59Z', null, 'join-p2-early');
    const result = engine.apply(state, early);
    expect(result).toMatchObject({ ok: false, error: { code: 'OUT_OF_ORDER', path: 'at' } });
    expect(result.state).toBe(state);
    // The clock's own instant is not earlier: accepted.
    expect(engine.apply(state, events.joined('p2', '2025-01-02', null, 'join-p2-now')).ok).toBe(true);
  });
});

describe('order: by `at`, input order among equal times', () => {
  it('rejects a sponsored partner listed before its sponsor at the same instant', () => {
    const child = events.joined('child', '2025-01-01', 'sponsor', 'join-child');
    const sponsor = events.joined('sponsor', '2025-01-01', null, 'join-sponsor');
    expect(engine.replay([child, sponsor]).rejected).toEqual([
      expect.objectContaining({
        eventId: 'join-child',
        index: 0,
        code: 'UNKNOWN_PARTNER',
        path: 'sponsorId',
      }),
    ]);
    const listedFirst = engine.replay([sponsor, child]);
    expect(listedFirst.rejected).toEqual([]);
    expect(partnerIds(listedFirst.state)).toEqual(['child', 'sponsor']);
  });

  it('gives identical output for the stream shuffled (all times distinct)', () => {
    const reference = output(engine.replay(teamStream));
    expect(engine.replay(teamStream).rejected).toEqual([]);
    expect(output(engine.replay([...teamStream].reverse()))).toBe(reference);
    // A fixed permutation: every 5th event first, then the rest.
    const permuted = [
      ...teamStream.filter((_, i) => i % 5 === 0),
      ...teamStream.filter((_, i) => i % 5 !== 0),
    ];
    expect(output(engine.replay(permuted))).toBe(reference);
  });
});

/** p1 is Active from 2024-12-04 (3 deals in Q4 2024, certified) and closes nothing in Q1 2025. */
const activeInQ4 = [
  events.joined('p1', '2024-12-01', null, 'join-p1'),
  events.trained('p1', '2024-12-01T01:00:00Z', 'certification', 'cert-p1'),
  ...dealRun('p1', { from: '2024-12-02', count: 3, everyHours: 24 }),
];
const atRisk = (effects: ReturnType<typeof engine.replay>['effects']) =>
  effects.filter((effect) => effect.type === 'tier.at-risk');

describe('as-of and time-driven work', () => {
  it('defaults asOf to the latest event time, wherever it is in the input', () => {
    const result = engine.replay([dealD1, joinP1]);
    expect(result.asOf).toBe('2025-01-02T00:00:00.000Z');
    expect(result.state.clock).toBe(Date.parse('2025-01-02T00:00:00.000Z'));
  });

  it('runs the Q1 review at 2025-04-01T00:00:00Z when asOf is that instant, with eventId null', () => {
    const result = engine.replay(activeInQ4, { asOf: '2025-04-01T00:00:00Z' });
    expect(result.asOf).toBe('2025-04-01T00:00:00.000Z');
    expect(atRisk(result.effects)).toEqual([
      expect.objectContaining({
        partnerId: 'p1',
        at: '2025-04-01T00:00:00.000Z',
        eventId: null,
        from: 'active',
      }),
    ]);
    expect(atRisk(engine.replay(activeInQ4, { asOf: '2025-03-31T23:59:59.999Z' }).effects)).toEqual([]);
    // The same instant written in Kathmandu time.
    expect(atRisk(engine.replay(activeInQ4, { asOf: '2025-04-01T05:45:00+05:45' }).effects)).toHaveLength(1);
  });

  it('gives every time-driven effect eventId null: month-end badge, payout runs, the review', () => {
    // Commissions 0.20 × 1,000 + 0.20 × 1,000 + 0.22 × 1,000 (3rd deal, Active) = 620.00, payable
    // from 2025-01-03 (30 days); never paid, so each run on the 15th finds 620.00 ≥ 50.00 again.
    const result = engine.replay(activeInQ4, { asOf: '2025-04-01T00:00:00Z' });
    const timeDriven = result.effects.filter((effect) => effect.eventId === null);
    expect(timeDriven.map((effect) => [effect.type, effect.at])).toEqual([
      ['badge.awarded', '2025-01-01T00:00:00.000Z'],
      ['payout.due', '2025-01-15T00:00:00.000Z'],
      ['payout.due', '2025-02-15T00:00:00.000Z'],
      ['payout.due', '2025-03-15T00:00:00.000Z'],
      ['tier.at-risk', '2025-04-01T00:00:00.000Z'],
    ]);
    expect(timeDriven[1]).toMatchObject({ amount: '620.00', currency: 'USD' });
  });

  it('runs work due at T before an event at T', () => {
    const given = [...activeInQ4, events.joined('p2', '2025-04-01', null, 'join-p2')];
    const types = engine.replay(given).effects.map((effect) => `${effect.type} ${effect.partnerId}`);
    expect(types.indexOf('tier.at-risk p1')).toBeGreaterThan(-1);
    expect(types.indexOf('tier.at-risk p1')).toBeLessThan(types.indexOf('partner.joined p2'));
  });

  it('at one instant: hold periods end, then period ends, then payout runs', () => {
    // Payouts on the 1st: the deal of 2025-01-02 is payable from 2025-02-01 (30 days), the month
    // ends then (top-performer of 2025-01), and the run pays 0.20 × 1,000.00 = 200.00.
    const engineOnFirst = createEngine(sisoWith({ payouts: { dayOfMonth: 1, minimum: '50.00' } }));
    const result = engineOnFirst.replay([joinP1, dealD1], { asOf: '2025-02-01T00:00:00Z' });
    expect(result.effects.filter((effect) => effect.eventId === null)).toEqual([
      expect.objectContaining({
        type: 'badge.awarded',
        badge: 'top-performer',
        at: '2025-02-01T00:00:00.000Z',
      }),
      expect.objectContaining({ type: 'payout.due', amount: '200.00', at: '2025-02-01T00:00:00.000Z' }),
    ]);
  });

  it('skips events after asOf with reason after-as-of; an event at asOf is applied', () => {
    const later = events.deal('p1', 'd2', '10.00', '2025-01-02T00:00:00.001Z');
    const result = engine.replay([later, joinP1, dealD1], { asOf: '2025-01-02T00:00:00Z' });
    expect(result.skipped).toEqual([{ eventId: 'e-d2', index: 0, reason: 'after-as-of' }]);
    expect(result.ledger.map((entry) => entry.dealId)).toEqual(['d1']);
  });

  it('advance runs the same work as a replay as of that instant', () => {
    const advanced = engine.advance(stateAfter(activeInQ4), '2025-04-01T00:00:00Z');
    const replayed = engine.replay(activeInQ4, { asOf: '2025-04-01T00:00:00Z' });
    expect(JSON.stringify(advanced.state)).toBe(JSON.stringify(replayed.state));
    expect(atRisk(advanced.effects)).toEqual(atRisk(replayed.effects));
  });
});

describe('ids such as "__proto__" and "constructor"', () => {
  // constructor (sponsored by __proto__) sells deal "__proto__" for 100.00: 0.20 × 100.00 = 20.00;
  // __proto__ sells deal "constructor" for 200.00: 40.00; 40.00 of deal "__proto__" is refunded:
  // a clawback of 20.00 × 40/100 = 8.00, so constructor has earned 12.00 on revenue 60.00.
  const given = [
    events.joined('__proto__', '2025-01-01', null, '__proto__'),
    events.joined('constructor', '2025-01-02', '__proto__', 'constructor'),
    events.deal('constructor', '__proto__', '100.00', '2025-01-03', { id: 'toString' }),
    events.deal('__proto__', 'constructor', '200.00', '2025-01-04', { id: 'hasOwnProperty' }),
    events.refund('__proto__', '40.00', '2025-01-05', 'valueOf'),
    events.joined('__proto__', '2025-01-01', null, '__proto__'),
  ];
  const result = engine.replay(given);

  it('joins, sells, refunds and skips a repeated event like any other ids', () => {
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([{ eventId: '__proto__', index: 5, reason: 'duplicate' }]);
    expect(result.ledger.map((entry) => [entry.partnerId, entry.kind, entry.amount, entry.dealId])).toEqual([
      ['constructor', 'commission', '20.00', '__proto__'],
      ['__proto__', 'commission', '40.00', 'constructor'],
      ['constructor', 'clawback', '-8.00', '__proto__'],
    ]);
    expect(partnerOf(result.state, '__proto__') !== undefined).toBe(true);
    expect(({} as Record<string, unknown>).sponsorId).toBeUndefined();
  });

  it('lists them in the report, ordered by id', () => {
    const rows = partnerSummaries(engine.compiled, result.state);
    expect(rows.map((row) => [row.id, row.sponsorId, row.deals, row.revenue, row.balance.earned])).toEqual([
      ['__proto__', null, 1, '200.00', '40.00'],
      ['constructor', '__proto__', 1, '60.00', '12.00'],
    ]);
  });

  it('survives a JSON round trip of the state', () => {
    const copy = JSON.parse(JSON.stringify(result.state)) as EngineState;
    const next = engine.apply(copy, events.refund('constructor', '200.00', '2025-01-06', 'refund-all'));
    const proto = '__proto__';
    expect(next.ok && partnerOf(next.state, proto)?.countedDeals).toBe(0);
  });
});

describe('determinism across machine time zones', () => {
  const directory = mkdtempSync(join(tmpdir(), 'partner-engine-tz-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const source = pathToFileURL(fileURLToPath(new URL('../../src/index.ts', import.meta.url))).href;
  const script = join(directory, 'replay.ts');
  // SISO (UTC) and the same programme in Los Angeles, where 2025-03-31T23:30Z is still March.
  writeFileSync(
    script,
    `import { createEngine, loadProgram, runReport, sisoProgram } from ${JSON.stringify(source)};
const events = ${JSON.stringify(teamStream)};
const zoned = loadProgram({ ...JSON.parse(JSON.stringify(sisoProgram)), timeZone: 'America/Los_Angeles' });
process.stdout.write(new Date('2025-01-01T00:00:00Z').getTimezoneOffset() + '\\n');
for (const program of [sisoProgram, zoned]) {
  const engine = createEngine(program);
  const result = engine.replay(events, { asOf: '2025-10-01T12:00:00Z' });
  process.stdout.write(JSON.stringify({ report: runReport(engine.compiled, result), state: result.state }) + '\\n');
}
`,
  );
  const run = (timeZone: string) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      env: { ...process.env, TZ: timeZone },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const [zone, ...outputs] = child.stdout.trimEnd().split('\n');
    return { zone, outputs };
  };

  it('prints byte-identical results under TZ=UTC, America/Los_Angeles and Asia/Kathmandu', () => {
    const utc = run('UTC');
    expect(utc.outputs).toHaveLength(2);
    expect(utc.zone).toBe('0');
    // The child really ran in each zone: its offset from UTC on 2025-01-01, in minutes behind.
    for (const [zone, offset] of [
      ['America/Los_Angeles', '480'],
      ['Asia/Kathmandu', '-345'],
    ]) {
      const other = run(String(zone));
      expect(other.zone).toBe(offset);
      expect(other.outputs).toEqual(utc.outputs);
    }
  });
});

describe('batches, JSON state and inputs never mutated', () => {
  const full = engine.replay(teamStream);

  it('a batch over the time-ordered stream gives what replay gives', () => {
    const withTrouble = [
      ...teamStream.slice(0, 5),
      teamStream[4],
      events.refund('nope', '1.00', '2025-01-06T01:00:00Z'),
    ];
    const ordered = [...withTrouble, ...teamStream.slice(5)];
    const batch = engine.batch();
    for (const [index, event] of ordered.entries()) batch.apply(event, index);
    batch.advance(String(teamStream.at(-1)?.at));
    const result = batch.result();
    const replayed = engine.replay(ordered);
    expect(result.skipped).toEqual(replayed.skipped);
    expect(result.rejected).toEqual(replayed.rejected);
    expect(result.skipped).toHaveLength(1);
    expect(result.rejected).toHaveLength(1);
    expect(JSON.stringify([result.state, result.effects, result.ledger])).toBe(
      JSON.stringify([replayed.state, replayed.effects, replayed.ledger]),
    );
  });

  it('continues from a JSON copy of a half-way state exactly as one replay', () => {
    const half = Math.floor(teamStream.length / 2);
    const first = engine.replay(teamStream.slice(0, half));
    const copy = JSON.parse(JSON.stringify(first.state)) as EngineState;
    const rest = engine.replay(teamStream.slice(half), { state: copy });
    expect(JSON.stringify(rest.state)).toBe(JSON.stringify(full.state));
    expect([...first.effects, ...rest.effects]).toEqual(full.effects);
    expect([...first.ledger, ...rest.ledger]).toEqual(full.ledger);
  });

  it('apply, replay from a state and advance leave their input state as it was', () => {
    const state = engine.replay(teamStream.slice(0, 10)).state;
    const before = structuredClone(state);
    let current = state;
    for (const event of teamStream.slice(10)) current = engine.apply(current, event).state;
    engine.apply(state, teamStream[0]); // a duplicate
    engine.apply(state, events.refund('nope', '1.00', '2025-12-01')); // a rejection
    engine.replay(teamStream.slice(10), { state });
    engine.advance(state, '2026-01-01T00:00:00Z');
    expect(state).toEqual(before);
    expect(JSON.stringify(current)).toBe(JSON.stringify(full.state));
  });

  it('apply leaves the event as it was', () => {
    const event = structuredClone(dealD1);
    engine.apply(stateAfter([joinP1]), event);
    expect(event).toEqual(dealD1);
  });
});
