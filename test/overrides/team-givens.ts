// Givens for the override tests: programmes that are SISO with another `overrides` block, a
// sponsor chain whose partners hold the tiers a test needs, and a compact view of a deal's
// override entries for exact assertions.
import type { LedgerEntry } from '../../src/engine/outputs.js';
import type { Program } from '../../src/program/load.js';
import type { OverridesDefinition, ProgramInput } from '../../src/program/schema.js';
import { sisoProgram } from '../../src/program/siso.js';
import { joinedPartner, partnerAt, type TierId } from '../commissions/givens.js';
import type { Outcome } from '../support/scenario.js';
import { sisoWith } from '../support/scenario.js';

/** An override block as a programme author writes it (defaults may be left out). */
export type OverridesInput = Partial<Omit<OverridesDefinition, 'levels'>> & {
  readonly levels: OverridesDefinition['levels'];
};

/** The three levels these tests use: 10 % from Active, 5 % from Performer, 2 % from Elite. */
export const THREE_LEVELS: OverridesDefinition['levels'] = [
  { level: 1, rate: '0.10', minTier: 'active' },
  { level: 2, rate: '0.05', minTier: 'performer' },
  { level: 3, rate: '0.02', minTier: 'elite' },
];

/** SISO with `overrides` replaced (three levels, no compression, unless told otherwise). */
export function withOverrides(overrides: Partial<OverridesInput> = {}): Program {
  return sisoWith({ overrides: { levels: THREE_LEVELS, ...overrides } });
}

/** SISO's tiers as a programme document writes them (a copy a test may change). */
export function sisoTiers(): ProgramInput['tiers'] {
  return (JSON.parse(JSON.stringify(sisoProgram)) as ProgramInput).tiers;
}

/** The tiers of a chain a → b → c (a at the top); d, the seller, joins under c uncertified. */
export interface ChainTiers {
  readonly a: TierId;
  readonly b: TierId;
  readonly c: TierId;
}

/**
 * a → b → c → d: a reaches its tier on 1 January, b (sponsored by a) on 3 January, c (by b) on
 * 5 January, each with runs of 1,000.00 deals; d joins under c on 7 January, a Starter.
 */
export function chain(tiers: ChainTiers): unknown[] {
  return [
    ...partnerAt(tiers.a, 'a', '2025-01-01'),
    ...partnerAt(tiers.b, 'b', '2025-01-03', 'a'),
    ...partnerAt(tiers.c, 'c', '2025-01-05', 'b'),
    ...joinedPartner('d', '2025-01-07', { sponsorId: 'c', certified: false }),
  ];
}

/** The fields of an override entry that say who earns what from which level. */
export function overrideOf(entry: LedgerEntry) {
  const { partnerId, level, rate, basis, amount } = entry;
  return { partnerId, level, rate, basis, amount };
}

/** A deal's override entries (not their clawbacks), in the order they were made. */
export function overridesOn(outcome: Outcome, dealId: string) {
  return outcome.entries({ dealId, kind: 'override' }).map(overrideOf);
}
