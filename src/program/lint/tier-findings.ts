// Which tiers a stream can reach. A partner holds a tier only while that tier's qualify rule and
// every lower tier's hold at the same moment (docs/tiers.md), so tier k is reachable exactly when
// the conjunction of qualify rules 1..k can hold. That conjunction is judged over every value the
// facts can take (an over-approximation of what streams produce), so "unreachable" is certain.
// Each version's rules are judged on their own: a tier reachable under one version is reachable.
import { formatPath, type JsonPath } from '../../issues.js';
import { finding, type RawFinding } from './findings.js';
import { type AnalysedRule, ruleFindings, whyNever } from './rule-findings.js';
import { ALWAYS, and, canHold, NEVER, type NormalForm } from './satisfiability.js';

/** The tiers of one version: its label and each tier's qualify rule in force (or null if it did not parse). */
export interface TierLadder {
  readonly version: string;
  readonly qualify: ReadonlyArray<AnalysedRule | null>;
}

export interface TierInfo {
  readonly id: string;
  readonly unlocks: readonly string[];
}

const formOf = (rule: AnalysedRule | null): NormalForm => (rule === null ? null : rule.holds);

// Why tier `index` of a ladder cannot be reached, or undefined when it can.
function blocked(
  ladder: TierLadder,
  tiers: readonly TierInfo[],
  index: number,
  reachable: boolean[],
): string | undefined {
  const own = ladder.qualify[index] ?? null;
  const name = (at: number) => JSON.stringify(tiers[at]?.id ?? String(at));
  const lower = reachable.findIndex((reached, at) => at >= 1 && at < index && !reached);
  if (lower >= 1)
    return `tier ${name(lower)} below it can never be reached, and partners climb the tiers in order`;
  const entry = ladder.qualify[0] ?? null;
  if (index >= 1 && !canHold(formOf(entry)) && entry !== null) {
    return `the entry tier's qualify rule can never hold (${whyNever(entry)}), so no partner ever leaves the entry tier`;
  }
  if (own !== null && !canHold(own.holds)) return `its qualify rule can never hold (${whyNever(own)})`;
  for (let at = 0; at < index; at++) {
    const other = ladder.qualify[at] ?? null;
    if (other !== null && !canHold(and(formOf(other), formOf(own)))) {
      return `its qualify rule can never hold together with tier ${name(at)}'s (${formatPath(other.path)}), and a tier counts only while every lower tier's rule holds too`;
    }
  }
  return 'its qualify rule can never hold together with the rules of the tiers below it, which must all hold at the same moment';
}

function reachability(ladder: TierLadder): boolean[] {
  let chain: NormalForm = ALWAYS;
  return ladder.qualify.map((rule, index) => {
    chain = and(chain, formOf(rule));
    return index === 0 || canHold(chain);
  });
}

function unreachableMessage(tier: TierInfo, reason: string, versions: readonly string[] | null): string {
  const count = tier.unlocks.length;
  const lost = count === 0 ? '' : `; its ${count === 1 ? 'unlock is' : `${count} unlocks are`} never granted`;
  const when =
    versions === null ? '' : ` under version${versions.length === 1 ? '' : 's'} ${versions.join(', ')}`;
  return `no partner can reach tier ${JSON.stringify(tier.id)}${when}: ${reason}${versions === null ? lost : ''}`;
}

/** TIER_UNREACHABLE for every tier no version lets a partner reach (a warning when some versions do). */
export function reachFindings(ladders: readonly TierLadder[], tiers: readonly TierInfo[]): RawFinding[] {
  const reached = ladders.map(reachability);
  const findings: RawFinding[] = [];
  tiers.forEach((tier, index) => {
    if (index === 0) return;
    const blockedIn = ladders.filter((_, at) => reached[at]?.[index] === false);
    if (blockedIn.length === 0) return;
    const ladder = blockedIn[0] as TierLadder;
    const reason = blocked(ladder, tiers, index, reached[ladders.indexOf(ladder)] ?? []);
    if (reason === undefined) return;
    const everywhere = blockedIn.length === ladders.length;
    // Where to look: the base rule, or, when only some versions block it, the first such version's rule.
    const path: JsonPath = everywhere
      ? ['tiers', index, 'qualify']
      : (ladder.qualify[index]?.path ?? ['tiers', index, 'qualify']);
    const versions = everywhere
      ? null
      : blockedIn.map((blockedLadder) => JSON.stringify(blockedLadder.version));
    findings.push(
      finding(
        everywhere ? 'error' : 'warning',
        'TIER_UNREACHABLE',
        path,
        unreachableMessage(tier, reason, versions),
      ),
    );
  });
  return findings;
}

/** The findings of each tier's qualify rule in itself: its comparisons, the entry tier's, one that always holds. */
export function qualifyFindings(rule: AnalysedRule, tierIndex: number, tierId: string): RawFinding[] {
  const findings = ruleFindings(rule, undefined);
  const always = !canHold(rule.fails);
  if (tierIndex === 0 && !always) {
    findings.push(
      finding(
        'warning',
        'ENTRY_TIER_QUALIFY',
        rule.path,
        `every partner starts at the entry tier ${JSON.stringify(tierId)} whatever this rule says; it only holds back promotions, since a tier counts only while every lower tier's rule holds`,
        'write { "all": [] } here and put the condition on the next tier',
      ),
    );
  }
  if (tierIndex > 0 && always && rule.holds !== NEVER) {
    findings.push(
      finding(
        'warning',
        'RULE_ALWAYS_HOLDS',
        rule.path,
        `this rule holds whatever the facts: every partner reaches tier ${JSON.stringify(tierId)} as soon as the tiers below it hold`,
      ),
    );
  }
  return findings;
}
