// The engine's state: plain JSON data the host persists however it likes. Records keyed by ids
// are null-prototype objects, so an id such as "__proto__" is just another key. Money is kept as
// whole minor units (integers, safe by the state's volume bound: see MAX_VOLUME_MINOR); times as
// epoch milliseconds (ISO-8601 text only at the edges).
import { type MinorUnits, NO_MINOR_UNITS } from '../money/minor.js';

/** An instant as milliseconds since 1970-01-01T00:00:00Z (what `Date.parse` gives). */
export type EpochMs = number;

/** A keyed collection that survives JSON.stringify / JSON.parse unchanged. */
export type Table<T> = Record<string, T>;

/** How a partner stands in its tier: at risk after a failed review, waitlisted for a full tier. */
export type PartnerStatus = 'good' | 'at-risk' | 'waitlisted';

/** Counted deals and net revenue of one calendar period. */
export interface PeriodCounter {
  /** The period's key in the programme time zone: "2025-03", "2025-Q1" or "2025". */
  key: string;
  /** Counted deals closed in the period (less those refunded in full). */
  deals: number;
  /** Net revenue of the period's deals, in minor units. */
  revenue: MinorUnits;
}

/** The deals closed in one calendar period. */
export interface PeriodDeals {
  /** The period's key, as in PeriodCounter. */
  key: string;
  /** Ids of the deals closed in the period, in closing order. */
  dealIds: string[];
}

/** One month of a partner's results, kept for leaderboards and period badges. */
export interface MonthResult {
  /** Counted deals closed in the month. */
  deals: number;
  /** Net revenue of the month's deals, in minor units. */
  revenue: MinorUnits;
  /**
   * Ledger entries booked to the partner in the month, in minor units (the `commission` leaderboard
   * metric).
   */
  commission: MinorUnits;
  /**
   * Refunds received this month of deals closed in an earlier month, by that month: a quarter's
   * or year's board takes off those whose deal month is inside the period too.
   */
  late?: Table<{
    /** Counted deals of that month refunded in full this month. */
    deals: number;
    /** Revenue refunded this month on that month's deals, in minor units. */
    revenue: MinorUnits;
  }>;
}

/** A partner's money, in minor units. */
export interface Balance {
  /** Every ledger entry summed, clawbacks included: always pending + payable + paid. */
  earned: MinorUnits;
  /** Earned on deals still in their hold period. */
  pending: MinorUnits;
  /** Earned on deals whose hold period has ended, not yet paid. */
  payable: MinorUnits;
  /** What the host reported paid (`payout.paid`). */
  paid: MinorUnits;
  /** Clawback entries summed, as a positive amount. */
  clawedBack: MinorUnits;
}

/** Custom terms a `terms.set` event gave a partner: its own rates for a time. */
export interface CustomTerms {
  /** The `terms.set` event that set them. */
  eventId: string;
  /** The commission rate on the partner's own deals, or null to keep the tier's. */
  baseRate: string | null;
  /** The rate for the partner's overrides, or null to keep the programme's. */
  overrideRate: string | null;
  /** When they start: the event's `effectiveFrom`, or its `at`. */
  from: EpochMs;
  /** When they end, or null for no end. */
  until: EpochMs | null;
}

/** A badge a partner holds: one award, with its level or period if it has one. */
export interface BadgeAward {
  /** The badge's id. */
  badge: string;
  /** When it was awarded. */
  at: EpochMs;
  /**
   * The event that earned it; null for a badge awarded by the clock (a leaderboard won at a period
   * end).
   */
  eventId: string | null;
  /** The level's id, for a badge with levels. */
  level?: string;
  /** The period's key, for a badge awarded once per period or won on a leaderboard. */
  period?: string;
}

/**
 * A partner's team in figures, kept up to date as events arrive: what team facts and `engine.team`
 * read.
 */
export interface TeamAggregates {
  /** Partners who joined with this one as sponsor. */
  direct: number;
  /** Direct sub-partners with at least one counted deal. */
  selling: number;
  /** Every partner below, all levels. */
  size: number;
  /** Net revenue of every partner below, all time. */
  revenue: MinorUnits;
  /** Counted deals and net revenue of every partner below in the current month. */
  month: PeriodCounter;
  /** Counted deals and net revenue of every partner below in the current quarter. */
  quarter: PeriodCounter;
  /** Direct sub-partners holding each tier index or higher: index i counts ranks > i. */
  directAtOrAbove: number[];
  /** Ids of the direct sub-partners, in joining order (for downline queries). */
  directIds: string[];
  /** Partners below by level: index 0 is level 1 (direct), index 1 level 2, ... */
  sizeByLevel: number[];
  /** Net revenue of the partners below by level, all time: index 0 is level 1. */
  revenueByLevel: MinorUnits[];
}

