// The shape of a saved state, checked when a state this engine did not just produce comes in
// (read back from a database, a file, a host's own code): a corrupt state is refused with a
// path and a message instead of failing somewhere inside the fold. States of formats 1 to 4 are
// migrated.
import { z } from 'zod';
import { formatPath, type JsonPath } from '../issues.js';
import { dealEntryId } from '../ledger/ids.js';
import { addMinor, MAX_VOLUME_MINOR, type MinorUnits, minorUnitsOf, NO_MINOR_UNITS } from '../money/minor.js';
import { EngineError } from './errors.js';
import {
  type BucketNode,
  type Buckets,
  bucketPath,
  type DealEntry,
  type DealState,
  type EngineState,
  type EpochMs,
  emptyNode,
  entriesOfLeaf,
  FAN_OUT,
  HOLD_CHUNK,
  type HoldItem,
  LEAF_STRIDE,
  type Leaf,
  lookupIn,
  type PartnerState,
  STATE_FORMAT,
  type Table,
  tagOf,
  writeIn,
} from './state.js';

/** Formats 1 to 3 wrote money as decimal text. */
const amountText = z.string().regex(/^-?\d+(?:\.\d+)?$/, 'a decimal amount such as "12.50"');
/**
 * Format 4 keeps money as whole minor units. No total of a state can be more than 12 times its
 * volume (see MAX_VOLUME_MINOR), so 16 times the volume's bound is as far as any may go.
 */
const MAX_TOTAL_MINOR = 16 * MAX_VOLUME_MINOR;
const minorUnits = z
  .number()
  .int('whole minor units (an integer)')
  .min(-MAX_TOTAL_MINOR)
  .max(MAX_TOTAL_MINOR);
const instant = z
  .string()
  .regex(/^\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'a UTC instant such as "2025-01-10T00:00:00.000Z"')
  .refine((text) => {
    const parsed = Date.parse(text);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString() === text;
  }, 'a real UTC instant (no 13th month, no 30 February)');
/** Format 4 keeps instants as epoch milliseconds: any instant a Date can hold. */
const epochMs = z.number().int('whole milliseconds').min(-8.64e15).max(8.64e15);
const count = z.number().int().nonnegative();
const id = z.string().min(1);
const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
const periodDeals = z.object({ key: z.string(), dealIds: z.array(id) });

/**
 * A partner, with money and instants of the given shapes (minor units and epoch milliseconds, or
 * the older formats' text).
 */
const partnerShape = <M extends z.ZodType, I extends z.ZodType>(amount: M, instant: I) => {
  const periodCounter = z.object({ key: z.string(), deals: z.number().int(), revenue: amount });
  return z.object({
    id,
    sponsorId: id.nullable(),
    joinedAt: instant,
    joinEventId: id,
    tier: count,
    tierSince: instant,
    failedReviews: count,
    waitingFor: count.nullable(),
    demotedFrom: count.nullable(),
    countedDeals: count,
    dealsClosed: count,
    revenue: amount,
    firstDealAt: instant.nullable(),
    trainings: z.array(z.string()),
    featuresUsed: record(instant),
    badges: z.array(
      z.object({
        badge: id,
        at: instant,
        eventId: id.nullable(),
        level: z.string().optional(),
        period: z.string().optional(),
      }),
    ),
    milestones: z.array(z.string()),
    month: periodCounter,
    quarter: periodCounter,
    year: periodCounter,
    history: record(
      z.object({
        deals: z.number().int(),
        revenue: amount,
        commission: amount,
        late: record(z.object({ deals: z.number().int(), revenue: amount })).optional(),
      }),
    ),
    monthEndTiers: z.array(z.tuple([z.string(), z.string()])),
    balance: z.object({ earned: amount, pending: amount, payable: amount, paid: amount, clawedBack: amount }),
    payouts: z.array(z.object({ eventId: id, at: instant, amount })),
    terms: z.array(
      z.object({
        eventId: id,
        baseRate: z.string().nullable(),
        overrideRate: z.string().nullable(),
        from: instant,
        until: instant.nullable(),
      }),
    ),
    team: z.object({
      direct: count,
      selling: count,
      size: count,
      revenue: amount,
      month: periodCounter,
      quarter: periodCounter,
      directAtOrAbove: z.array(count),
      directIds: z.array(id),
      sizeByLevel: z.array(count),
      revenueByLevel: z.array(amount),
    }),
    recentDeals: z.object({ month: periodDeals, quarter: periodDeals, year: periodDeals }),
    referralDecided: z.boolean(),
    overrideTotal: z.object({ key: z.string(), amount }),
  });
};

