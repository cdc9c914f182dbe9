// The contract between the engine core and the programme's concepts. Each slice (partners,
// tiers, commissions, overrides, achievements) declares how it checks and reacts to events and to
// the clock; the core only runs them in order and never branches on what a slice is.
import type { EventError } from '../events/codes.js';
import type { PartnerEvent } from '../events/parse.js';
import type { CompiledProgram, CompiledVersion } from '../program/compile.js';
import type { Calendar, PeriodRange } from './calendar.js';
import type { Draft } from './draft.js';
import type { EffectDraft, LedgerEntry } from './outputs.js';
import type { DealState } from './state.js';

/** What a slice sees while it works on one event or one moment of time-driven work. */
export interface Context {
  readonly compiled: CompiledProgram;
  /** The programme version in force at `instant`. */
  readonly version: CompiledVersion;
  readonly calendar: Calendar;
  readonly draft: Draft;
  readonly at: string;
  readonly instant: number;
  /** The event being applied, or null for time-driven work. */
  readonly eventId: string | null;
  /** Partners whose facts changed during this event: rules are judged again for them. */
  readonly touched: Set<string>;
  /** Emits an effect; the core derives its id. */
  emit(effect: EffectDraft): void;
  record(entry: LedgerEntry): void;
}

export type EventOf<T extends PartnerEvent['type']> = Extract<PartnerEvent, { type: T }>;

type Handlers<R> = { readonly [T in PartnerEvent['type']]?: (context: Context, event: EventOf<T>) => R };

export interface Slice {
  readonly name: string;
  /**
   * Refusals that no time-driven work can change (unknown or duplicate ids, the currency): judged
   * first, so a refused event runs nothing, not even the work due by its time. Change nothing.
   */
  readonly check?: Handlers<EventError | null>;
  /**
   * Refusals that depend on the state at the event's time (a balance after holds ended, an unlock
   * after a review): judged after the work due by then. Change nothing.
   */
  readonly checkNow?: Handlers<EventError | null>;
  /** Reactions to an accepted event, in slice order. */
  readonly on?: Handlers<void>;
  /** Runs after this slice's handler for every accepted event (e.g. promote touched partners). */
  readonly afterEvent?: (context: Context) => void;
  /** A deal's hold period ended: its earnings become payable. */
  readonly holdEnded?: (context: Context, deal: DealState) => void;
  /** Calendar periods ended at `context.instant` (month always; quarter and year when they end). */
  readonly periodsEnded?: (context: Context, ended: readonly PeriodRange[]) => void;
  /** The payout run of the programme's schedule. */
  readonly payoutRun?: (context: Context) => void;
}
