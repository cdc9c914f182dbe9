// Cross-field checks the schema alone cannot express: unique ids, ordered ranks, unlocks and
// tiers that refer to something, minor-unit places, a real time zone, contiguous override levels.
import type { Issue, JsonPath } from '../issues.js';
import type { ProgramDocument } from './schema.js';

export function checkReferences(program: ProgramDocument): Issue[] {
  return [
    ...checkUniqueIds(program),
    ...checkTiers(program),
    ...checkUnlocks(program),
    ...checkAmounts(program),
    ...checkTimeZone(program.timeZone),
    ...checkOverrideLevels(program),
    ...checkVersions(program),
  ];
}

function duplicates(ids: readonly string[], path: (index: number) => JsonPath, what: string): Issue[] {
  const firstIndex = new Map<string, number>();
  const issues: Issue[] = [];
  ids.forEach((value, index) => {
    const seen = firstIndex.get(value);
    if (seen === undefined) firstIndex.set(value, index);
    else issues.push({ path: path(index), message: `${what} "${value}" is already used at index ${seen}` });
  });
  return issues;
}

function checkUniqueIds(program: ProgramDocument): Issue[] {
  return [
    ...duplicates(
      program.tiers.map((tier) => tier.id),
      (index) => ['tiers', index, 'id'],
      'tier id',
    ),
    ...duplicates(
      program.features.map((feature) => feature.id),
      (index) => ['features', index, 'id'],
      'feature id',
    ),
    ...duplicates(
      program.badges.map((badge) => badge.id),
      (index) => ['badges', index, 'id'],
      'badge id',
    ),
    ...duplicates(
      program.leaderboards.map((board) => board.id),
      (index) => ['leaderboards', index, 'id'],
      'leaderboard id',
    ),
    ...duplicates(
      program.milestones.map((milestone) => milestone.id),
      (index) => ['milestones', index, 'id'],
      'milestone id',
    ),
    ...duplicates(
      program.versions.map((version) => version.version),
      (index) => ['versions', index, 'version'],
      'version',
    ),
  ];
}

function checkTiers(program: ProgramDocument): Issue[] {
  const issues: Issue[] = [];
  program.tiers.forEach((tier, index) => {
    if (tier.rank !== index + 1) {
      issues.push({
        path: ['tiers', index, 'rank'],
        message: `tiers are listed in rank order from 1, so this one must have rank ${index + 1}, not ${tier.rank}`,
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
        issues.push({ path, message: `unlocks "${feature}", which is not in the programme's features` });
      } else if (earlier !== undefined) {
        issues.push({
          path,
          message: `"${feature}" is already unlocked by tier "${earlier}" (unlocks are cumulative)`,
        });
      } else {
        unlockedBy.set(feature, tier.id);
      }
    });
  });
  const custom = program.customTermsUnlock;
  if (custom !== undefined && !features.has(custom)) {
    issues.push({ path: ['customTermsUnlock'], message: `"${custom}" is not in the programme's features` });
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
      ? [{ path, message: 'a cap must be more than zero (leave it out for no cap)' }]
      : [],
  );
  const tooPrecise = amounts.flatMap(([path, amount]): Issue[] =>
    amount !== undefined && places(amount) > decimals
      ? [{ path, message: `"${amount}" has ${places(amount)} decimal places; ${code} allows ${decimals}` }]
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
  return isTimeZone(zone)
    ? []
    : [
        {
          path: ['timeZone'],
          message: `"${zone}" is not an IANA time zone (such as "UTC" or "Europe/Paris")`,
        },
      ];
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
        });
      }
      if (!tierIds.has(level.minTier)) {
        issues.push({
          path: [...path, 'levels', index, 'minTier'],
          message: `minTier "${level.minTier}" is not a tier of this programme`,
        });
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
      });
    }
    if (previous && Date.parse(previous.effectiveFrom) >= Date.parse(version.effectiveFrom)) {
      issues.push({
        path: ['versions', index, 'effectiveFrom'],
        message: 'versions must be listed in order of strictly increasing effectiveFrom',
      });
    }
    for (const tierId of Object.keys(version.tiers ?? {})) {
      if (!tierIds.has(tierId)) {
        issues.push({
          path: ['versions', index, 'tiers', tierId],
          message: `"${tierId}" is not a tier of this programme`,
        });
      }
    }
  });
  return issues;
}
