// State format 5 (docs/engine.md, "The state"): partners, seen ids and deals in trees of buckets
// (levels of 32 slots), the hold queue in chunks, so one apply copies what its event changes,
// money in whole minor units, and deal entries without the ids their deal derives; states of
// formats 1 to 4 are migrated; a state of another programme, of an unknown format or corrupt is
// refused with a code.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/create-engine.js';
import { EngineError } from '../../src/engine/errors.js';
import {
  allDeals,
  allPartners,
  type Buckets,
  bucketPath,
  type EngineState,
  entriesOfLeaf,
  type HoldItem,
  leavesOf,
  pendingHolds,
  STATE_FORMAT,
} from '../../src/engine/state.js';
import { formatMinor, type MinorUnits } from '../../src/money/minor.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { joinedPartner } from '../commissions/givens.js';
import { events, sisoWith } from '../support/scenario.js';
import { dealRun } from '../support/tiers.js';

const engine = createEngine(sisoProgram);
const given = [
  events.joined('s', '2025-01-01', null, 'j-s'),
  events.joined('p', '2025-01-02', 's', 'j-p'),
  ...dealRun('p', { from: '2025-01-03', count: 3, amount: '500.00' }),
];
const { state } = engine.replay(given);
const saved = () => JSON.parse(JSON.stringify(state)) as EngineState;

type Json = Record<string, unknown>;
const text = (units: unknown) => formatMinor(units as MinorUnits, 2);
/** An instant as formats 1 to 3 wrote it: ISO text in UTC. */
const iso = (ms: unknown) => new Date(ms as number).toISOString();
const isoOrNull = (ms: unknown) => (ms === null ? null : iso(ms));

/** A partner's money and instants as formats 1 to 3 wrote them: decimal and ISO text. */
function partnerAsText(partner: Json): Json {
  const counter = (value: unknown) => ({ ...(value as Json), revenue: text((value as Json).revenue) });
  const balance = partner.balance as Json;
  const team = partner.team as Json;
  const history = Object.fromEntries(
    Object.entries(partner.history as Record<string, Json>).map(([month, result]) => [
      month,
      { ...result, revenue: text(result.revenue), commission: text(result.commission) },
    ]),
  );
  return {
    ...partner,
    joinedAt: iso(partner.joinedAt),
    tierSince: iso(partner.tierSince),
    firstDealAt: isoOrNull(partner.firstDealAt),
    featuresUsed: Object.fromEntries(
      Object.entries(partner.featuresUsed as Json).map(([id, at]) => [id, iso(at)]),
    ),
    badges: (partner.badges as Json[]).map((award) => ({ ...award, at: iso(award.at) })),
    terms: (partner.terms as Json[]).map((terms) => ({
      ...terms,
      from: iso(terms.from),
      until: isoOrNull(terms.until),
    })),
    revenue: text(partner.revenue),
    month: counter(partner.month),
    quarter: counter(partner.quarter),
    year: counter(partner.year),
    history,
    balance: Object.fromEntries(Object.entries(balance).map(([field, units]) => [field, text(units)])),
    payouts: (partner.payouts as Json[]).map((payout) => ({
      ...payout,
      at: iso(payout.at),
      amount: text(payout.amount),
    })),
    team: {
      ...team,
      revenue: text(team.revenue),
      month: counter(team.month),
      quarter: counter(team.quarter),
      revenueByLevel: (team.revenueByLevel as unknown[]).map(text),
    },
    overrideTotal: {
      ...(partner.overrideTotal as Json),
      amount: text((partner.overrideTotal as Json).amount),
    },
  };
}

/**
 * A deal as formats 1 to 4 wrote it: every entry with its id, which for an entry of the deal's
 * own event is that event's id, the kind and the override level, joined by ':'.
 */