/**
 * A partner as the state keeps it: tier, counters, balance, badges, team (read it with `partnerOf`
 * or `allPartners`).
 */
export interface PartnerState {
  /** The partner's id. */
  id: string;
  /** The sponsor who referred the partner, or null. */
  sponsorId: string | null;
  /** When the partner joined. */
  joinedAt: EpochMs;
  /** The `partner.joined` event. */
  joinEventId: string;
  /** Index into the programme's tiers. */
  tier: number;
  /** When the partner reached the tier held (or was moved to it). */
  tierSince: EpochMs;
  /** Consecutive failed reviews of the tier held (at risk while above zero). */
  failedReviews: number;
  /** The tier index waited for while `status` is waitlisted. */
  waitingFor: number | null;
  /** The highest tier index lost at a review; regaining it also needs its maintain rule. */
  demotedFrom: number | null;
  /** Closed deals not refunded in full, all time. */
  countedDeals: number;
  /** Every deal closed, all time, refunded or not. */
  dealsClosed: number;
  /** Net revenue of the partner's deals, all time, in minor units. */
  revenue: MinorUnits;
  /** When the partner closed a first deal, or null. */
  firstDealAt: EpochMs | null;
  /** Training module ids completed. */
  trainings: string[];
  /** Feature id to the first time the partner used it. */
  featuresUsed: Table<EpochMs>;
  /** Every badge award, oldest first. */
  badges: BadgeAward[];
  /** Ids of the milestones reached. */
  milestones: string[];
  /** Counted deals and net revenue of the current month. */
  month: PeriodCounter;
  /** Counted deals and net revenue of the current quarter. */
  quarter: PeriodCounter;
  /** Counted deals and net revenue of the current year. */
  year: PeriodCounter;
  /** Results by month key ("2025-03"), for leaderboards and period badges. */
  history: Table<MonthResult>;
  /** The tier held at month ends, as changes: [month, tier id] whenever it differs from the last. */
  monthEndTiers: Array<[string, string]>;
  /** The partner's money, in minor units. */
  balance: Balance;
  /** Payments the host reported (payout.paid), oldest first. */
  payouts: Array<{
    /** The `payout.paid` event. */
    eventId: string;
    /** When it was paid. */
    at: EpochMs;
    /** The amount paid, in minor units. */
    amount: MinorUnits;
  }>;
  /** Custom terms set for the partner, oldest first. */
  terms: CustomTerms[];
  /** The partner's team in figures. */
  team: TeamAggregates;
  /** Deals closed in the current month, quarter and year (kept for retroactive tier rates). */
  recentDeals: {
    /** Deals closed in the current month. */
    month: PeriodDeals;
    /** Deals closed in the current quarter. */
    quarter: PeriodDeals;
    /** Deals closed in the current year. */
    year: PeriodDeals;
  };
  /** Whether this partner's first counted deal has happened (its sponsor's referral bonus decided). */
  referralDecided: boolean;
  /** Overrides earned in the current cap period (for per-period caps). */
  overrideTotal: {
    /** The cap period's key, e.g. "2025-03". */
    key: string;
    /** Overrides earned in it, in minor units. */
    amount: MinorUnits;
  };
}

/** One ledger entry of a deal, as the deal remembers it for clawbacks (kept small: one per entry). */
export interface DealEntry {
  /**
   * The ledger entry's id, kept only when it is not the one its deal derives (`dealEntryId`: the
   * deal's event, the kind and the override level), as for an adjustment a later event booked.
   */
  id?: string | undefined;
  /** The partner the entry paid. */
  partnerId: string;
  /** What the entry was for. */
  kind: 'commission' | 'referral-bonus' | 'override' | 'adjustment';
  /** The rate applied, as a decimal string. */
  rate: string;
  /** The entry's amount, in minor units. */
  amount: MinorUnits;
  /** Amount less clawbacks so far. */
  net: MinorUnits;
  /** Set when the rate applies to the seller's commission instead of the deal amount. */
  basisOf?: 'commission' | undefined;
  /** Where the rate came from (retroactive top-ups apply only to tier rates). */
  source?: string | undefined;
  /** The override level, for an override. */
  level?: number | undefined;
  /** Set when a cap cut the amount: clawbacks then take the refunded share of the amount itself. */
  capped?: boolean | undefined;
  /** For an override under a per-period cap: how much of it the cap's period total counts. */
  capCounted?: MinorUnits | undefined;
}

