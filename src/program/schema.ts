// The programme as data: one zod schema is the source of truth for its shape, its TypeScript
// types (z.infer) and the shipped JSON Schema. Cross-field checks (tier ids, rules, references)
// live in references.ts and rules.ts; this file only says what each field is.
import { z } from 'zod';
import { ratePlacesProblem } from '../events/normalise.js';
import { ROUNDING_MODES } from '../money/rounding.js';
import { conditionSchema } from '../rules/condition.js';
import { ownKeyRecord } from './own-key-record.js';

const id = z
  .string()
  .min(1, 'must be a non-empty id')
  .max(200, 'must be at most 200 characters')
  .describe('An identifier: letters, digits, dashes; stable across versions.');

/** A rate such as "0.22": a decimal string in [0, 1], never a float. */
export const rateSchema = z
  .string({ error: 'must be a rate written as a decimal string such as "0.22"' })
  .regex(/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/, 'must be a decimal string between "0" and "1", such as "0.22"')
  .refine((text) => ratePlacesProblem(text) === undefined, {
    error: (issue) => ratePlacesProblem(String(issue.input)) ?? 'has too many decimal places',
    // Only a rate that is otherwise well written: one problem at a time.
    when: (payload) => payload.issues.length === 0,
  })
  .describe('A rate as a decimal string in [0, 1], e.g. "0.22" for 22 %.');

/** A non-negative amount such as "50.00"; its places are checked against the currency later. */
export const amountSchema = z
  .string({ error: 'must be an amount written as a decimal string such as "50.00"' })
  .regex(/^\d+(?:\.\d+)?$/, 'must be a non-negative decimal string such as "50.00"')
  .describe('An amount as a decimal string in the programme currency, e.g. "50.00".');

// Counts with messages an author understands ("must be a whole number of at least 1") rather than
// zod's "Too small: expected number to be >0".
const positiveCount = () =>
  z.int({ error: 'must be a whole number' }).min(1, 'must be a whole number of at least 1');
const count = () => z.int({ error: 'must be a whole number' }).min(0, 'must be a whole number, 0 or more');

/**
 * The longest hold period, in days: a century, the length of the range of instants events may
 * name. A longer hold could never end within that range, and a hold of millions of days ends at
 * an instant no state can keep (its year has more than four digits, or Date cannot hold it).
 */
export const MAX_HOLD_PERIOD_DAYS = 36_525;
const holdPeriod = () =>
  count().max(
    MAX_HOLD_PERIOD_DAYS,
    `must be at most ${MAX_HOLD_PERIOD_DAYS} days (a century, the range of instants events may name)`,
  );

const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 date-time with an offset or Z' })
  .describe('ISO-8601 date-time with offset or Z, e.g. "2025-07-01T00:00:00Z".');

export const periodSchema = z
  .enum(['month', 'quarter', 'year'])
  .describe('A calendar period in the programme time zone.');
export const leaderboardPeriodSchema = z.enum(['month', 'quarter', 'year', 'all-time']);
export const leaderboardMetricSchema = z
  .enum(['revenue', 'deals', 'commission'])
  .describe('revenue: net amounts of counted deals; deals: counted deals; commission: earned ledger total.');

/** A rule: the schema behind every `qualify`, `maintain`, `when` and `eligibility`. */
export const ruleSchema = conditionSchema.describe(
  'A json-rules-engine condition over partner facts (see docs/rules.md).',
);