/** A deal, with money and instants of the given shapes. */
const dealShape = <M extends z.ZodType, I extends z.ZodType>(amount: M, instant: I) =>
  z.object({
    id,
    partnerId: id,
    eventId: id,
    closedAt: instant,
    amount,
    refunded: amount,
    released: z.boolean(),
    entries: z.array(
      z.object({
        id: id.optional(),
        partnerId: id,
        kind: z.enum(['commission', 'referral-bonus', 'override', 'adjustment']),
        rate: z.string(),
        amount,
        net: amount,
        basisOf: z.literal('commission').optional(),
        source: z.string().optional(),
        level: z.number().int().optional(),
        capped: z.boolean().optional(),
        capCounted: amount.optional(),
      }),
    ),
  });

const partnerSchema = partnerShape(minorUnits, epochMs);
const dealSchema = dealShape(minorUnits, epochMs);
const textPartnerSchema = partnerShape(amountText, instant);
const textDealSchema = dealShape(amountText, instant);

const holdShape = <I extends z.ZodType>(time: I) => z.object({ releaseAt: time, dealId: id });
const scheduleShape = <I extends z.ZodType>(time: I) =>
  z.object({ nextPeriodEnd: time, nextPayoutRun: time }).nullable();

/** One level of a bucket tree: exactly `FAN_OUT` slots, each empty or the next level. */
const node = <T extends z.ZodType>(value: T) => z.array(value.nullable()).length(FAN_OUT);

/**
 * A leaf of a bucket tree: each id after its tag and before its record (`[tag, id, record, …]`),
 * or, in formats 3 and 4, ids and records in pairs (`stride` 2). An issue inside a record is
 * reported under the record's index in the leaf (`refuseIssues` names it by its id).
 */
const leaf = <T extends z.ZodType>(value: T, stride: LeafStride) =>
  z.array(z.unknown()).superRefine((items, context) => {
    if (items.length % stride !== 0) {
      const what = stride === LEAF_STRIDE ? 'its tag, an id and its record' : 'an id and its record';
      context.addIssue({ code: 'custom', message: `a leaf holds ${what}, one after the other`, path: [] });
    }
    for (let index = stride - 2; index + 1 < items.length; index += stride) {
      const id = items[index];
      if (typeof id !== 'string' || id === '')
        context.addIssue({ code: 'custom', message: 'an id (a non-empty string)', path: [index] });
      else if (stride === LEAF_STRIDE && items[index - 1] !== tagOf(id))
        context.addIssue({ code: 'custom', message: `the tag of "${id}" (${tagOf(id)})`, path: [index - 1] });
      const parsed = value.safeParse(items[index + 1]);
      for (const issue of parsed.success ? [] : parsed.error.issues)
        context.addIssue({ code: 'custom', message: issue.message, path: [index + 1, ...issue.path] });
    }
  });

/** How many items each id takes in a leaf: 3 (tag, id, record), or 2 in formats 3 and 4. */
type LeafStride = typeof LEAF_STRIDE | 2;

/** A tree of buckets (three levels of slots, then a leaf of tags, ids and records). */
const buckets = <T extends z.ZodType>(value: T) => node(node(node(leaf(value, LEAF_STRIDE))));
/** A tree of buckets as formats 3 and 4 wrote it: leaves of ids and records in pairs. */
const pairBuckets = <T extends z.ZodType>(value: T) => node(node(node(leaf(value, 2))));

/** Format 2's tree: three levels of tables keyed "0".."31", then id → record. */
const tableBuckets = <T extends z.ZodType>(value: T) => record(record(record(record(value))));

const commonFields = {
  programId: z.string(),
  holders: z.array(z.number().int()),
  waitlists: z.array(z.array(id)),
};
/** What formats 1 to 3 kept as ISO text. */
const textFields = {
  ...commonFields,
  clock: instant.nullable(),
  schedule: scheduleShape(instant),
};
const holdsSchema = z.object({ head: count, chunks: z.array(z.array(holdShape(instant))) });

