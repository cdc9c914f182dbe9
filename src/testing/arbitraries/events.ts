// Valid, realistic event streams for one programme: partners joining under earlier sponsors,
// the trainings the programme's rules name, deals, partial and full refunds, payouts that never
// exceed the payable balance, custom terms only where the programme allows them at that moment,
// and use of unlocked features. Drafts are drawn first and written as events by walking them in
// time order through the programme's own engine, so every event is valid where it stands.
import type fc from 'fast-check';
import {
  createEngine,
  Decimal,
  decimalOf,
  type Engine,
  NO_MINOR_UNITS,
  type Program,
  partnerOf,
} from '../../index.js';
import { moneyText } from './money.js';
import { type ActionDraft, type DealDraft, type StreamDraft, streamDraft } from './stream-drafts.js';

/** Options of `events`: how many partners, deals and other events, over how long, and how large. */
export interface EventsOptions {
  /** The most partners who join (at least one does); default 5. */
  readonly partners?: number;
  /** How many months the deals spread over; default 6. */
  readonly months?: number;
  /** The most deals; default 30. */
  readonly maxDeals?: number;
  /** The most payouts, custom terms and feature uses together; default 8. */
  readonly maxActions?: number;
  /** The largest deal, in the programme's currency; default "5000.00". */
  readonly maxDealAmount?: string;
  /** When the first partner joins; default 2025-01-01T00:00:00Z. */
  readonly start?: string;
  /** The partners' ids, in joining order (default `p0`, `p1`, …; beyond the list, `p5` and on). */
  readonly partnerIds?: readonly string[];
}

/** Where the partners stand in a stream: their ids and when each joined. */
interface Roster {
  readonly origin: number;
  readonly names: readonly string[];
  readonly joins: number[];
}

const nameOf = (roster: Pick<Roster, 'names'>, index: number) => roster.names[index] ?? `p${index}`;

/**
 * An event as plain JSON, as `engine.replay` takes it.
 *
 * @inline
 */
type Event = Record<string, unknown>;

/** An event to write at an instant; `write` may decline (null) once it sees the state. */
interface Timed {
  instant: number;
  readonly rank: number;
  readonly write: (engine: Engine, batch: ReturnType<Engine['batch']>, at: string) => Event | null;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The training modules a programme's rules name (`trainingsCompleted contains "certification"`).
 *
 * @example
 * trainingModules(sisoProgram)
 * //=> ['certification']
 */
export function trainingModules(program: Program): string[] {
  const modules = new Set<string>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.fact === 'trainingsCompleted' && typeof record.value === 'string') modules.add(record.value);
    for (const child of Object.values(record)) visit(child);
  };
  visit([program.tiers, program.badges, program.milestones, program.overrides, program.versions]);
  return [...modules].sort();
}

function stateOf(batch: ReturnType<Engine['batch']>, at: string) {
  batch.advance(at);
  return batch.result().state;
}

function mayHaveTerms(engine: Engine, batch: ReturnType<Engine['batch']>, partnerId: string, at: string) {
  const unlock = engine.program.customTermsUnlock;
  return unlock !== undefined && engine.can(stateOf(batch, at), partnerId, unlock);
}

function dealItems(draft: DealDraft, index: number, roster: Roster, program: Program): Timed[] {
  const { joins, origin } = roster;
  const seller = draft.seller % joins.length;
  const partnerId = nameOf(roster, seller);
  const dealId = `x${index}`;
  const { code, decimals } = program.currency;
  const closes = Math.max(
    origin + draft.day * DAY_MS + draft.minute * MINUTE_MS,
    (joins[seller] ?? 0) + MINUTE_MS,
  );
  const deal: Timed = {
    instant: closes,
    rank: 2,
    write: (engine, batch, at) => {
      const event: Event = { id: `d${index}`, type: 'deal.closed', at, partnerId, dealId };
      Object.assign(event, { amount: moneyText(draft.amountMinor, decimals), currency: code });
      if (draft.customRate !== null && mayHaveTerms(engine, batch, partnerId, at))
        event.rate = draft.customRate;
      return event;
    },
  };
  const refunds = refundParts(draft).map(
    (partMinor, part): Timed => ({
      instant: closes + (draft.refund?.delayDays ?? 0) * DAY_MS + (part + 1) * 60 * MINUTE_MS,
      rank: 3,
      write: (_engine, _batch, at) => ({
        id: `r${index}${'abc'[part]}`,
        type: 'deal.refunded',
        at,
        dealId,
        amount: moneyText(partMinor, decimals),
      }),
    }),
  );
  return [deal, ...refunds];
}

/** A deal's refunds in minor units: the parts of a full refund, or parts adding to at most 75 %. */
function refundParts(draft: DealDraft): number[] {
  const refund = draft.refund;
  if (!refund) return [];
  const total = refund.parts.reduce((sum, weight) => sum + weight, 0);
  if (!refund.full)
    return refund.parts
      .map((weight) => Math.floor((draft.amountMinor * weight) / 400))
      .filter((minor) => minor > 0);
  const parts = refund.parts.map((weight) => Math.floor((draft.amountMinor * weight) / total));
  parts[parts.length - 1] =
    (parts[parts.length - 1] ?? 0) + draft.amountMinor - parts.reduce((a, b) => a + b, 0);
  return parts.filter((minor) => minor > 0);
}

