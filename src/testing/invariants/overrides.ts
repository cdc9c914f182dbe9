// Overrides flow up the sponsor tree only: an override is earned by a strict upline of the
// seller, at least as many levels up as its level (exactly as many without compression), never
// by the seller itself, and each deal pays each upline and each level at most once.
import { type EngineState, type LedgerEntry, partnerOf, versionAt } from '../../index.js';
import { entryEvidence, type Invariant, type Violation, violation } from './types.js';

/** The sponsors above a partner, nearest first (a cycle, which the engine never makes, ends it). */
function uplineOf(state: EngineState, partnerId: string): string[] {
  const upline: string[] = [];
  let id = partnerOf(state, partnerId)?.sponsorId ?? null;
  while (id !== null && !upline.includes(id) && id !== partnerId) {
    upline.push(id);
    id = partnerOf(state, id)?.sponsorId ?? null;
  }
  return upline;
}

function placeOf(entry: LedgerEntry, state: EngineState, compression: boolean): string | null {
  if (entry.partnerId === entry.sourcePartnerId)
    return `${entry.partnerId} earns an override on its own deal`;
  const upline = uplineOf(state, entry.sourcePartnerId);
  const distance = upline.indexOf(entry.partnerId) + 1;
  if (distance === 0)
    return `${entry.partnerId} is not above ${entry.sourcePartnerId} (upline: ${upline.join(' > ') || 'none'})`;
  const level = entry.level ?? distance;
  if (distance < level || (!compression && distance !== level))
    return `${entry.partnerId} is ${distance} level(s) above ${entry.sourcePartnerId}, but is paid level ${level}`;
  return null;
}

function paidTwice(overrides: readonly LedgerEntry[]): Violation[] {
  const seen = new Map<string, LedgerEntry>();
  const found: Violation[] = [];
  for (const entry of overrides) {
    const keys = [`${entry.eventId}\u0000earner\u0000${entry.partnerId}`];
    if (entry.level !== undefined) keys.push(`${entry.eventId}\u0000level\u0000${entry.level}`);
    for (const key of keys) {
      const first = seen.get(key);
      if (!first) {
        seen.set(key, entry);
        continue;
      }
      const message = `deal ${entry.dealId} pays ${entry.partnerId} level ${entry.level ?? '?'} twice: ${first.id} and ${entry.id}`;
      found.push(violation('overridesFlowUp', message, [entryEvidence(first), entryEvidence(entry)]));
      break;
    }
  }
  return found;
}

export const overridesFlowUp: Invariant = {
  name: 'overridesFlowUp',
  description:
    "An override goes to a strict upline of the seller, at its level's distance (at least it, with compression), once per deal and level.",
  needsEvents: false,
  check: (engine, { result }) => {
    const overrides = result.ledger.filter((entry) => entry.kind === 'override');
    const misplaced = overrides.flatMap((entry) => {
      const plan = versionAt(engine.compiled, Date.parse(entry.at)).overrides;
      const problem = placeOf(entry, result.state, plan?.compression ?? false);
      return problem === null
        ? []
        : [violation('overridesFlowUp', `${entry.id}: ${problem}`, [entryEvidence(entry)])];
    });
    return [...misplaced, ...paidTwice(overrides)];
  },
};