const stateSchema = z.object({
  ...commonFields,
  clock: epochMs.nullable(),
  schedule: scheduleShape(epochMs),
  format: z.literal(STATE_FORMAT),
  seen: buckets(z.string()),
  partners: buckets(partnerSchema),
  deals: buckets(dealSchema),
  holds: z.object({ head: count, chunks: z.array(z.array(holdShape(epochMs))) }),
  volume: z.number().int().min(0).max(MAX_VOLUME_MINOR),
});

/** Format 4: format 5 with leaves of ids and records in pairs, and every deal entry's id written out. */
const formatFourSchema = stateSchema.extend({
  format: z.literal('partner-engine/state@4'),
  seen: pairBuckets(z.string()),
  partners: pairBuckets(partnerSchema),
  deals: pairBuckets(dealSchema),
});

const formatThreeSchema = z.object({
  ...textFields,
  format: z.literal('partner-engine/state@3'),
  seen: pairBuckets(z.string()),
  partners: pairBuckets(textPartnerSchema),
  deals: pairBuckets(textDealSchema),
  holds: holdsSchema,
});

const formatTwoSchema = z.object({
  ...textFields,
  format: z.literal('partner-engine/state@2'),
  seen: tableBuckets(z.string()),
  partners: tableBuckets(textPartnerSchema),
  deals: tableBuckets(textDealSchema),
  holds: holdsSchema,
});

const formatOneSchema = z.object({
  ...textFields,
  format: z.literal('partner-engine/state@1'),
  seen: record(record(z.string())),
  partners: record(textPartnerSchema),
  deals: record(record(textDealSchema)),
  holds: z.object({ head: count, items: z.array(holdShape(instant)) }),
});

type TextPartner = z.infer<typeof textPartnerSchema>;
type TextDeal = z.infer<typeof textDealSchema>;

/** States this library produced (or checked) in this process: trusted without another look. */
const checked = new WeakSet<object>();

/** Marks a state the engine produced, so that passing it back costs no check. */
export function trustState(state: EngineState): EngineState {
  checked.add(state);
  return state;
}

/** What reading a state needs of the programme: its id, how many tiers, its currency's places. */
export interface StateProgram {
  readonly id: string;
  readonly tierCount: number;
  readonly decimals: number;
}

/**
 * The state to work on: the same object when it is this library's, else checked (and migrated
 * from formats 1 to 4). Throws EngineError INVALID_STATE for a corrupt state or an unknown format, and
 * STATE_PROGRAM_MISMATCH for a state made under another programme.
 */
export function readState(input: unknown, program: StateProgram): EngineState {
  const { id: programId, tierCount } = program;
  if (typeof input === 'object' && input !== null && checked.has(input)) {
    return mustMatch(input as EngineState, programId, tierCount);
  }
  let state: EngineState;
  try {
    state = parseState(input, program.decimals);
  } catch (error) {
    if (error instanceof EngineError) throw error;
    // A getter that throws, a cycle, a Proxy: the state cannot be read.
    throw new EngineError('INVALID_STATE', `the state cannot be read: ${(error as Error).message}`);
  }
  mustMatch(state, programId, tierCount);
  checkConsistency(state, tierCount);
  return trustState(state);
}

function parseState(input: unknown, decimals: number): EngineState {
  const format =
    typeof input === 'object' && input !== null ? (input as { format?: unknown }).format : undefined;
  if (format === 'partner-engine/state@1') return inFormatFour(migrateFormatOne(input), decimals);
  if (format === 'partner-engine/state@2') return inFormatFour(migrateFormatTwo(input), decimals);
  if (format === 'partner-engine/state@3') return inFormatFour(readFormatThree(input), decimals);
  if (format === 'partner-engine/state@4') return fromFormatFour(input);
  if (format !== STATE_FORMAT) {
    const got = typeof format === 'string' ? `"${format}"` : 'no format';
    throw new EngineError(
      'INVALID_STATE',
      `not a state this engine can read: format must be "${STATE_FORMAT}" (or "partner-engine/state@1" to "@4", migrated); got ${got}`,
      'format',
    );
  }
  refuseIssues(stateSchema.safeParse(input), input);
  return input as EngineState;
}

