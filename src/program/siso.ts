// The seed's programme, shipped as the default: examples/programs/siso.json, validated on load.
import sisoDocument from '../../examples/programs/siso.json';
import { loadProgram, type Program } from './load.js';

/**
 * The SISO partner programme: four tiers (Starter 20 %, Active 22 %, Performer 25 %, Elite 30 %),
 * quarterly reviews, a 30-day hold, payouts on the 15th, five badges.
 *
 * @example
 * sisoProgram.tiers.map((tier) => tier.id)
 * //=> ['starter', 'active', 'performer', 'elite']
 */
export const sisoProgram: Program = loadProgram(sisoDocument);