function dealWithIds(deal: Json): Json {
  const entries = (deal.entries as Json[]).map(({ id, ...entry }) => ({
    id: id ?? [deal.eventId, entry.kind, ...(entry.level === undefined ? [] : [entry.level])].join(':'),
    ...entry,
  }));
  return { ...deal, entries };
}

function dealAsText(written: Json): Json {
  const deal = dealWithIds(written);
  const entries = (deal.entries as Json[]).map((entry) => ({
    ...entry,
    amount: text(entry.amount),
    net: text(entry.net),
  }));
  return {
    ...deal,
    closedAt: iso(deal.closedAt),
    amount: text(deal.amount),
    refunded: text(deal.refunded),
    entries,
  };
}

/**
 * A tree of the current format as formats 3 and 4 wrote it, every record mapped: format 5 keeps
 * each id after its tag (`[tag, id, record, …]`), those formats ids and records in pairs.
 */
function asPairTree(tree: unknown, map: (record: Json) => Json = (record) => record): unknown {
  return (tree as unknown[]).map(
    (middle) =>
      (middle as unknown[] | null)?.map(
        (inner) =>
          (inner as unknown[] | null)?.map((leaf) =>
            leaf === null
              ? null
              : [...entriesOfLeaf(leaf as unknown[])].flatMap(([id, record]) => [id, map(record as Json)]),
          ) ?? null,
      ) ?? null,
  );
}

/** The ids and records of a leaf of formats 3 and 4 (pairs). */
function pairsOf(leaf: unknown[]): Array<[string, Json]> {
  const pairs: Array<[string, Json]> = [];
  for (let index = 0; index + 1 < leaf.length; index += 2)
    pairs.push([leaf[index] as string, leaf[index + 1] as Json]);
  return pairs;
}

/** The same state as format 3 wrote it: format 4's trees, money and instants as text, no volume. */
function asFormatThree(current: EngineState): EngineState {
  const { volume: _, ...copy } = JSON.parse(JSON.stringify(current)) as Json;
  const schedule = copy.schedule as Json | null;
  const holds = copy.holds as { head: number; chunks: Json[][] };
  return {
    ...copy,
    format: 'partner-engine/state@3',
    clock: isoOrNull(copy.clock),
    schedule: schedule && {
      nextPeriodEnd: iso(schedule.nextPeriodEnd),
      nextPayoutRun: iso(schedule.nextPayoutRun),
    },
    holds: {
      ...holds,
      chunks: holds.chunks.map((chunk) => chunk.map((hold) => ({ ...hold, releaseAt: iso(hold.releaseAt) }))),
    },
    seen: asPairTree(copy.seen),
    partners: asPairTree(copy.partners, partnerAsText),
    deals: asPairTree(copy.deals, dealAsText),
  } as unknown as EngineState;
}

/** The same state as format 4 wrote it: format 5 with every deal entry's id written out. */
function asFormatFour(current: EngineState): EngineState {
  const copy = JSON.parse(JSON.stringify(current)) as Json;
  return {
    ...copy,
    format: 'partner-engine/state@4',
    seen: asPairTree(copy.seen),
    partners: asPairTree(copy.partners),
    deals: asPairTree(copy.deals, dealWithIds),
  } as unknown as EngineState;
}

/** The same state as format 1 wrote it: one partner table, flat buckets of seen ids and deals, one hold array. */
function asFormatOne(current: EngineState): unknown {
  const three = asFormatThree(current);
  const copy = three as unknown as Record<string, unknown>;
  const partners: Record<string, unknown> = {};
  for (const partner of allPartners(current))
    partners[partner.id] = partnerAsText(partner as unknown as Json);
  const seen: Record<string, string> = {};
  for (const leaf of leavesOf(current.seen)) Object.assign(seen, Object.fromEntries(entriesOfLeaf(leaf)));
  const deals: Record<string, unknown> = {};
  for (const deal of allDeals(current)) deals[deal.id] = dealAsText(deal as unknown as Json);
  const items: HoldItem[] = [...pendingHolds(three)];
  return {
    ...copy,
    format: 'partner-engine/state@1',
    seen: { 842: seen },
    partners,
    deals: { 17: deals },
    holds: { head: 0, items },
  };
}