/**
 * A deal as the state keeps it, for refunds and hold periods (read it with `dealOf` or `allDeals`).
 */
export interface DealState {
  /** The deal's id. */
  id: string;
  /** The partner who closed it. */
  partnerId: string;
  /** The deal.closed event. */
  eventId: string;
  /** When it closed. */
  closedAt: EpochMs;
  /** The deal amount, in minor units. */
  amount: MinorUnits;
  /** How much of it has been refunded so far, in minor units. */
  refunded: MinorUnits;
  /** Whether its hold period has ended (earnings payable). */
  released: boolean;
  /** Its ledger entries, as the deal remembers them for clawbacks. */
  entries: DealEntry[];
}

/** A deal whose hold period ends at `releaseAt`. */
export interface HoldItem {
  /** When the hold period ends. */
  releaseAt: EpochMs;
  /** The deal. */
  dealId: string;
}

/**
 * Deals whose hold period has yet to end, in release order: chunks of at most `HOLD_CHUNK` items,
 * the first consumed from `head`. One event copies the chunk it writes, never the whole queue.
 *
 * @internal
 */
export interface HoldQueue {
  head: number;
  chunks: HoldItem[][];
}

/**
 * The most items a chunk of the hold queue takes before a new chunk starts.
 *
 * @internal
 */
export const HOLD_CHUNK = 128;

/**
 * The next time-driven work: a period end and a payout run.
 *
 * @internal
 */
export interface Schedule {
  /** The next month boundary (period ends run there). */
  nextPeriodEnd: EpochMs;
  /** The next payout run. */
  nextPayoutRun: EpochMs;
}

/** The state format this engine writes; states of formats 1 to 4 are migrated when read. */
export const STATE_FORMAT = 'partner-engine/state@5';

/**
 * The whole state of a programme: plain JSON a host persists as it likes and gives back to
 * `engine.readState`, `apply`, `replay` or `batch`. Read partners and deals through `partnerOf`,
 * `allPartners`, `dealOf` and `allDeals`; how they are stored inside is not public.
 *
 * @example
 * const saved = JSON.stringify(engine.replay(events).state); // store it as you like
 * const state = engine.readState(JSON.parse(saved)); // checked, then used as it is
 * state.format
 * //=> 'partner-engine/state@5'
 * partnerOf(state, 'ana')?.countedDeals
 * //=> 1
 */
export interface EngineState {
  /** The state format, `STATE_FORMAT`; an older one is migrated when read. */
  readonly format: typeof STATE_FORMAT;
  /** The id of the programme the state was made under. */
  programId: string;
  /** The latest instant processed; null before the first event. */
  clock: EpochMs | null;
  /** @internal */
  schedule: Schedule | null;
  /**
   * Event id to a fingerprint of its content, for idempotency, in a tree of buckets by a hash of
   * the id (see `bucketPath`): one call copies the buckets it writes, never every id ever seen.
   *
   * @internal
   */
  seen: Buckets<string>;
  /**
   * Partners by id, in buckets like `seen` (see `partnerOf` and `allPartners`).
   *
   * @internal
   */
  partners: Buckets<PartnerState>;
  /**
   * Deals by id, in buckets like `seen` (see `dealOf` and `allDeals`).
   *
   * @internal
   */
  deals: Buckets<DealState>;
  /** @internal */
  holds: HoldQueue;
  /** How many partners hold each tier index. */
  holders: number[];
  /** Partner ids waiting for a place, by tier index, first come first served. */
  waitlists: string[][];
  /**
   * The money taken in so far, in minor units: every deal's amount and every payout reported.
   * Bounded by MAX_VOLUME_MINOR, so every total above stays a safe integer.
   */
  volume: MinorUnits;
}

/**
 * A record that treats every string, "__proto__" included, as an ordinary key.
 *
 * @internal
 */
