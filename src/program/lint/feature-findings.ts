// Features no tier grants: declared, perhaps gated by the host, but no partner can ever hold them.
import { finding, type RawFinding } from './findings.js';
import type { TierInfo } from './tier-findings.js';

export function featureFindings(
  tiers: readonly TierInfo[],
  features: readonly unknown[],
  customTermsUnlock: unknown,
): RawFinding[] {
  const granted = new Set(tiers.flatMap((tier) => tier.unlocks));
  const findings: RawFinding[] = [];
  features.forEach((feature, index) => {
    const id = feature !== null && typeof feature === 'object' ? (feature as { id?: unknown }).id : undefined;
    if (typeof id !== 'string' || granted.has(id)) return;
    const custom =
      customTermsUnlock === id ? ' (it is the customTermsUnlock, so nobody can have custom terms)' : '';
    findings.push(
      finding(
        'warning',
        'FEATURE_NEVER_UNLOCKED',
        ['features', index, 'id'],
        `no tier unlocks ${JSON.stringify(id)}, so no partner ever holds it${custom}`,
        "add it to a tier's unlocks, or remove it",
      ),
    );
  });
  return findings;
}
