// Cross-field checks the schema alone cannot express: unique ids, ordered ranks, unlocks and
// tiers that refer to something, minor-unit places, a real time zone, contiguous override levels.
import { normaliseInstant } from '../events/instants.js';
import type { Issue, JsonPath } from '../issues.js';
import { didYouMean } from '../rules/suggest.js';
import type { ProgramDocument } from './schema.js';

/** A cross-field check and the top-level fields it reads (it runs only when they all parsed). */
export interface ReferenceCheck {
  readonly reads: ReadonlyArray<keyof ProgramDocument>;
  readonly check: (program: ProgramDocument) => Issue[];
}

/** Every cross-field check, in the order their issues are reported. */
export const REFERENCE_CHECKS: readonly ReferenceCheck[] = [
  { reads: ['tiers'], check: (program) => uniqueIds(program.tiers, 'tiers', 'tier id') },
  { reads: ['features'], check: (program) => uniqueIds(program.features, 'features', 'feature id') },
  { reads: ['badges'], check: (program) => uniqueIds(program.badges, 'badges', 'badge id') },
  {
    reads: ['leaderboards'],
    check: (program) => uniqueIds(program.leaderboards, 'leaderboards', 'leaderboard id'),
  },
  { reads: ['milestones'], check: (program) => uniqueIds(program.milestones, 'milestones', 'milestone id') },
  { reads: ['versions'], check: uniqueVersions },
  { reads: ['tiers', 'versions'], check: checkTiers },
  { reads: ['tiers', 'features', 'customTermsUnlock'], check: checkUnlocks },
  { reads: ['currency', 'payouts', 'overrides', 'versions'], check: checkAmounts },
  { reads: ['timeZone'], check: (program) => checkTimeZone(program.timeZone) },
  { reads: ['tiers', 'overrides', 'versions'], check: checkOverrideLevels },
  { reads: ['tiers', 'versions', 'version'], check: checkVersions },
];

export function checkReferences(program: ProgramDocument): Issue[] {
  return REFERENCE_CHECKS.flatMap(({ check }) => check(program));
}

function withSuggestion(issue: Issue, name: string, known: Iterable<string>): Issue {
  const suggestion = didYouMean(name, known);
  return suggestion === undefined ? issue : { ...issue, suggestion };
}

function duplicates(ids: readonly string[], path: (index: number) => JsonPath, what: string): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  ids.forEach((value, index) => {
    const seen = firstIndex.get(value);
    if (seen === undefined) firstIndex.set(value, index);
    else
      issues.push({
        path: path(index),
        message: `${what} "${value}" is already used at index ${seen}`,
        code: 'DUPLICATE_ID',
      });
  });
  return issues;
}

function uniqueIds(items: ReadonlyArray<{ readonly id: string }>, field: string, what: string): Issue[] {
  return duplicates(
    items.map((item) => item.id),
    (index) => [field, index, 'id'],
    what,
  );
}

function uniqueVersions(program: ProgramDocument): Issue[] {
  return duplicates(
    program.versions.map((version) => version.version),
    (index) => ['versions', index, 'version'],
    'version',
  );
}

function checkTiers(program: ProgramDocument): Issue[] {
  const issues: Issue[] = [];
  program.tiers.forEach((tier, index) => {
    if (tier.rank !== index + 1) {
      issues.push({
        path: ['tiers', index, 'rank'],
        message: `tiers are listed in rank order from 1, so this one must have rank ${index + 1}, not ${tier.rank}`,
        code: 'RANK_ORDER',
      });
    }
  });
  // A failed review demotes one tier and there is none below the first, so the engine never
  // judges its maintain rule: refuse it rather than ignore it silently.
  const first = program.tiers[0];
  const firstMaintain: JsonPath[] = first?.maintain ? [['tiers', 0, 'maintain']] : [];
  program.versions.forEach((version, index) => {
    const changes = version.tiers ?? {};
    if (first && Object.hasOwn(changes, first.id) && changes[first.id]?.maintain) {
      firstMaintain.push(['versions', index, 'tiers', first.id, 'maintain']);
    }
  });
  for (const path of firstMaintain) {
    issues.push({
      path,
      message: 'the first tier cannot be lost (there is no tier below it), so it takes no maintain rule',
      code: 'ENTRY_TIER_MAINTAIN',
    });
  }
  return issues;
}

function checkUnlocks(program: ProgramDocument): Issue[] {
  const features = new Set(program.features.map((feature) => feature.id));
  const unlockedBy = new Map<string, string>();
  const issues: Issue[] = [];
  program.tiers.forEach((tier, tierIndex) => {
    tier.unlocks.forEach((feature, unlockIndex) => {
      const path = ['tiers', tierIndex, 'unlocks', unlockIndex];
      const earlier = unlockedBy.get(feature);
      if (!features.has(feature)) {
        const message = `unlocks "${feature}", which is not in the programme's features`;
        issues.push(withSuggestion({ path, message, code: 'UNKNOWN_FEATURE' }, feature, features));
      } else if (earlier !== undefined) {
        issues.push({
          path,
          message: `"${feature}" is already unlocked by tier "${earlier}" (unlocks are cumulative)`,
          code: 'FEATURE_UNLOCKED_TWICE',
        });
      } else {
        unlockedBy.set(feature, tier.id);
      }
    });
  });
  const custom = program.customTermsUnlock;
  if (custom !== undefined && !features.has(custom)) {
    const message = `"${custom}" is not in the programme's features`;
    issues.push(
      withSuggestion({ path: ['customTermsUnlock'], message, code: 'UNKNOWN_FEATURE' }, custom, features),
    );
  }
  return issues;
}