/**
 * The same state as format 2 wrote it: the levels of each bucket tree as tables keyed "0".."31",
 * and each leaf a table of id → record.
 */
function asFormatTwo(current: EngineState): unknown {
  const copy = asFormatThree(current) as unknown as Record<string, unknown>;
  const asTables = (node: unknown, depth: number): unknown => {
    if (depth === 3) return Object.fromEntries(pairsOf(node as unknown[]));
    const tableOf: Record<string, unknown> = {};
    (node as unknown[]).forEach((child, slot) => {
      if (child !== null) tableOf[String(slot)] = asTables(child, depth + 1);
    });
    return tableOf;
  };
  return {
    ...copy,
    format: 'partner-engine/state@2',
    seen: asTables(copy.seen, 0),
    partners: asTables(copy.partners, 0),
    deals: asTables(copy.deals, 0),
  };
}

/** The records of the leaf holding a partner, by id (the records themselves, to corrupt in place). */
function leafOfPartner(current: EngineState, id: string): Record<string, unknown> {
  const [a, b, c] = bucketPath(id);
  return Object.fromEntries(entriesOfLeaf<unknown>(current.partners[a]?.[b]?.[c] ?? []));
}

/** Moves an id, its tag and record into the next leaf of the same level (off its path); that leaf's slot. */
function moveAside(tree: Buckets<unknown>, id: string): number {
  const [a, b, c] = bucketPath(id);
  const inner = tree[a]?.[b] as Array<unknown[] | null>;
  const leaf = inner[c] ?? [];
  const at = leaf.findIndex((item, index) => index % 3 === 1 && item === id);
  const pair = leaf.splice(at - 1, 3);
  const other = c === 0 ? 1 : 0;
  inner[other] = [...(inner[other] ?? []), ...pair];
  return other;
}

type Holds = EngineState['holds'];

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('state format 5', () => {
  it('is written by the engine', () => {
    expect(state.format).toBe(STATE_FORMAT);
    expect(STATE_FORMAT).toBe('partner-engine/state@5');
  });

  it("keeps no id of a deal's entry that the deal derives from its event, kind and level", () => {
    const deal = [...allDeals(state)].find((candidate) => candidate.id === 'p-d1');
    // p's first deal pays p's commission (Starter's 20 %), booked by the deal's own event.
    expect(deal?.entries.map((entry) => [entry.kind, entry.partnerId, entry.id])).toEqual([
      ['commission', 'p', undefined],
    ]);
    const refund = events.refund('p-d1', '500.00', '2025-01-04', 'r1');
    const { ledger } = engine.replay([refund], { state });
    // The clawbacks still name the entries they reverse by their ledger ids.
    expect(ledger.map((entry) => [entry.id, entry.reverses])).toEqual([
      ['r1:clawback:e-p-d1:commission', 'e-p-d1:commission'],
    ]);
  });

  it('keeps money as whole minor units, and the money taken in as its volume', () => {
    // p's three deals of 500.00 at Starter's 20 %: 3 × 100.00 earned, 10,000 cents each;
    // s earns the 5 % referral bonus on p's first deal: 0.05 × 500.00 = 25.00.
    const p = leafOfPartner(state, 'p').p as { balance: { earned: unknown }; revenue: unknown };
    expect(p.balance.earned).toBe(30_000);
    expect(p.revenue).toBe(150_000);
    // 3 × 500.00 = 1,500.00 taken in: 150,000 cents.
    expect(state.volume).toBe(150_000);
  });

  it('keeps each partner in the bucket of its id, three levels of 32 slots down', () => {
    expect(Object.keys(leafOfPartner(state, 'p'))).toContain('p');
    expect(bucketPath('p').every((slot) => Number.isInteger(slot) && slot >= 0 && slot < 32)).toBe(true);
    expect(bucketPath('p')).toEqual(bucketPath('p'));
    // Every level is an array of exactly 32 slots, empty ones null.
    expect(state.partners).toHaveLength(32);
    const [a, b] = bucketPath('p');
    expect(state.partners[a]).toHaveLength(32);
    expect(state.partners[a]?.[b]).toHaveLength(32);
    expect(state.partners.filter((slot) => slot !== null).length).toBeLessThanOrEqual(2);
  });

  it('reads back a state that went through JSON and goes on exactly as the original', () => {
    const next = events.deal('p', 'more', '100.00', '2025-01-10');
    const fromOriginal = engine.apply(state, next);
    const fromSaved = engine.apply(saved(), next);
    expect(fromSaved).toEqual(fromOriginal);
  });
});