function refuseIssues(
  result: { success: boolean; error?: z.ZodError },
  input?: unknown,
  stride: LeafStride = LEAF_STRIDE,
): void {
  const issue = result.error?.issues[0];
  if (result.success || !issue) return;
  const segments = namedByIds(
    issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    input,
    stride,
  );
  const path = segments.length === 0 ? '' : formatPath(segments);
  throw new EngineError('INVALID_STATE', `corrupt state at ${path || 'its root'}: ${issue.message}`, path);
}

const TREES = new Set(['seen', 'partners', 'deals']);

/**
 * A path into a record of a leaf, `partners[3][24][19][1].balance`, written with the record's id
 * instead of its index in the leaf: `partners[3][24][19].p1.balance`.
 */
function namedByIds(path: JsonPath, input: unknown, stride: LeafStride): JsonPath {
  const [tree, a, b, c, index, ...rest] = path;
  // A record stands last of the items of its id.
  if (
    typeof tree !== 'string' ||
    !TREES.has(tree) ||
    typeof index !== 'number' ||
    index % stride !== stride - 1
  )
    return path;
  const leaf = (input as Record<string, unknown[][][][]> | undefined)?.[tree]?.[a as number]?.[b as number]?.[
    c as number
  ];
  const id = leaf?.[index - 1];
  return typeof id === 'string' ? [tree, a as number, b as number, c as number, id, ...rest] : path;
}

function mustMatch(state: EngineState, programId: string, tierCount: number): EngineState {
  if (state.programId !== programId) {
    throw new EngineError(
      'STATE_PROGRAM_MISMATCH',
      `the state was made under programme "${state.programId}"; this engine runs "${programId}"`,
      'programId',
    );
  }
  if (state.holders.length !== tierCount || state.waitlists.length !== tierCount) {
    throw new EngineError(
      'INVALID_STATE',
      `corrupt state: it counts holders for ${state.holders.length} tiers; programme "${programId}" has ${tierCount}`,
      'holders',
    );
  }
  return state;
}

function inconsistent(path: JsonPath, message: string): never {
  const text = formatPath(path);
  throw new EngineError('INVALID_STATE', `corrupt state at ${text}: ${message}`, text);
}

/** Refuses a key found in buckets `at` that its bucket path does not lead to. */
function mustSitAt(key: string, at: readonly [number, number, number], path: JsonPath): void {
  const [x, y, z] = bucketPath(key);
  if (x !== at[0] || y !== at[1] || z !== at[2])
    inconsistent(path, `"${key}" is in the wrong bucket (its path is ${x}/${y}/${z})`);
}

/** The ids and records of a leaf of formats 3 and 4: ids and records in pairs. */
function* pairsOfLeaf<T>(leaf: readonly unknown[]): Generator<[string, T]> {
  for (let index = 0; index + 1 < leaf.length; index += 2)
    yield [leaf[index] as string, leaf[index + 1] as T];
}

/**
 * Every entry of a bucket tree with its path, checked to sit where its key's path says; `stride`
 * 2 reads the leaves of formats 3 and 4.
 */
function* entriesOf<T>(
  name: string,
  buckets: Buckets<T>,
  stride: LeafStride = LEAF_STRIDE,
): Generator<[string, T, JsonPath]> {
  const entriesIn = stride === LEAF_STRIDE ? entriesOfLeaf<T> : pairsOfLeaf<T>;
  for (const [a, middle] of buckets.entries()) {
    if (middle === null) continue;
    for (const [b, inner] of middle.entries()) {
      if (inner === null) continue;
      for (const [c, leaf] of inner.entries()) {
        if (leaf === null) continue;
        const keys = new Set<string>();
        for (const [key, value] of entriesIn(leaf)) {
          const path = [name, a, b, c, key];
          mustSitAt(key, [a, b, c], path);
          if (keys.has(key)) inconsistent(path, `"${key}" stands twice in its bucket`);
          keys.add(key);
          yield [key, value, path];
        }
      }
    }
  }
}

/** Every record of a bucket tree with its path, under its own id and in its own bucket. */
function* recordsOf<T extends { readonly id: string }>(
  name: string,
  buckets: Buckets<T>,
  stride: LeafStride = LEAF_STRIDE,
): Generator<[T, JsonPath]> {
  for (const [key, record, path] of entriesOf(name, buckets, stride)) {
    if (record.id !== key)
      inconsistent([...path, 'id'], `the record's id "${record.id}" is not its key "${key}"`);
    yield [record, path];
  }
}