function places(amount: string): number {
  const point = amount.indexOf('.');
  return point < 0 ? 0 : amount.length - point - 1;
}

function checkAmounts(program: ProgramDocument): Issue[] {
  const { code, decimals } = program.currency;
  const amounts: Array<[JsonPath, string | undefined]> = [
    [['payouts', 'minimum'], program.payouts.minimum],
    [['overrides', 'caps', 'perDeal'], program.overrides?.caps?.perDeal],
    [
      ['overrides', 'caps', 'perPartnerPerPeriod', 'amount'],
      program.overrides?.caps?.perPartnerPerPeriod?.amount,
    ],
  ];
  program.versions.forEach((version, index) => {
    amounts.push([['versions', index, 'payouts', 'minimum'], version.payouts?.minimum]);
    amounts.push([['versions', index, 'overrides', 'caps', 'perDeal'], version.overrides?.caps?.perDeal]);
    amounts.push([
      ['versions', index, 'overrides', 'caps', 'perPartnerPerPeriod', 'amount'],
      version.overrides?.caps?.perPartnerPerPeriod?.amount,
    ]);
  });
  const caps: Array<[JsonPath, string | undefined]> = [
    [['overrides', 'caps', 'perDeal'], program.overrides?.caps?.perDeal],
    [
      ['overrides', 'caps', 'perPartnerPerPeriod', 'amount'],
      program.overrides?.caps?.perPartnerPerPeriod?.amount,
    ],
  ];
  const zeroCaps = caps.flatMap(([path, amount]): Issue[] =>
    amount !== undefined && /^0*(\.0*)?$/.test(amount)
      ? [{ path, message: 'a cap must be more than zero (leave it out for no cap)', code: 'ZERO_CAP' }]
      : [],
  );
  const tooPrecise = amounts.flatMap(([path, amount]): Issue[] =>
    amount !== undefined && places(amount) > decimals
      ? [
          {
            path,
            message: `"${amount}" has ${places(amount)} decimal places; ${code} allows ${decimals}`,
            code: 'AMOUNT_PLACES',
          },
        ]
      : [],
  );
  return [...zeroCaps, ...tooPrecise];
}

/** True when the runtime knows the IANA zone (Node ships full ICU). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkTimeZone(zone: string): Issue[] {
  if (isTimeZone(zone)) return [];
  const issue: Issue = {
    path: ['timeZone'],
    message: `"${zone}" is not an IANA time zone (such as "UTC" or "Europe/Paris")`,
    code: 'UNKNOWN_TIME_ZONE',
  };
  return [withSuggestion(issue, zone, Intl.supportedValuesOf('timeZone'))];
}

function checkOverrideLevels(program: ProgramDocument): Issue[] {
  const tierIds = new Set(program.tiers.map((tier) => tier.id));
  const plans = [{ path: ['overrides'] as JsonPath, plan: program.overrides }];
  program.versions.forEach((version, index) => {
    plans.push({ path: ['versions', index, 'overrides'], plan: version.overrides });
  });
  const issues: Issue[] = [];
  for (const { path, plan } of plans) {
    plan?.levels.forEach((level, index) => {
      if (level.level !== index + 1) {
        issues.push({
          path: [...path, 'levels', index, 'level'],
          message: `levels are numbered contiguously from 1, so this one must be level ${index + 1}`,
          code: 'OVERRIDE_LEVEL_ORDER',
        });
      }
      if (!tierIds.has(level.minTier)) {
        const issue: Issue = {
          path: [...path, 'levels', index, 'minTier'],
          message: `minTier "${level.minTier}" is not a tier of this programme`,
          code: 'UNKNOWN_TIER',
        };
        issues.push(withSuggestion(issue, level.minTier, tierIds));
      }
    });
  }
  return issues;
}

function checkVersions(program: ProgramDocument): Issue[] {
  const tierIds = new Set(program.tiers.map((tier) => tier.id));
  const issues: Issue[] = [];
  program.versions.forEach((version, index) => {
    const previous = program.versions[index - 1];
    if (version.version === program.version) {
      issues.push({
        path: ['versions', index, 'version'],
        message: `"${version.version}" is the base document's version; each version needs its own label`,
        code: 'VERSION_LABEL',
      });
    }
    // Held to the rule of an event's instants: versions are found by comparing epoch milliseconds,
    // so "…00.0005Z" would be in force from "…00.000Z", before the instant it names.
    const instant = normaliseInstant('effectiveFrom', version.effectiveFrom);
    if (!instant.ok) {
      issues.push({
        path: ['versions', index, 'effectiveFrom'],
        message: instant.message,
        code: 'VERSION_INSTANT',
      });
    }
    if (previous && Date.parse(previous.effectiveFrom) >= Date.parse(version.effectiveFrom)) {
      issues.push({
        path: ['versions', index, 'effectiveFrom'],
        message: 'versions must be listed in order of strictly increasing effectiveFrom',
        code: 'VERSION_ORDER',
      });
    }
    for (const tierId of Object.keys(version.tiers ?? {})) {
      if (!tierIds.has(tierId)) {
        const issue: Issue = {
          path: ['versions', index, 'tiers', tierId],
          message: `"${tierId}" is not a tier of this programme`,
          code: 'UNKNOWN_TIER',
        };
        issues.push(withSuggestion(issue, tierId, tierIds));
      }
    }
  });
  return issues;
}
