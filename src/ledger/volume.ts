// The money a state takes in over its life (every deal's amount, every payout reported), bounded
// so that every total the state keeps in minor units stays a safe integer. An event that would
// pass the bound is rejected on its own; the rest of the stream goes on.
import type { Context } from '../engine/slice.js';
import { type EventError, eventError } from '../events/codes.js';
import { addMinor, formatMinor, MAX_VOLUME_MINOR, type MinorUnits, minorOfAmount } from '../money/minor.js';

/** An event amount in the programme's minor units (Infinity beyond a safe integer). */
export function minorOfEvent(context: Pick<Context, 'compiled'>, amount: string): MinorUnits {
  return minorOfAmount(amount, context.compiled.program.currency.decimals);
}

/** AMOUNT_OUT_OF_RANGE when taking `amount` in would pass the state's money volume bound. */
export function volumeRefusal(context: Context, amount: string): EventError | null {
  const minor = minorOfEvent(context, amount);
  if (context.draft.state.volume + minor <= MAX_VOLUME_MINOR) return null;
  const places = context.compiled.program.currency.decimals;
  return eventError(
    'AMOUNT_OUT_OF_RANGE',
    'amount',
    `amount ${amount} would take the money this state has taken in past ${formatMinor(MAX_VOLUME_MINOR, places)}, the most one state keeps exactly`,
  );
}

/** Counts an accepted amount (checked by volumeRefusal) into the state's volume. */
export function takeIn(context: Context, amount: MinorUnits): void {
  context.draft.state.volume = addMinor(context.draft.state.volume, amount);
}