/** Refuses a sponsor chain that comes back to a partner on it (walked once per partner). */
function checkSponsorChains(state: EngineState): void {
  const acyclic = new Set<string>();
  for (const [partner, path] of recordsOf('partners', state.partners)) {
    const chain = new Set<string>();
    let current: PartnerState | undefined = partner;
    while (current !== undefined && !acyclic.has(current.id)) {
      if (chain.has(current.id))
        inconsistent(
          [...path, 'sponsorId'],
          `the sponsor chain of "${partner.id}" comes back to "${current.id}"`,
        );
      chain.add(current.id);
      current = current.sponsorId === null ? undefined : lookupIn(state.partners, current.sponsorId);
    }
    for (const id of chain) acyclic.add(id);
  }
}

/** The hold queue: no empty chunk, a head inside the first, in release order, of deals that exist. */
function checkHolds(state: EngineState): void {
  const { head, chunks } = state.holds;
  for (const [index, chunk] of chunks.entries())
    if (chunk.length === 0) inconsistent(['holds', 'chunks', index], 'an empty chunk of the hold queue');
  if (chunks.length === 0 ? head !== 0 : head >= (chunks[0]?.length ?? 0))
    inconsistent(['holds', 'head'], `head ${head} is past the first chunk of the hold queue`);
  let previous = Number.NEGATIVE_INFINITY;
  for (const [index, chunk] of chunks.entries()) {
    for (let position = index === 0 ? head : 0; position < chunk.length; position++) {
      const item = chunk[position] as HoldItem;
      const path = ['holds', 'chunks', index, position];
      if (item.releaseAt < previous)
        inconsistent(
          [...path, 'releaseAt'],
          `released at ${new Date(item.releaseAt).toISOString()}, before the hold ahead of it`,
        );
      if (lookupIn(state.deals, item.dealId) === undefined)
        inconsistent([...path, 'dealId'], `deal "${item.dealId}" is not a deal of the state`);
      previous = item.releaseAt;
    }
  }
}

/**
 * What a schema cannot see: records under their own ids and in their own buckets (seen ids
 * too), tier indexes within the programme, sponsors and deals' partners that exist, no sponsor
 * chain that loops, holder counts that add up, a hold queue in order.
 */
function checkConsistency(state: EngineState, tierCount: number): void {
  for (const _ of entriesOf('seen', state.seen));
  checkSponsorChains(state);
  checkHolds(state);
  const holders = new Array<number>(tierCount).fill(0);
  const inTier = (value: number | null) => value === null || value < tierCount;
  for (const [partner, path] of recordsOf('partners', state.partners)) {
    if (!inTier(partner.tier))
      inconsistent([...path, 'tier'], `tier ${partner.tier} is not one of the ${tierCount} tiers`);
    if (!inTier(partner.waitingFor)) inconsistent([...path, 'waitingFor'], `no tier ${partner.waitingFor}`);
    if (!inTier(partner.demotedFrom))
      inconsistent([...path, 'demotedFrom'], `no tier ${partner.demotedFrom}`);
    if (partner.sponsorId !== null && lookupIn(state.partners, partner.sponsorId) === undefined)
      inconsistent([...path, 'sponsorId'], `sponsor "${partner.sponsorId}" is not a partner of the state`);
    holders[partner.tier] = (holders[partner.tier] ?? 0) + 1;
  }
  let taken = 0;
  for (const [deal, path] of recordsOf('deals', state.deals)) {
    if (lookupIn(state.partners, deal.partnerId) === undefined)
      inconsistent([...path, 'partnerId'], `partner "${deal.partnerId}" is not a partner of the state`);
    taken += deal.amount;
  }
  for (const [partner] of recordsOf('partners', state.partners))
    for (const payout of partner.payouts) taken += payout.amount;
  if (state.volume < taken)
    inconsistent(
      ['volume'],
      `${state.volume} minor units taken in, but its deals and payouts add up to ${taken}`,
    );
  holders.forEach((count, index) => {
    if (state.holders[index] !== count)
      inconsistent(
        ['holders', index],
        `${state.holders[index]} holders counted, ${count} partners hold that tier`,
      );
  });
}