describe('a state of an older format', () => {
  const more = [events.deal('p', 'later', '200.00', '2025-02-20')];
  const options = { asOf: '2025-03-20T00:00:00Z' };
  const fromFour = engine.replay(more, { ...options, state });

  it('of format 4 is migrated: the entry ids a deal derives are left out, the input left as it was', () => {
    const four = asFormatFour(state);
    const before = JSON.stringify(four);
    const fromOld = engine.replay(more, { ...options, state: four });
    expect(fromOld.state.format).toBe(STATE_FORMAT);
    expect(fromOld).toEqual(fromFour);
    expect(JSON.stringify(fromOld.state)).toBe(JSON.stringify(fromFour.state));
    expect(JSON.stringify(four)).toBe(before);
  });

  it('of format 4 with an adjustment, whose entry keeps its id, is migrated byte for byte', () => {
    // Active's rate retroactive within the month: p1's third deal (Active, 22 %) tops up d1 by
    // 0.22 - 0.20 = 2 % of 1,000.00 = 20.00, an adjustment booked by e-d3 that d1 keeps the id of.
    const tiers = JSON.parse(JSON.stringify(sisoProgram.tiers)) as ProgramInput['tiers'];
    if (tiers[1]) tiers[1].retroactive = { period: 'month' };
    const retroactive = createEngine(sisoWith({ tiers }));
    const { state: topped } = retroactive.replay([
      ...joinedPartner('p1', '2025-02-20'),
      events.deal('p1', 'd1', '1000.00', '2025-03-03'),
      events.deal('p1', 'd2', '500.00', '2025-03-05'),
      events.deal('p1', 'd3', '800.00', '2025-03-10'),
    ]);
    const d1 = [...allDeals(topped)].find((deal) => deal.id === 'd1');
    expect(d1?.entries.map((entry) => [entry.kind, entry.id, entry.amount])).toEqual([
      ['commission', undefined, 20_000],
      ['adjustment', 'e-d3:adjustment:d1', 2_000],
    ]);
    const at = { asOf: '2025-03-10T00:00:00Z' };
    const fromOld = retroactive.replay([], { ...at, state: asFormatFour(topped) });
    expect(JSON.stringify(fromOld.state)).toBe(
      JSON.stringify(retroactive.replay([], { ...at, state: topped }).state),
    );
  });

  it('of format 3 is migrated: money into minor units, the volume from its deals and payouts', () => {
    const three = asFormatThree(state);
    const fromThree = engine.replay(more, { ...options, state: three });
    expect(fromThree.state.format).toBe(STATE_FORMAT);
    expect(fromThree).toEqual(fromFour);
  });

  it('of format 3 with an amount the currency cannot hold, or too much money, is refused', () => {
    const three = asFormatThree(state) as unknown as { partners: unknown };
    const [a, b, c] = bucketPath('p');
    const leaf = (three.partners as Json[][][][])[a]?.[b]?.[c] as unknown[];
    // Format 3's leaves hold ids and records in pairs.
    const index = leaf.indexOf('p') + 1;
    (leaf[index] as { revenue: string }).revenue = '1500.005';
    const places = refusal(() => engine.replay([], { state: three as EngineState }));
    expect([places.code, places.path]).toEqual(['INVALID_STATE', 'partners.p.revenue']);
    const huge = asFormatThree(state) as unknown as { deals: unknown };
    for (const leafOfDeals of leavesOf(huge.deals as Buckets<Json>))
      for (const [, deal] of pairsOf(leafOfDeals as unknown[])) deal.amount = '1407374883553.28';
    // Three deals of 2^47 cents each: more than the 2^47 one state takes in.
    expect(refusal(() => engine.replay([], { state: huge as EngineState })).message).toMatch(
      /more money than one state keeps exactly/,
    );
  });

  it('of format 1 is migrated: replaying on from it gives what replaying on from format 4 gives', () => {
    const fromOne = engine.replay(more, { ...options, state: asFormatOne(state) as EngineState });
    expect(fromOne.state.format).toBe(STATE_FORMAT);
    expect(fromOne).toEqual(fromFour);
  });

  it('of format 2 is migrated: the same records under the same paths, in arrays of slots', () => {
    const two = asFormatTwo(state) as EngineState;
    const [a, b, c] = bucketPath('p');
    // Format 2 reached the same leaf through keys: partners["a"]["b"]["c"].
    const leaf = (two.partners as unknown as Record<string, Record<string, Record<string, unknown>>>)[
      String(a)
    ];
    expect(Object.keys((leaf?.[String(b)]?.[String(c)] ?? {}) as object)).toContain('p');
    const fromTwo = engine.replay(more, { ...options, state: two });
    expect(fromTwo.state.format).toBe(STATE_FORMAT);
    expect(fromTwo).toEqual(fromFour);
  });

  it('of format 2 with a record off its path, or a key that is no bucket, is refused, not moved', () => {
    const [a, b, c] = bucketPath('p');
    const offPath = asFormatTwo(state) as {
      partners: Record<string, Record<string, Record<string, object>>>;
    };
    const inner = offPath.partners[String(a)]?.[String(b)] as Record<string, Record<string, unknown>>;
    const other = String(c === 0 ? 1 : 0);
    inner[other] = { ...(inner[other] ?? {}), p: (inner[String(c)] as Record<string, unknown>).p };
    delete (inner[String(c)] as Record<string, unknown>).p;
    const misplaced = refusal(() => engine.apply(offPath as never, given[0]));
    expect(misplaced.code).toBe('INVALID_STATE');
    expect(misplaced.path).toBe(`partners["${a}"]["${b}"]["${other}"].p`);
    const badKey = asFormatTwo(state) as { deals: Record<string, unknown> };
    badKey.deals.banana = {};
    expect(refusal(() => engine.apply(badKey as never, given[0])).path).toBe('deals.banana');
  });

  it('of format 2 but corrupt is refused with INVALID_STATE and the path', () => {
    const two = asFormatTwo(state) as { clock: unknown };
    two.clock = 12;
    const error = refusal(() => engine.apply(two as never, given[0]));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.path).toBe('clock');
  });
});

