// The facts a programme's rules may name. Each is computed incrementally by the engine from the
// partner's aggregates (never by rescanning events); a rule naming anything else is a programme
// error found at load time.

/** How a fact's value looks to a rule. */
export type FactKind =
  | 'number'
  | 'string'
  | 'string[]'
  | 'number[]'
  | 'number-by-tier'
  | 'boolean'
  | 'number|null';

export interface FactDefinition {
  readonly name: string;
  readonly kind: FactKind;
  readonly description: string;
}

const define = (name: string, kind: FactKind, description: string): FactDefinition => ({
  name,
  kind,
  description,
});

/** Every fact, in the order the docs list them. */
export const FACTS: readonly FactDefinition[] = [
  define('countedDeals', 'number', 'Closed deals not refunded in full, all time.'),
  define('dealsClosed', 'number', 'Every deal closed, all time, refunded or not.'),
  define('revenue', 'number', 'Sum of deal amounts net of refunds, all time.'),
  define('earned', 'number', 'Sum of the partner\u2019s ledger entries (clawbacks included), all time.'),
  define(
    'trainingsCompleted',
    'string[]',
    'Training module ids completed, sorted (e.g. contains "certification").',
  ),
  define('featuresUsed', 'string[]', 'Feature ids the partner has used, sorted.'),
  define('badges', 'string[]', 'Badge ids the partner holds, sorted.'),
  define('tier', 'string', 'The tier id held now.'),
  define('tierRank', 'number', 'The rank of the tier held now (1 = entry tier).'),
  define(
    'daysSinceJoined',
    'number',
    'Days (fractional: 30 is 30 × 24 hours) from joining to the moment the rule is judged.',
  ),
  define(
    'daysToFirstDeal',
    'number|null',
    'Days (fractional) from joining to the first deal; null before it.',
  ),
  define('monthDeals', 'number', 'Counted deals closed in the current calendar month.'),
  define('monthRevenue', 'number', 'Net revenue of deals closed in the current calendar month.'),
  define('quarterDeals', 'number', 'Counted deals closed in the current calendar quarter.'),
  define('quarterRevenue', 'number', 'Net revenue of deals closed in the current calendar quarter.'),
  define('yearDeals', 'number', 'Counted deals closed in the current calendar year.'),
  define('yearRevenue', 'number', 'Net revenue of deals closed in the current calendar year.'),
  define(
    'reviewPeriodDeals',
    'number',
    'Counted deals closed in the review period being judged (at a review) or so far (otherwise).',
  ),
  define('reviewPeriodRevenue', 'number', 'Net revenue of the review period, as reviewPeriodDeals.'),
  define('directSubPartners', 'number', 'Partners who joined with this partner as sponsor.'),
  define('sellingSubPartners', 'number', 'Direct sub-partners with at least one counted deal.'),
  define(
    'directSubPartnersAtOrAbove',
    'number-by-tier',
    'Direct sub-partners holding each tier or higher, by tier id: use path "$.active".',
  ),
  define('teamSize', 'number', 'Every partner below this one in the sponsor tree, all levels.'),
  define(
    'teamSizeByLevel',
    'number[]',
    'Team size by level, level 1 first: use path "$[0]" for direct sub-partners.',
  ),
  define('teamRevenue', 'number', 'Net revenue of the whole team below this partner, all time.'),
  define(
    'teamRevenueByLevel',
    'number[]',
    'Team net revenue by level, level 1 first: path "$[1]" is level 2.',
  ),
  define('teamMonthRevenue', 'number', 'Net revenue of the team\u2019s deals closed this month.'),
  define('teamQuarterRevenue', 'number', 'Net revenue of the team\u2019s deals closed this quarter.'),
];

/** Fact names mapped to their descriptions, the form rule checking takes. */
export const FACT_NAMES: ReadonlyMap<string, string> = new Map(
  FACTS.map((fact) => [fact.name, fact.description]),
);
