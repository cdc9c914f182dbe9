// Feature gating: unlocks are cumulative up the ranks, so a partner can use every feature of its
// tier and of each tier below. Asking about a feature the programme does not have is an error.

import { EngineError } from '../engine/errors.js';
import { type EngineState, partnerOf } from '../engine/state.js';
import type { CompiledProgram } from '../program/compile.js';

/** The features a partner holds now, in programme order. */
export function unlocksOf(compiled: CompiledProgram, tierIndex: number): readonly string[] {
  return compiled.versions[0]?.tiers[tierIndex]?.allUnlocks ?? [];
}

/**
 * Whether a partner may use a feature now.
 *
 * @throws {EngineError} UNKNOWN_FEATURE for a feature the programme does not declare,
 *   UNKNOWN_PARTNER for a partner that has not joined.
 * @example
 * can(compiled, state, 'p1', 'roi-calculator')   // p1 is Active
 * //=> true
 */
export function can(
  compiled: CompiledProgram,
  state: EngineState,
  partnerId: string,
  feature: string,
): boolean {
  if (!compiled.features.has(feature)) {
    throw new EngineError('UNKNOWN_FEATURE', `feature "${feature}" is not one of the programme's features`);
  }
  const partner = partnerOf(state, partnerId);
  if (!partner) throw new EngineError('UNKNOWN_PARTNER', `partner "${partnerId}" has not joined`);
  return unlocksOf(compiled, partner.tier).includes(feature);
}