function actionItem(action: ActionDraft, index: number, roster: Roster): Timed {
  const { joins, origin } = roster;
  const partner = action.partner % joins.length;
  const partnerId = nameOf(roster, partner);
  const instant = Math.max(
    origin + action.day * DAY_MS + 12 * 60 * MINUTE_MS,
    (joins[partner] ?? 0) + 2 * MINUTE_MS,
  );
  return {
    instant,
    rank: 4,
    write: (engine, batch, at) => writeAction(engine, batch, action, { index, partnerId, at }),
  };
}

function writeAction(
  engine: Engine,
  batch: ReturnType<Engine['batch']>,
  action: ActionDraft,
  where: { index: number; partnerId: string; at: string },
): Event | null {
  const { index, partnerId, at } = where;
  if (action.kind === 'terms') {
    if (!mayHaveTerms(engine, batch, partnerId, at)) return null;
    return { id: `terms${index}`, type: 'terms.set', at, partnerId, baseRate: action.termsRate };
  }
  const state = stateOf(batch, at);
  if (action.kind === 'feature') {
    const unlocked = engine.program.features.filter((feature) => engine.can(state, partnerId, feature.id));
    const feature = unlocked[action.pick % Math.max(unlocked.length, 1)];
    return feature ? { id: `use${index}`, type: 'feature.used', at, partnerId, feature: feature.id } : null;
  }
  const { decimals } = engine.program.currency;
  const payable = decimalOf(partnerOf(state, partnerId)?.balance.payable ?? NO_MINOR_UNITS, decimals);
  const share = payable.times(action.pick).dividedBy(100).toDecimalPlaces(decimals, Decimal.ROUND_DOWN);
  if (share.lte(0)) return null;
  return { id: `pay${index}`, type: 'payout.paid', at, partnerId, amount: share.toFixed(decimals) };
}

function timeline(draft: StreamDraft, program: Program, roster: Roster, modules: readonly string[]): Timed[] {
  const { joins, origin } = roster;
  const items: Timed[] = [];
  draft.partners.forEach((partner, index) => {
    const joined = (joins[index - 1] ?? origin - MINUTE_MS) + partner.joinGapDays * DAY_MS + MINUTE_MS;
    joins.push(joined);
    const sponsorId =
      index === 0 || partner.sponsor === null ? null : nameOf(roster, partner.sponsor % index);
    const partnerId = nameOf(roster, index);
    items.push({
      instant: joined,
      rank: 0,
      write: (_engine, _batch, at) => ({
        id: `j${index}`,
        type: 'partner.joined',
        at,
        partnerId,
        sponsorId,
      }),
    });
    modules.forEach((moduleId, position) => {
      if (!partner.trainings[position]) return;
      items.push({
        instant: joined + partner.trainingDelayDays * DAY_MS + (30 + position) * MINUTE_MS,
        rank: 1,
        write: (_engine, _batch, at) => ({
          id: `t${index}-${position}`,
          type: 'training.completed',
          at,
          partnerId,
          moduleId,
        }),
      });
    });
  });
  for (const [index, deal] of draft.deals.entries()) items.push(...dealItems(deal, index, roster, program));
  for (const [index, action] of draft.actions.entries()) items.push(actionItem(action, index, roster));
  return items;
}

/** Writes the drafts as events, in time order, each at a distinct instant. */
function writeStream(
  engine: Engine,
  draft: StreamDraft,
  where: Omit<Roster, 'joins'>,
  modules: readonly string[],
): Event[] {
  const items = timeline(draft, engine.program, { ...where, joins: [] }, modules).sort(
    (a, b) => a.instant - b.instant || a.rank - b.rank,
  );
  // Distinct times (one second apart at least), so input order never decides anything.
  items.forEach((item, index) => {
    const previous = items[index - 1];
    if (previous && item.instant <= previous.instant) item.instant = previous.instant + 1000;
  });
  const batch = engine.batch();
  const events: Event[] = [];
  for (const item of items) {
    const event = item.write(engine, batch, new Date(item.instant).toISOString());
    if (event === null) continue;
    batch.apply(event, events.length);
    events.push(event);
  }
  return events;
}

/**
 * A valid event stream for `program`, in time order, every event at a distinct instant. Ids are
 * short and readable (`j0` joins `p0`, `d3` closes deal `x3`, `r3a` refunds part of it, `pay1`,
 * `terms2`, `use4`), so a shrunk counterexample reads as a story.
 *
 * @example
 * fc.sample(events(sisoProgram, { partners: 2, months: 1 }), { numRuns: 1, seed: 3 })[0]
 * //=> [{ id: 'j0', type: 'partner.joined', … }, { id: 'j1', type: 'partner.joined', … }, …]
 */
export function events(program: Program, options: EventsOptions = {}): fc.Arbitrary<Event[]> {
  const engine = createEngine(program);
  const modules = trainingModules(program);
  const decimals = program.currency.decimals;
  const maxDeal = new Decimal(options.maxDealAmount ?? '5000.00').times(new Decimal(10).pow(decimals));
  const origin = Date.parse(options.start ?? '2025-01-01T00:00:00Z');
  const draft = streamDraft({
    partners: Math.max(1, options.partners ?? 5),
    modules: modules.length,
    days: Math.max(1, (options.months ?? 6) * 30),
    maxDeals: options.maxDeals ?? 30,
    maxDealMinor: Math.max(1, maxDeal.floor().toNumber()),
    maxActions: options.maxActions ?? 8,
  });
  const names = options.partnerIds ?? [];
  return draft.map((drawn) => writeStream(engine, drawn, { origin, names }, modules));
}