describe('a state that cannot be used', () => {
  it('of an unknown format is refused with INVALID_STATE at format', () => {
    const error = refusal(() =>
      engine.apply({ ...saved(), format: 'partner-engine/state@9' } as never, given[0]),
    );
    expect(error.code).toBe('INVALID_STATE');
    expect(error.path).toBe('format');
    expect(error.message).toContain('partner-engine/state@9');
  });

  it('made under another programme is refused with STATE_PROGRAM_MISMATCH', () => {
    const other = createEngine(sisoWith({ id: 'another-programme' }));
    const error = refusal(() => other.advance(state, '2025-02-01T00:00:00Z'));
    expect(error.code).toBe('STATE_PROGRAM_MISMATCH');
    expect(error.message).toContain('another-programme');
  });

  it('with a corrupt field is refused with INVALID_STATE and the path of the field', () => {
    const corrupt = saved();
    (leafOfPartner(corrupt, 'p').p as { balance: { earned: unknown } }).balance.earned = 12.5;
    const error = refusal(() => engine.apply(corrupt, events.used('p', 'dashboard', '2025-01-20', 'use')));
    expect(error.code).toBe('INVALID_STATE');
    const [a, b, c] = bucketPath('p');
    expect(error.path).toBe(`partners[${a}][${b}][${c}].p.balance.earned`);
  });

  it('whose getter throws is refused with INVALID_STATE, not the getter’s error', () => {
    const hostile = saved();
    Object.defineProperty(hostile, 'clock', {
      enumerable: true,
      get() {
        throw new TypeError('boom');
      },
    });
    expect(refusal(() => engine.replay([], { state: hostile })).code).toBe('INVALID_STATE');
  });

  it.each([
    [
      'a tier index the programme does not have',
      (p: Record<string, unknown>) => Object.assign(p, { tier: 9 }),
      'tier',
    ],
    ['an id that is not its key', (p: Record<string, unknown>) => Object.assign(p, { id: 'other' }), 'id'],
    [
      'a sponsor that is not a partner',
      (p: Record<string, unknown>) => Object.assign(p, { sponsorId: 'ghost' }),
      'sponsorId',
    ],
    [
      'a waitlist place for no tier',
      (p: Record<string, unknown>) => Object.assign(p, { waitingFor: 7 }),
      'waitingFor',
    ],
  ])('with %s is refused with INVALID_STATE at that field', (_, corrupt, field) => {
    const state = saved();
    corrupt(leafOfPartner(state, 'p').p as Record<string, unknown>);
    const error = refusal(() => engine.apply(state, events.used('p', 'dashboard', '2025-01-20', 'use')));
    expect(error.code).toBe('INVALID_STATE');
    const [a, b, c] = bucketPath('p');
    expect(error.path).toBe(`partners[${a}][${b}][${c}].p.${field}`);
  });

  it('with a partner in the wrong bucket, or an impossible clock, is refused with INVALID_STATE', () => {
    const misplaced = saved();
    moveAside(misplaced.partners, 'p');
    expect(refusal(() => engine.advance(misplaced, '2025-02-01T00:00:00Z')).message).toContain(
      'wrong bucket',
    );
    const clock = { ...saved(), clock: 1.5 } as EngineState;
    expect(refusal(() => engine.advance(clock, '2025-02-01T00:00:00Z')).path).toBe('clock');
  });

  it('with a leaf that is not tags, ids and records, a wrong tag, or an id twice, is refused', () => {
    const [a, b, c] = bucketPath('p');
    const leafOf = (state: EngineState) => state.partners[a]?.[b]?.[c] as unknown[];
    const odd = saved();
    leafOf(odd).push('q');
    expect(refusal(() => engine.advance(odd, '2025-02-01T00:00:00Z')).path).toBe(
      `partners[${a}][${b}][${c}]`,
    );
    const numbered = saved();
    const at = leafOf(numbered).indexOf('p');
    leafOf(numbered)[at] = 7;
    expect(refusal(() => engine.advance(numbered, '2025-02-01T00:00:00Z')).path).toBe(
      `partners[${a}][${b}][${c}][${at}]`,
    );
    // The tag before an id is the part of its hash the path does not use: another is refused.
    const mistagged = saved();
    const tagAt = leafOf(mistagged).indexOf('p') - 1;
    leafOf(mistagged)[tagAt] = (leafOf(mistagged)[tagAt] as number) ^ 1;
    const wrongTag = refusal(() => engine.advance(mistagged, '2025-02-01T00:00:00Z'));
    expect([wrongTag.path, wrongTag.message]).toEqual([
      `partners[${a}][${b}][${c}][${tagAt}]`,
      expect.stringContaining('the tag of "p"'),
    ]);
    const twice = saved();
    const pAt = leafOf(twice).indexOf('p');
    leafOf(twice).push(...leafOf(twice).slice(pAt - 1, pAt + 2));
    expect(refusal(() => engine.advance(twice, '2025-02-01T00:00:00Z')).message).toContain('stands twice');
  });

  it('whose holder counts do not add up is refused with INVALID_STATE at holders', () => {
    const state = { ...saved(), holders: [5, 0, 0, 0] };
    expect(refusal(() => engine.advance(state, '2025-02-01T00:00:00Z')).path).toBe('holders[0]');
  });

  it('with a seen event id in the wrong bucket is refused (it would no longer be known as a duplicate)', () => {
    const misplaced = saved();
    const [a, b] = bucketPath('j-s');
    const other = moveAside(misplaced.seen, 'j-s');
    const error = refusal(() => engine.apply(misplaced, given[0]));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.path).toBe(`seen[${a}][${b}][${other}]["j-s"]`);
  });

  it('with a sponsor chain that comes back on itself is refused (an upline walk would never end)', () => {
    const looped = saved();
    // p's sponsor is s; s sponsored by p closes the loop.
    (leafOfPartner(looped, 's').s as { sponsorId: string | null }).sponsorId = 'p';
    const error = refusal(() => engine.advance(looped, '2025-02-01T00:00:00Z'));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.path).toMatch(/\.(s|p)\.sponsorId$/);
    expect(error.message).toContain('comes back');
  });

  it.each([
    ['an empty chunk', (holds: Holds) => holds.chunks.push([]), 'holds.chunks[1]'],
    ['a head past its first chunk', (holds: Holds) => Object.assign(holds, { head: 3 }), 'holds.head'],
    [
      'holds out of release order',
      (holds: Holds) => {
        const [first, second] = holds.chunks[0] ?? [];
        if (first && second) [first.releaseAt, second.releaseAt] = [second.releaseAt, first.releaseAt];
      },
      'holds.chunks[0][1].releaseAt',
    ],
    [
      'a hold of no deal',
      (holds: Holds) => Object.assign(holds.chunks[0]?.[0] ?? {}, { dealId: 'ghost' }),
      'holds.chunks[0][0].dealId',
    ],
  ])('whose hold queue has %s is refused with INVALID_STATE at it', (_, corrupt, path) => {
    const state = saved();
    // p's three deals of 3 to 5 January are held: one chunk of three, released 2 to 4 February.
    expect(state.holds.chunks.map((chunk) => chunk.length)).toEqual([3]);
    corrupt(state.holds);
    const error = refusal(() => engine.advance(state, '2025-01-20T00:00:00Z'));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.path).toBe(path);
  });

  it('that is not an object at all is refused with INVALID_STATE', () => {
    expect(refusal(() => engine.apply(null as never, given[0])).code).toBe('INVALID_STATE');
    expect(refusal(() => engine.batch('state' as never)).code).toBe('INVALID_STATE');
  });
});

describe('one apply', () => {
  it('copies only the buckets on the way to the partner it writes and leaves its input as it was', () => {
    const before = JSON.stringify(state);
    const result = engine.apply(state, events.used('p', 'dashboard', '2025-01-20', 'use'));
    if (!result.ok) throw new Error(result.error.message);
    expect(JSON.stringify(state)).toBe(before);
    const [written] = bucketPath('p');
    for (const [slot, bucket] of result.state.partners.entries()) {
      if (slot === written) expect(bucket).not.toBe(state.partners[slot]);
      else expect(bucket).toBe(state.partners[slot]);
    }
    // The other partner (s) sits in its own leaf, shared with the input unless it shares p's path.
    const [a, b, c] = bucketPath('s');
    if (bucketPath('s').join() !== bucketPath('p').join())
      expect(result.state.partners[a]?.[b]?.[c]).toBe(state.partners[a]?.[b]?.[c]);
  });
});