export function table<T>(): Table<T> {
  return Object.create(null) as Table<T>;
}

/**
 * Reads a key only if it is the record's own (never an inherited property).
 *
 * @example
 * lookup(partnerOf(state, 'ana')!.history, '2025-01')
 * //=> { deals: 1, revenue: 100000, commission: 20000 }
 * lookup(partnerOf(state, 'ana')!.history, '__proto__')
 * //=> undefined
 */
export function lookup<T>(records: Table<T>, key: string): T | undefined {
  return Object.hasOwn(records, key) ? records[key] : undefined;
}

/**
 * Copies a record into a fresh null-prototype one (keys such as "__proto__" stay plain data).
 *
 * @internal
 */
export function copyTable<T>(records: Table<T>): Table<T> {
  const copy = table<T>();
  for (const key of Object.keys(records)) copy[key] = records[key] as T;
  return copy;
}

/**
 * The state before any event, for a programme with this many tiers (a host calls
 * `engine.initialState()`).
 *
 * @internal
 */
export function initialState(programId: string, tierCount: number): EngineState {
  return {
    format: STATE_FORMAT,
    programId,
    clock: null,
    schedule: null,
    seen: emptyNode(),
    partners: emptyNode(),
    deals: emptyNode(),
    holds: { head: 0, chunks: [] },
    holders: new Array<number>(tierCount).fill(0),
    waitlists: Array.from({ length: tierCount }, () => []),
    volume: NO_MINOR_UNITS,
  };
}

const KEY_BITS = 5;
/**
 * How many slots each level of a bucket tree has (three levels: 32,768 leaf buckets).
 *
 * @internal
 */
export const FAN_OUT = 1 << KEY_BITS;
const LEVELS = 3;

/** The slot at one level (0 outermost) of the buckets an id with this hash falls in. */
function slotAt(hash: number, depth: number): number {
  return (hash >>> (KEY_BITS * depth)) & (FAN_OUT - 1);
}

/**
 * One level of a bucket tree: `FAN_OUT` slots, `null` where no id has fallen yet.
 *
 * @internal
 */
export type BucketNode<T> = Array<T | null>;

/**
 * A leaf of a bucket tree: the ids that fall in it with their records, each after its tag (the
 * part of the id's hash its bucket path does not use), `[tag, id, record, tag, id, …]`. A copy is
 * one array copy, and an id is found by comparing small integers side by side in the leaf: only
 * the id whose tag matches is read, not every id the leaf holds (each a string elsewhere in
 * memory, which a large state would have to fetch from far away, one after the other).
 *
 * @internal
 */
export type Leaf<T> = Array<number | string | T>;

/**
 * How many items each id takes in a leaf: its tag, the id, its record.
 *
 * @internal
 */
export const LEAF_STRIDE = 3;

/**
 * Records by id in a tree of buckets: three levels of `FAN_OUT` slots chosen by a hash of the id,
 * then a leaf of ids and records. Writing one record copies three arrays of 32 references and its
 * leaf (each copy as cheap as a memory copy), never the whole collection.
 *
 * @internal
 */
export type Buckets<T> = BucketNode<BucketNode<BucketNode<Leaf<T>>>>;

/**
 * A level of a bucket tree with every slot empty.
 *
 * @internal
 */
export function emptyNode<T>(): BucketNode<T> {
  return new Array<T | null>(FAN_OUT).fill(null);
}

/**
 * Whether a bucket tree holds nothing (every slot of its root empty).
 *
 * @internal
 */
export function isEmptyNode(node: BucketNode<unknown>): boolean {
  return node.every((slot) => slot === null);
}

/**
 * A stable 32-bit hash of an id's characters (FNV-1a).
 *
 * @internal
 */