export const tierSchema = z
  .strictObject({
    /** The tier's id, used by rules, amendments and `minTier`. */
    id,
    /** The tier’s name as partners see it, e.g. "Active Partner". */
    name: z.string().min(1).describe('The tier\u2019s name as partners see it, e.g. "Active Partner".'),
    /** 1 for the entry tier; each next tier one higher. */
    rank: positiveCount().describe('1 for the entry tier; each next tier one higher.'),
    /** Promotion happens the moment this holds (and every lower tier's holds). */
    qualify: ruleSchema.describe(
      'Promotion happens the moment this holds (and every lower tier\u2019s holds).',
    ),
    /** Judged at each review over the period that ended; absent means the tier is never reviewed. */
    maintain: ruleSchema
      .optional()
      .describe('Judged at each review over the period that ended; absent means the tier is never reviewed.'),
    /** Commission on the partner’s own deals. */
    baseRate: rateSchema.describe('Commission on the partner\u2019s own deals.'),
    /** Bonus on a referred partner’s first counted deal, paid to a sponsor holding this tier. */
    referralBonusRate: rateSchema
      .optional()
      .describe(
        'Bonus on a referred partner\u2019s first counted deal, paid to a sponsor holding this tier.',
      ),
    /** How many partners may hold this tier at once; others wait, first come first served. */
    capacity: positiveCount()
      .optional()
      .describe('How many partners may hold this tier at once; others wait, first come first served.'),
    /** Feature ids this tier adds; unlocks are cumulative up the ranks. */
    unlocks: z.array(id).describe('Feature ids this tier adds; unlocks are cumulative up the ranks.'),
    /** The unlocking message: shown on promotion and in progress. */
    message: z.string().optional().describe('The unlocking message: shown on promotion and in progress.'),
    /** On promotion, top up the earlier counted deals of the same period to this tier’s rate. */
    retroactive: z
      .strictObject({
        /** The period whose earlier counted deals are topped up: the one the promotion falls in. */
        period: periodSchema,
      })
      .optional()
      .describe(
        'On promotion, top up the earlier counted deals of the same period to this tier\u2019s rate.',
      ),
  })
  .describe('A tier: how to reach it, keep it, and what it gives.');

export const featureSchema = z
  .strictObject({
    /** The feature's id, which tiers list in `unlocks` and a host passes to `can`. */
    id,
    /** The feature’s name as partners see it. */
    name: z.string().min(1).describe('The feature\u2019s name as partners see it.'),
    /** What the feature gives, for people. */
    description: z.string().optional().describe('What the feature gives, for people.'),
  })
  .describe('A feature a tier can unlock; the host gates it with can(partner, feature).');

export const overrideLevelSchema = z.strictObject({
  /** 1 = direct sub-partners, 2 = their sub-partners, ... */
  level: positiveCount().describe('1 = direct sub-partners, 2 = their sub-partners, ...'),
  /** The override rate at this level, on the basis the plan names. */
  rate: rateSchema,
  /** The lowest tier the upline partner must hold when the deal closes. */
  minTier: id.describe('The lowest tier the upline partner must hold when the deal closes.'),
  /** An activity gate over the upline partner’s facts, e.g. a deal of its own this month. */
  eligibility: ruleSchema
    .optional()
    .describe('An activity gate over the upline partner\u2019s facts, e.g. a deal of its own this month.'),
});

export const overridesSchema = z
  .strictObject({
    /** What the level rate applies to: the deal amount or the sub-partner’s commission. */
    basis: z
      .enum(['deal-amount', 'commission'])
      .default('deal-amount')
      .describe('What the level rate applies to: the deal amount or the sub-partner\u2019s commission.'),
    /** Skip ineligible uplines: the next eligible one takes the level. */
    compression: z
      .boolean()
      .default(false)
      .describe('Skip ineligible uplines: the next eligible one takes the level.'),
    /** One entry per level up the sponsor tree, numbered 1, 2, 3... without gaps. */
    levels: z
      .array(overrideLevelSchema)
      .describe('One entry per level up the sponsor tree, numbered 1, 2, 3... without gaps.'),
    /** Upper limits on override earnings; absent: no cap. */
    caps: z
      .strictObject({
        /** Most any one upline earns in overrides from one deal. */
        perDeal: amountSchema.optional().describe('Most any one upline earns in overrides from one deal.'),
        /** Most a partner earns in overrides in one period. */
        perPartnerPerPeriod: z
          .strictObject({
            /** The most, in the programme currency. */
            amount: amountSchema,
            /** The period the cap counts over. */
            period: periodSchema,
          })
          .optional()
          .describe('Most a partner earns in overrides in one period.'),
      })
      .optional()
      .describe('Upper limits on override earnings; absent: no cap.'),
  })
  .describe('Team overrides on sub-partners\u2019 deals.');