/** Records into a tree of buckets, each under the path of its id. */
function intoBuckets<T>(entries: Iterable<[string, T]>): Buckets<T> {
  const root = emptyNode<BucketNode<BucketNode<Leaf<T>>>>();
  const mine = new WeakSet<object>();
  for (const [key, value] of entries) {
    writeIn(
      root,
      key,
      value,
      (candidate) => mine.has(candidate),
      (copy) => mine.add(copy),
    );
  }
  return root;
}

/** The records of format 1's flat buckets (bucket → id → record). */
function* flatEntries<T>(bucketed: Record<string, Record<string, T>>): Generator<[string, T]> {
  for (const bucket of Object.values(bucketed)) yield* Object.entries(bucket);
}

const SLOT_KEYS = Array.from({ length: FAN_OUT }, (_, slot) => String(slot));

/** One level of a format 2 tree: each key as its slot, refused when it is not "0" to "31". */
function slotsOf<V>(level: Table<V>, path: JsonPath): Array<readonly [number, V, JsonPath]> {
  return Object.entries(level).map(([key, value]) => {
    const slot = SLOT_KEYS.indexOf(key);
    if (slot < 0) inconsistent([...path, key], `"${key}" is not a bucket key ("0" to "31")`);
    return [slot, value, [...path, key]] as const;
  });
}

/**
 * The records of a format 2 tree of tables (three levels keyed "0".."31", then id → record),
 * each checked to sit under its id's path as format 2 required: a record off its path, or a key
 * that is no slot, is refused rather than moved.
 */
function* tableTreeEntries<T>(name: string, tree: Table<Table<Table<Table<T>>>>): Generator<[string, T]> {
  for (const [a, middle, atA] of slotsOf(tree, [name]))
    for (const [b, inner, atB] of slotsOf(middle, atA))
      for (const [c, leaf, atC] of slotsOf(inner, atB))
        for (const [key, value] of Object.entries(leaf)) {
          mustSitAt(key, [a, b, c], [...atC, key]);
          yield [key, value];
        }
}

type TextHold = { readonly releaseAt: string; readonly dealId: string };

/**
 * A state of formats 1 to 3 as format 3 kept it: its records and queues with money and instants
 * as text, before they are taken to minor units and epoch milliseconds.
 */
interface TextState {
  readonly programId: string;
  readonly clock: string | null;
  readonly schedule: { readonly nextPeriodEnd: string; readonly nextPayoutRun: string } | null;
  readonly holders: number[];
  readonly waitlists: string[][];
  readonly holds: { readonly head: number; readonly chunks: readonly (readonly TextHold[])[] };
  readonly seen: Iterable<[string, string]>;
  readonly partners: Iterable<[string, TextPartner]>;
  readonly deals: Iterable<[string, TextDeal]>;
}

/** Format 3: trees of 32-slot arrays like format 4's (leaves of pairs), money as decimal text. */
function readFormatThree(input: unknown): TextState {
  refuseIssues(formatThreeSchema.safeParse(input), input, 2);
  const old = input as z.infer<typeof formatThreeSchema>;
  const pairs = <T>(name: string, tree: Buckets<T>) =>
    Array.from(entriesOf(name, tree, 2), ([key, value]) => [key, value] as [string, T]);
  return {
    ...old,
    seen: pairs('seen', old.seen as Buckets<string>),
    partners: pairs('partners', old.partners as Buckets<TextPartner>),
    deals: pairs('deals', old.deals as Buckets<TextDeal>),
  };
}

/**
 * Format 2 kept the levels of its bucket trees as tables keyed "0".."31": they are now arrays of
 * 32 slots (each id under the same path), which a write copies far more cheaply.
 */
function migrateFormatTwo(input: unknown): TextState {
  refuseIssues(formatTwoSchema.safeParse(input));
  const old = input as z.infer<typeof formatTwoSchema>;
  return {
    ...old,
    seen: [...tableTreeEntries('seen', old.seen)],
    partners: [...tableTreeEntries('partners', old.partners)],
    deals: [...tableTreeEntries('deals', old.deals)],
  };
}

/**
 * Format 1 kept partners in one table, seen ids and deals in 1,024 buckets, and holds in one
 * array: all are now trees of buckets and chunks.
 */