export function hashOf(id: string): number {
  let hash = 2166136261;
  for (let index = 0; index < id.length; index++) hash = Math.imul(hash ^ id.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/**
 * The slots of the buckets an id falls in, outermost first: always the same for the same id.
 *
 * @example
 * bucketPath('e1')
 * //=> [3, 24, 19]   (the same for 'e1' on every machine)
 *
 * @internal
 */
export function bucketPath(id: string): [number, number, number] {
  const hash = hashOf(id);
  return [slotAt(hash, 0), slotAt(hash, 1), slotAt(hash, 2)];
}

/**
 * The tag an id has in its leaf: the 17 bits of its hash that its bucket path does not use (a
 * small integer on every platform).
 *
 * @example
 * tagOf('e1') === tagOf('e1')
 * //=> true
 *
 * @internal
 */
export function tagOf(id: string): number {
  return hashOf(id) >>> (KEY_BITS * LEVELS);
}

/** The leaf bucket of an id's hash, if it exists. */
function leafOf<T>(buckets: Buckets<T>, hash: number): Leaf<T> | undefined {
  const middle = buckets[slotAt(hash, 0)];
  const inner = middle?.[slotAt(hash, 1)];
  return inner?.[slotAt(hash, 2)] ?? undefined;
}

/** Where an id with this tag stands in a leaf (its tag; the id and its record follow), or -1. */
function indexIn<T>(leaf: Leaf<T>, tag: number, id: string): number {
  for (let index = 0; index < leaf.length; index += LEAF_STRIDE)
    if (leaf[index] === tag && leaf[index + 1] === id) return index;
  return -1;
}

/**
 * A record of a bucket tree, by id.
 *
 * @internal
 */
export function lookupIn<T>(buckets: Buckets<T>, id: string): T | undefined {
  const hash = hashOf(id);
  const leaf = leafOf(buckets, hash);
  const index = leaf === undefined ? -1 : indexIn(leaf, hash >>> (KEY_BITS * LEVELS), id);
  return index < 0 ? undefined : ((leaf as Leaf<T>)[index + 2] as T);
}

/**
 * Every leaf bucket of a tree.
 *
 * @internal
 */
export function* leavesOf<T>(buckets: Buckets<T>): Generator<Leaf<T>> {
  for (const middle of buckets) {
    if (middle === null) continue;
    for (const inner of middle) {
      if (inner === null) continue;
      for (const leaf of inner) if (leaf !== null) yield leaf;
    }
  }
}

/**
 * The ids and records of a leaf, in the order they were added.
 *
 * @internal
 */
export function* entriesOfLeaf<T>(leaf: Leaf<T>): Generator<[string, T]> {
  for (let index = 0; index + 2 < leaf.length; index += LEAF_STRIDE)
    yield [leaf[index + 1] as string, leaf[index + 2] as T];
}

/**
 * Writes a record under its id, copying the levels and the leaf on the way the first time:
 * `own(node)` says whether a level or leaf is already the writer's own, `claim(copy)` makes a
 * copy its own. The root must be the writer's. A leaf not yet the writer's is copied at its
 * exact length (one id longer, with its tag and record, for a new id); one already its own is changed in place.
 *
 * @internal
 */
export function writeIn<T>(
  root: Buckets<T>,
  id: string,
  record: T,
  own: (node: object) => boolean,
  claim: (node: object) => void,
  isNew = false,
): void {
  const hash = hashOf(id);
  let level: BucketNode<unknown> = root;
  for (let depth = 0; depth < LEVELS - 1; depth++) {
    const slot = slotAt(hash, depth);
    let next = level[slot] as BucketNode<unknown> | null | undefined;
    if (next === null || next === undefined) next = emptyNode();
    else if (!own(next)) next = next.slice();
    else {
      level = next;
      continue;
    }
    claim(next);
    level[slot] = next;
    level = next;
  }
  const slot = slotAt(hash, LEVELS - 1);
  const tag = hash >>> (KEY_BITS * LEVELS);
  const leaf = level[slot] as Leaf<T> | null | undefined;
  if (leaf === null || leaf === undefined) {
    const made: Leaf<T> = [tag, id, record];
    claim(made);
    level[slot] = made;
    return;
  }
  // An id the writer knows is not in the tree (see IdFilter) needs no look along the leaf.
  const index = isNew ? -1 : indexIn(leaf, tag, id);
  if (own(leaf)) {
    // The writer's own (a long batch writes it again and again): changed in place.
    if (index >= 0) leaf[index + 2] = record;
    else leaf.push(tag, id, record);
    return;
  }
  // A copy with the record in place, or one id longer; `concat` of an array adds its items.
  const written = index >= 0 ? leaf.slice() : leaf.concat([tag, id, record]);
  if (index >= 0) written[index + 2] = record;
  claim(written);
  level[slot] = written;
}

/**
 * A partner of a state, by id.
 *
 * @example
 * // events: ana joins, then closes a 1000.00 USD deal (e2), as in the `Engine` example
 * const { state } = engine.replay(events);
 * partnerOf(state, 'ana')?.balance   // minor units: 20000 is 200.00
 * //=> { earned: 20000, pending: 20000, payable: 0, paid: 0, clawedBack: 0 }
 * partnerOf(state, 'nobody')
 * //=> undefined
 */
export function partnerOf(state: Pick<EngineState, 'partners'>, partnerId: string): PartnerState | undefined {
  return lookupIn(state.partners, partnerId);
}

/**
 * Every partner of a state (in no particular order).
 *
 * @example
 * [...allPartners(state)].map((partner) => partner.id)
 * //=> ['ana']
 */
export function* allPartners(state: Pick<EngineState, 'partners'>): Generator<PartnerState> {
  for (const leaf of leavesOf(state.partners)) for (const [, partner] of entriesOfLeaf(leaf)) yield partner;
}

/**
 * The ids of every partner of a state, sorted (by UTF-16 code units, as `Array.prototype.sort`).
 *
 * @example
 * partnerIds(engine.replay(events).state)
 * //=> ['ana', 'ben']
 */
export function partnerIds(state: Pick<EngineState, 'partners'>): string[] {
  const ids: string[] = [];
  for (const leaf of leavesOf(state.partners)) for (const [id] of entriesOfLeaf(leaf)) ids.push(id);
  return ids.sort();
}

/**
 * The deals still in their hold period, in release order.
 *
 * @example
 * // SISO holds earnings 30 days: d1, closed 2025-01-10T09:00Z, is released 2025-02-09T09:00Z
 * [...pendingHolds(state)].map((hold) => hold.dealId)
 * //=> ['d1']
 */
export function* pendingHolds(state: Pick<EngineState, 'holds'>): Generator<HoldItem> {
  const { head, chunks } = state.holds;
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index] as HoldItem[];
    for (let position = index === 0 ? head : 0; position < chunk.length; position++)
      yield chunk[position] as HoldItem;
  }
}