const badgeName = z.string().min(1).describe('The badge\u2019s name as partners see it.');
const badgeDescription = z.string().optional().describe('What the badge is for, for people.');

const ruleBadgeSchema = z.strictObject({
  /** The badge's id, as in badge effects and awards. */
  id,
  /** The badge's name as partners see it. */
  name: badgeName,
  /** What the badge is for, for people. */
  description: badgeDescription,
  /** Awarded when this holds after an event. */
  when: ruleSchema.describe('Awarded when this holds after an event.'),
  /** Awarded again at most once per period; absent means once ever. */
  repeatable: z
    .strictObject({
      /** The period within which the badge is awarded at most once. */
      period: periodSchema,
    })
    .optional()
    .describe('Awarded again at most once per period; absent means once ever.'),
  /** Bronze/silver/gold style levels, lowest first; each awarded once. */
  levels: z
    .array(
      z.strictObject({
        /** The level's id, as in badge effects and awards (`level`). */
        id,
        /** The level's name as partners see it. */
        name: badgeName,
        /** This level is awarded when this holds. */
        when: ruleSchema.describe('This level is awarded when this holds.'),
      }),
    )
    .optional()
    .describe('Bronze/silver/gold style levels, lowest first; each awarded once.'),
});

const leaderboardBadgeSchema = z.strictObject({
  /** The badge's id, as in badge effects and awards. */
  id,
  /** The badge's name as partners see it. */
  name: badgeName,
  /** What the badge is for, for people. */
  description: badgeDescription,
  /** Awarded to everyone tied first on this metric when each period ends. */
  leaderboard: z
    .strictObject({
      /** The calendar period each win is judged over. */
      period: periodSchema,
      /** What partners are ranked by. */
      metric: leaderboardMetricSchema,
      /** tier: one winner set per tier held when the period ends. */
      scope: z.enum(['tier', 'all']).describe('tier: one winner set per tier held when the period ends.'),
    })
    .describe('Awarded to everyone tied first on this metric when each period ends.'),
  /** Counted: awarded again each period it is won. */
  repeatable: z.boolean().default(true).describe('Counted: awarded again each period it is won.'),
});

export const badgeSchema = z
  .union([ruleBadgeSchema, leaderboardBadgeSchema], {
    // Reported when neither form comes closer than the other, e.g. a badge with neither key.
    error: 'a badge needs either "when" (a rule) or "leaderboard" (a leaderboard it is won on)',
  })
  .describe('A badge: awarded by a rule (`when`) or by winning a leaderboard (`leaderboard`).');

export const leaderboardSchema = z
  .strictObject({
    /** The leaderboard's id, which a host passes to `engine.board`. */
    id,
    /** The leaderboard’s name as partners see it. */
    name: z.string().min(1).describe('The leaderboard\u2019s name as partners see it.'),
    /** The calendar period ranked, or "all-time". */
    period: leaderboardPeriodSchema.describe('The calendar period ranked, or "all-time".'),
    /** What partners are ranked by. */
    metric: leaderboardMetricSchema,
    /** Rank each tier separately. */
    byTier: z.boolean().default(false).describe('Rank each tier separately.'),
  })
  .describe('A ranking of partners; ties share a rank, ordered by partner id.');

export const milestoneSchema = z
  .strictObject({
    /** The milestone's id, as in milestone effects. */
    id,
    /** The celebration message shown to the partner. */
    message: z.string().min(1).describe('The celebration message shown to the partner.'),
    /** Reached (once) when this first holds. */
    when: ruleSchema.describe('Reached (once) when this first holds.'),
  })
  .describe('A moment worth celebrating; it changes no money and no tier.');