function migrateFormatOne(input: unknown): TextState {
  const result = formatOneSchema.safeParse(input);
  refuseIssues(result);
  const old = input as z.infer<typeof formatOneSchema>;
  const pending = old.holds.items.slice(old.holds.head);
  const chunks: TextHold[][] = [];
  for (let start = 0; start < pending.length; start += HOLD_CHUNK)
    chunks.push(pending.slice(start, start + HOLD_CHUNK));
  return {
    ...old,
    seen: flatEntries(old.seen),
    partners: Object.entries(old.partners),
    deals: flatEntries(old.deals),
    holds: { head: 0, chunks },
  };
}

/**
 * Formats 1 to 3 wrote money as decimal text and instants as ISO text: formats 4 and 5 keep whole minor
 * units and epoch milliseconds, and the money taken in (its deals' amounts and payouts) as its
 * volume. An amount with more places than the currency has, or a state holding more money than
 * one state keeps exactly, is refused.
 */
function inFormatFour(old: TextState, decimals: number): EngineState {
  const minor = (text: string, path: JsonPath) => minorOfText(text, decimals, path);
  const partners = Array.from(old.partners, ([key, partner]): [string, PartnerState] => [
    key,
    partnerInFormatFour(partner, (text, ...path) => minor(text, ['partners', key, ...path])),
  ]);
  const deals = Array.from(old.deals, ([key, deal]): [string, DealState] => [
    key,
    dealInFormatFour(deal, (text, ...path) => minor(text, ['deals', key, ...path])),
  ]);
  let volume = NO_MINOR_UNITS;
  for (const [, deal] of deals) volume = addMinor(volume, deal.amount);
  for (const [, partner] of partners)
    for (const payout of partner.payouts) volume = addMinor(volume, payout.amount);
  if (volume > MAX_VOLUME_MINOR)
    inconsistent(['volume'], `its deals and payouts add up to more money than one state keeps exactly`);
  const { schedule, holds } = old;
  return {
    format: STATE_FORMAT,
    programId: old.programId,
    clock: old.clock === null ? null : Date.parse(old.clock),
    schedule: schedule && {
      nextPeriodEnd: Date.parse(schedule.nextPeriodEnd),
      nextPayoutRun: Date.parse(schedule.nextPayoutRun),
    },
    seen: intoBuckets(old.seen),
    partners: intoBuckets(partners),
    deals: intoBuckets(deals),
    holds: {
      head: holds.head,
      chunks: holds.chunks.map((chunk) =>
        chunk.map((hold): HoldItem => ({ releaseAt: Date.parse(hold.releaseAt), dealId: hold.dealId })),
      ),
    },
    holders: old.holders,
    waitlists: old.waitlists,
    volume,
  };
}

function minorOfText(text: string, decimals: number, path: JsonPath): MinorUnits {
  const units = minorUnitsOf(text, decimals);
  if (units === null || Math.abs(units) > MAX_TOTAL_MINOR)
    inconsistent(
      path,
      `"${text}" is not an amount of this currency (${decimals} places) one state keeps exactly`,
    );
  return units;
}

type ToMinor = (text: string, ...path: Array<string | number>) => MinorUnits;

/** A table's values mapped, keys kept as own keys ("__proto__" included). */
function mapTable<T, U>(records: Table<T>, map: (value: T, key: string) => U): Table<U> {
  return Object.fromEntries(Object.entries(records).map(([key, value]) => [key, map(value, key)]));
}

/** Instants of the older formats (checked by their schema) as epoch milliseconds. */
const ms = (text: string): EpochMs => Date.parse(text);
const msOrNull = (text: string | null): EpochMs | null => (text === null ? null : Date.parse(text));

