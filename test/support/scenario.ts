// Given/when/then for engine tests: build events tersely, replay them, and read partners,
// ledger entries and effects by what they are about.
import { createEngine, type Engine } from '../../src/create-engine.js';
import type { ReplayResult } from '../../src/engine/engine.js';
import type { Effect, LedgerEntry } from '../../src/engine/outputs.js';
import { type PartnerState, partnerOf } from '../../src/engine/state.js';
import { type BalanceSummary, formatBalance } from '../../src/ledger/balance.js';
import { formatMinor } from '../../src/money/minor.js';
import { loadProgram, type Program } from '../../src/program/load.js';
import type { ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';

let counter = 0;
const nextId = (prefix: string) => `${prefix}${++counter}`;

/** Event builders: `at` is a date (midnight UTC) or a full ISO time. */
const time = (at: string) => (at.includes('T') ? at : `${at}T00:00:00Z`);

export const events = {
  joined: (partnerId: string, at: string, sponsorId: string | null = null, id = nextId('j')) => ({
    id,
    type: 'partner.joined',
    at: time(at),
    partnerId,
    sponsorId,
  }),
  trained: (partnerId: string, at: string, moduleId = 'certification', id = nextId('t')) => ({
    id,
    type: 'training.completed',
    at: time(at),
    partnerId,
    moduleId,
  }),
  deal: (
    partnerId: string,
    dealId: string,
    amount: string,
    at: string,
    extra: Record<string, unknown> = {},
  ) => ({
    id: (extra.id as string | undefined) ?? `e-${dealId}`,
    type: 'deal.closed',
    at: time(at),
    partnerId,
    dealId,
    amount,
    currency: 'USD',
    ...extra,
  }),
  refund: (dealId: string, amount: string, at: string, id = nextId('r')) => ({
    id,
    type: 'deal.refunded',
    at: time(at),
    dealId,
    amount,
  }),
  terms: (partnerId: string, at: string, fields: Record<string, unknown>, id = nextId('terms')) => ({
    id,
    type: 'terms.set',
    at: time(at),
    partnerId,
    ...fields,
  }),
  paid: (partnerId: string, amount: string, at: string, id = nextId('paid')) => ({
    id,
    type: 'payout.paid',
    at: time(at),
    partnerId,
    amount,
  }),
  used: (partnerId: string, feature: string, at: string, id = nextId('f')) => ({
    id,
    type: 'feature.used',
    at: time(at),
    partnerId,
    feature,
  }),
};

const HOUR_MS = 3_600_000;

export interface DealRun {
  /** First deal's instant (ISO, or a date meaning midnight UTC). */
  readonly from: string;
  /** Deals to close, numbered `${partnerId}-d${first}` onwards. */
  readonly count: number;
  /** Each deal's amount (default 1000.00). */
  readonly amount?: string;
  /** Number of the first deal (default 1), so a later run continues the numbering. */
  readonly first?: number;
  /** Time between deals (default one hour). */
  readonly everyHours?: number;
}

/** A run of deals by one partner: ids `${partnerId}-d${n}`, event ids `e-${dealId}`. */
export function dealRun(partnerId: string, run: DealRun): ReturnType<typeof events.deal>[] {
  const start = Date.parse(time(run.from));
  const first = run.first ?? 1;
  const step = (run.everyHours ?? 1) * HOUR_MS;
  return Array.from({ length: run.count }, (_, index) =>
    events.deal(
      partnerId,
      `${partnerId}-d${first + index}`,
      run.amount ?? '1000.00',
      new Date(start + index * step).toISOString(),
    ),
  );
}

/** A partner of the state with its balance, revenue and payouts as the contract writes them (strings). */
export type PartnerView = Omit<PartnerState, 'balance' | 'revenue' | 'payouts'> & {
  readonly balance: BalanceSummary;
  readonly revenue: string;
  readonly payouts: ReadonlyArray<{ readonly eventId: string; readonly at: string; readonly amount: string }>;
};

export interface Outcome extends ReplayResult {
  readonly engine: Engine;
  partner(id: string): PartnerView;
  /** The partner's record as the state keeps it (money in minor units). */
  record(id: string): PartnerState;
  tierOf(id: string): string;
  entries(filter?: Partial<LedgerEntry>): LedgerEntry[];
  effectsOf(filter: Partial<Effect> & { type?: Effect['type'] }): Effect[];
}

/** Replays `given` under a programme (SISO by default) as of `asOf` (default: the last event). */
export function replay(
  given: readonly unknown[],
  options: { program?: Program; asOf?: string } = {},
): Outcome {
  const engine = createEngine(options.program ?? sisoProgram);
  const result = engine.replay(given, options.asOf ? { asOf: time(options.asOf) } : {});
  const recordOf = (id: string) => {
    const partner = partnerOf(result.state, id);
    if (!partner) throw new Error(`no partner ${id}`);
    return partner;
  };
  const matches = <T extends object>(item: T, filter: Partial<T>) =>
    Object.entries(filter).every(([key, value]) => (item as Record<string, unknown>)[key] === value);
  return {
    ...result,
    engine,
    partner: (id) => {
      const partner = recordOf(id);
      const { decimals } = engine.program.currency;
      return {
        ...partner,
        balance: formatBalance(partner.balance, decimals),
        revenue: formatMinor(partner.revenue, decimals),
        payouts: partner.payouts.map((payout) => ({
          eventId: payout.eventId,
          at: new Date(payout.at).toISOString(),
          amount: formatMinor(payout.amount, decimals),
        })),
      };
    },
    record: recordOf,
    tierOf: (id) => engine.program.tiers[partnerOf(result.state, id)?.tier ?? -1]?.id ?? 'none',
    entries: (filter = {}) => result.ledger.filter((entry) => matches(entry, filter)),
    effectsOf: (filter) => result.effects.filter((effect) => matches(effect, filter as Partial<Effect>)),
  };
}

/** The SISO programme with some fields replaced: a quick custom programme for a test. */
export function sisoWith(changes: Partial<ProgramInput>): Program {
  return loadProgram({ ...JSON.parse(JSON.stringify(sisoProgram)), ...changes });
}