export const payoutsSchema = z
  .strictObject({
    /** Payout runs at the start of this day each month. */
    dayOfMonth: z
      .int({ error: 'must be a whole number' })
      .min(1, 'must be a day from 1 to 28 (every month has those)')
      .max(28, 'must be a day from 1 to 28 (every month has those)')
      .describe('Payout runs at the start of this day each month.'),
    /** A payable balance below this carries over to the next run. */
    minimum: amountSchema.describe('A payable balance below this carries over to the next run.'),
  })
  .describe('The monthly payout run.');

const tierAmendmentSchema = z
  .strictObject({
    /** The new base rate. */
    baseRate: rateSchema.optional().describe('The new base rate.'),
    /** The new referral bonus; null removes it. */
    referralBonusRate: rateSchema.nullable().optional().describe('The new referral bonus; null removes it.'),
    /** The new qualify rule. */
    qualify: ruleSchema.optional().describe('The new qualify rule.'),
    /** The new maintain rule. */
    maintain: ruleSchema.optional().describe('The new maintain rule.'),
    /** The new capacity; null removes the limit. */
    capacity: positiveCount().nullable().optional().describe('The new capacity; null removes the limit.'),
  })
  .describe('What changes for this tier; fields left out stay as they were.');

export const versionSchema = z
  .strictObject({
    /** This version’s label, e.g. "2025.2". */
    version: z.string().min(1).describe('This version\u2019s label, e.g. "2025.2".'),
    /** The instant from which deals are paid under this version. */
    effectiveFrom: isoDateTime.describe('The instant from which deals are paid under this version.'),
    /** Changes by tier id. */
    tiers: ownKeyRecord(tierAmendmentSchema).optional().describe('Changes by tier id.'),
    /** Replaces the override plan from this date. */
    overrides: overridesSchema.optional().describe('Replaces the override plan from this date.'),
    /** Replaces the payout run from this date. */
    payouts: payoutsSchema.optional().describe('Replaces the payout run from this date.'),
    /** Replaces the hold period from this date. */
    holdPeriodDays: holdPeriod().optional().describe('Replaces the hold period from this date.'),
  })
  .describe(
    'A later version of the programme: what changes, from when. Deals are paid under the version in force when they closed.',
  );