function partnerInFormatFour(old: TextPartner, minor: ToMinor): PartnerState {
  const counter = (value: TextPartner['month'], ...path: string[]) => ({
    ...value,
    revenue: minor(value.revenue, ...path, 'revenue'),
  });
  const { team, balance } = old;
  return {
    ...old,
    joinedAt: ms(old.joinedAt),
    tierSince: ms(old.tierSince),
    firstDealAt: msOrNull(old.firstDealAt),
    featuresUsed: mapTable(old.featuresUsed, ms),
    badges: old.badges.map((award) => ({ ...award, at: ms(award.at) })),
    terms: old.terms.map((terms) => ({ ...terms, from: ms(terms.from), until: msOrNull(terms.until) })),
    revenue: minor(old.revenue, 'revenue'),
    month: counter(old.month, 'month'),
    quarter: counter(old.quarter, 'quarter'),
    year: counter(old.year, 'year'),
    history: mapTable(old.history, (result, month) => ({
      ...result,
      revenue: minor(result.revenue, 'history', month, 'revenue'),
      commission: minor(result.commission, 'history', month, 'commission'),
      ...(result.late === undefined
        ? {}
        : {
            late: mapTable(result.late, (late, dealMonth) => ({
              deals: late.deals,
              revenue: minor(late.revenue, 'history', month, 'late', dealMonth, 'revenue'),
            })),
          }),
    })),
    balance: {
      earned: minor(balance.earned, 'balance', 'earned'),
      pending: minor(balance.pending, 'balance', 'pending'),
      payable: minor(balance.payable, 'balance', 'payable'),
      paid: minor(balance.paid, 'balance', 'paid'),
      clawedBack: minor(balance.clawedBack, 'balance', 'clawedBack'),
    },
    payouts: old.payouts.map((payout, index) => ({
      eventId: payout.eventId,
      at: ms(payout.at),
      amount: minor(payout.amount, 'payouts', index, 'amount'),
    })),
    team: {
      ...team,
      revenue: minor(team.revenue, 'team', 'revenue'),
      month: counter(team.month, 'team', 'month'),
      quarter: counter(team.quarter, 'team', 'quarter'),
      revenueByLevel: team.revenueByLevel.map((text, index) => minor(text, 'team', 'revenueByLevel', index)),
    },
    overrideTotal: {
      key: old.overrideTotal.key,
      amount: minor(old.overrideTotal.amount, 'overrideTotal', 'amount'),
    },
  } as PartnerState;
}

/**
 * Format 4 kept the ids of a leaf and their records in pairs, and wrote out the id of every entry
 * a deal remembers; format 5 puts each id after its tag (see `Leaf`) and keeps only the entry ids
 * a deal cannot derive (see `dealEntryId`). The input is left as it was: its trees are rebuilt.
 */
function fromFormatFour(input: unknown): EngineState {
  refuseIssues(formatFourSchema.safeParse(input), input, 2);
  const old = input as Omit<EngineState, 'format'>;
  // Read where they sit, checked as a format 5 state's are, then placed again as format 5 keeps them.
  const entries = <T>(name: string, tree: Buckets<T>) =>
    Array.from(entriesOf(name, tree, 2), ([key, value]): [string, T] => [key, value]);
  const deals = Array.from(recordsOf('deals', old.deals, 2), ([deal]): [string, DealState] => [
    deal.id,
    withoutDerivedIds(deal),
  ]);
  return {
    ...old,
    format: STATE_FORMAT,
    seen: intoBuckets(entries('seen', old.seen)),
    partners: intoBuckets(entries('partners', old.partners)),
    deals: intoBuckets(deals),
  };
}

/** A deal whose entries keep only the ids it cannot derive. */
function withoutDerivedIds(deal: DealState): DealState {
  // A kept id goes last, where a replay puts it (book.ts), so a migrated state is written as a
  // replayed one is, byte for byte.
  const entries = deal.entries.map(
    ({ id, ...entry }): DealEntry =>
      id === undefined || id === dealEntryId(deal, entry) ? entry : { ...entry, id },
  );
  return { ...deal, entries };
}

function dealInFormatFour(old: TextDeal, minor: ToMinor): DealState {
  return withoutDerivedIds({
    ...old,
    closedAt: ms(old.closedAt),
    amount: minor(old.amount, 'amount'),
    refunded: minor(old.refunded, 'refunded'),
    entries: old.entries.map((entry, index) => {
      const { capCounted, ...rest } = entry;
      return {
        ...rest,
        amount: minor(entry.amount, 'entries', index, 'amount'),
        net: minor(entry.net, 'entries', index, 'net'),
        ...(capCounted === undefined
          ? {}
          : { capCounted: minor(capCounted, 'entries', index, 'capCounted') }),
      };
    }),
  } as DealState);
}
