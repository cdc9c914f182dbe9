// The contract between the engine core and the programme's concepts. Each slice (partners,
// tiers, commissions, overrides, achievements) declares how it checks and reacts to events and to
// the clock; the core only runs them in order and never branches on what a slice is.
import type { EventError } from '../events/codes.js';
import type { PartnerEvent } from '../events/parse.js';
import type { CompiledProgram, CompiledVersion } from '../program/compile.js';
import type { Calendar, PeriodRange } from './calendar.js';
import type { Change, ChangeOf } from './changes.js';
import type { Draft } from './draft.js';
import type { EffectDraft, LedgerEntry } from './outputs.js';
import type { EventPhase } from './phases.js';
import type { DealState } from './state.js';
import type { Touched } from './touched.js';

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
  /** Partners whose facts changed during this event, and which sources: rules are judged again for them. */
  readonly touched: Touched;
  /** Tells every slice that reacts to this kind of change, in slice order, before returning. */
  announce(change: Change): void;
  /** Emits an effect; the core derives its id. */
  emit(effect: EffectDraft): void;
  record(entry: LedgerEntry): void;
}

export type EventOf<T extends PartnerEvent['type']> = Extract<PartnerEvent, { type: T }>;

type Handlers<R> = { readonly [T in PartnerEvent['type']]?: (context: Context, event: EventOf<T>) => R };

/** A slice's part of one phase: its reaction to an event's type (`on`), and work for every event (`each`). */
export interface PhaseWork {
  readonly on?: Handlers<void>;
  readonly each?: (context: Context) => void;
}

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
  /**
   * The event types whose `checkNow` refusal time-driven work can lift but never cause, because
   * what it reads only grows as time passes (a payable balance: holds ending add to it, nothing
   * due at a moment takes from it). Such an event accepted before the work due by its time is
   * accepted after it, so the core judges it on the draft as it is and copies nothing.
   */
  readonly easedByTime?: readonly PartnerEvent['type'][];
  /** How the slice reacts to changes other slices announce (see changes.ts). */
  readonly reactsTo?: { readonly [T in Change['type']]?: (context: Context, change: ChangeOf<T>) => void };
  /** What the slice does in each phase of an accepted event (see phases.ts). */
  readonly phases?: { readonly [P in EventPhase]?: PhaseWork };
  /** A deal's hold period ended: its earnings become payable. */
  readonly holdEnded?: (context: Context, deal: DealState) => void;
  /** Calendar periods ended at `context.instant` (month always; quarter and year when they end). */
  readonly periodsEnded?: (context: Context, ended: readonly PeriodRange[]) => void;
  /** The payout run of the programme's schedule. */
  readonly payoutRun?: (context: Context) => void;
}