export const programSchema = z
  .strictObject({
    /** Where editors find this JSON Schema. */
    $schema: z.string().optional().describe('Where editors find this JSON Schema.'),
    /** The programme's id; a saved state remembers it and is refused by another programme. */
    id,
    /** The programme’s name as partners see it. */
    name: z.string().min(1).describe('The programme\u2019s name as partners see it.'),
    /** The version label of this document, e.g. "2025.1". */
    version: z.string().min(1).describe('The version label of this document, e.g. "2025.1".'),
    /** The one currency every amount is in. */
    currency: z
      .strictObject({
        /** ISO 4217 code; every deal must be in it. */
        code: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as "USD"')
          .describe('ISO 4217 code; every deal must be in it.'),
        /** Minor-unit places: 2 for USD, 0 for JPY. */
        decimals: z
          .int({ error: 'must be a whole number' })
          .min(0, 'must be from 0 to 8')
          .max(8, 'must be from 0 to 8')
          .describe('Minor-unit places: 2 for USD, 0 for JPY.'),
      })
      .describe('The one currency every amount is in.'),
    /** How each ledger entry is rounded to minor units. */
    rounding: z.enum(ROUNDING_MODES).describe('How each ledger entry is rounded to minor units.'),
    /** IANA time zone for every period boundary, e.g. "UTC", "Europe/London". */
    timeZone: z
      .string()
      .min(1)
      .describe('IANA time zone for every period boundary, e.g. "UTC", "Europe/London".'),
    /** Every feature a tier can unlock. */
    features: z.array(featureSchema).describe('Every feature a tier can unlock.'),
    /** The tiers, lowest first, ranked 1, 2, 3... */
    tiers: z
      .array(tierSchema)
      .min(1, 'a programme needs at least one tier')
      .describe('The tiers, lowest first, ranked 1, 2, 3...'),
    /** Periodic reviews of each tier’s maintain rule. */
    reviews: z
      .strictObject({
        /** How often each tier is reviewed against its maintain rule. */
        period: periodSchema,
        /** Failed reviews spent at risk before a demotion (1: at risk, then demoted). */
        graceReviews: count()
          .default(1)
          .describe('Failed reviews spent at risk before a demotion (1: at risk, then demoted).'),
      })
      .describe('Periodic reviews of each tier\u2019s maintain rule.'),
    /** Days an earning stays pending (the refund window). */
    holdPeriodDays: holdPeriod().describe('Days an earning stays pending (the refund window).'),
    /** The monthly payout run. */
    payouts: payoutsSchema,
    /** Team overrides on sub-partners' deals; absent: no overrides. */
    overrides: overridesSchema.optional(),
    /** The feature a partner must hold for custom terms or a custom deal rate; absent: nobody may. */
    customTermsUnlock: id
      .optional()
      .describe(
        'The feature a partner must hold for custom terms or a custom deal rate; absent: nobody may.',
      ),
    /** Badges partners can earn. */
    badges: z.array(badgeSchema).default([]).describe('Badges partners can earn.'),
    /** Rankings the host can show. */
    leaderboards: z.array(leaderboardSchema).default([]).describe('Rankings the host can show.'),
    /** Celebration effects. */
    milestones: z.array(milestoneSchema).default([]).describe('Celebration effects.'),
    /** Later versions, in effective-date order. */
    versions: z.array(versionSchema).default([]).describe('Later versions, in effective-date order.'),
  })
  .describe('A partner programme for @siso/partner-engine.');

/**
 * A programme document as written (before defaults).
 *
 * @interface
 */
export type ProgramInput = z.input<typeof programSchema>;
/**
 * A programme document after parsing (defaults filled in).
 *
 * @interface
 */
export type ProgramDocument = z.output<typeof programSchema>;
/**
 * A tier of a programme document: how to reach it, keep it, and what it gives.
 *
 * @interface
 */
export type TierDefinition = z.output<typeof tierSchema>;
/**
 * The override plan of a programme document: what the level rates apply to, the levels, the caps.
 *
 * @interface
 */
export type OverridesDefinition = z.output<typeof overridesSchema>;
/**
 * One level of the override plan: its rate and who up the sponsor tree may earn it.
 *
 * @interface
 */
export type OverrideLevel = z.output<typeof overrideLevelSchema>;
/**
 * A badge of a programme document: awarded by a rule (`when`) or by winning a leaderboard
 * (`leaderboard`).
 *
 * @useDeclaredType
 */
export type BadgeDefinition = z.output<typeof badgeSchema>;
/**
 * A leaderboard of a programme document: a ranking of partners the host can show.
 *
 * @interface
 */
export type LeaderboardDefinition = z.output<typeof leaderboardSchema>;
/**
 * A milestone of a programme document: a moment worth celebrating, with no money and no tier.
 *
 * @interface
 */
export type MilestoneDefinition = z.output<typeof milestoneSchema>;
/**
 * A later version of a programme: what changes, from when.
 *
 * @interface
 */
export type VersionDefinition = z.output<typeof versionSchema>;
/**
 * A calendar period in the programme's time zone: `month`, `quarter` or `year`.
 *
 * @useDeclaredType
 */
export type Period = z.output<typeof periodSchema>;
/**
 * The period a leaderboard ranks: a calendar period or `all-time`.
 *
 * @useDeclaredType
 */
export type LeaderboardPeriod = z.output<typeof leaderboardPeriodSchema>;
/**
 * What a leaderboard ranks by: `revenue` (net amounts of counted deals), `deals` (counted deals) or
 * `commission` (earned ledger total).
 *
 * @useDeclaredType
 */
export type LeaderboardMetric = z.output<typeof leaderboardMetricSchema>;