/**
 * A deal of a state, by id.
 *
 * @example
 * dealOf(state, 'd1')?.amount   // minor units: 100000 is 1000.00
 * //=> 100000
 */
export function dealOf(state: Pick<EngineState, 'deals'>, dealId: string): DealState | undefined {
  return lookupIn(state.deals, dealId);
}

/**
 * Every deal of a state (in no particular order).
 *
 * @example
 * [...allDeals(state)].map((deal) => [deal.id, deal.released])
 * //=> [['d1', false]]
 */
export function* allDeals(state: Pick<EngineState, 'deals'>): Generator<DealState> {
  for (const leaf of leavesOf(state.deals)) for (const [, deal] of entriesOfLeaf(leaf)) yield deal;
}

function copyCounter(counter: PeriodCounter): PeriodCounter {
  return { key: counter.key, deals: counter.deals, revenue: counter.revenue };
}

/**
 * A copy of a partner for writing, field by field (several times cheaper than structuredClone on
 * the write path). The small parts slices change in place (balance, period counters, team
 * aggregates) are new; the parts that grow with the partner's age (history, payouts, badges,
 * milestones, month-end tiers, terms, trainings, features used, direct ids, recent deal ids) are
 * shared with the original, and a writer replaces them or takes its own copy first
 * (`Draft.own`), so one write costs the same for a partner of one month or of six years.
 *
 * @internal
 */
export function clonePartner(partner: PartnerState): PartnerState {
  const { team, recentDeals } = partner;
  return {
    ...partner,
    month: copyCounter(partner.month),
    quarter: copyCounter(partner.quarter),
    year: copyCounter(partner.year),
    balance: { ...partner.balance },
    team: {
      ...team,
      month: copyCounter(team.month),
      quarter: copyCounter(team.quarter),
      directAtOrAbove: [...team.directAtOrAbove],
      sizeByLevel: [...team.sizeByLevel],
      revenueByLevel: [...team.revenueByLevel],
    },
    recentDeals: {
      month: { ...recentDeals.month },
      quarter: { ...recentDeals.quarter },
      year: { ...recentDeals.year },
    },
    overrideTotal: { ...partner.overrideTotal },
  };
}

/**
 * A deep copy of a deal: its entries are changed in place (net, cap counted) by refunds.
 *
 * @internal
 */
export function cloneDeal(deal: DealState): DealState {
  return { ...deal, entries: deal.entries.map((entry) => ({ ...entry })) };
}
