// A generated world for override properties: SISO with tiers a short stream reaches, a sponsor
// tree deep enough for three levels, and dense streams of deals (a few tiny, some refunded) on
// it, composed from fast-check arbitraries so failures shrink.
import fc from 'fast-check';
import { arbitraries, moneyText } from '../../src/testing/index.js';
import { sisoTiers } from './team-givens.js';

const PARTNERS = 8;
const DAYS = 120;
const HOUR_MS = 3_600_000;
const START = Date.parse('2025-01-01T00:00:00Z');

/**
 * SISO with tiers a short stream reaches (Active: 2 counted deals and the certification,
 * Performer 4, Elite 8), so that uplines of every tier turn up.
 */
export const quickTiers = sisoTiers().map((tier) => {
  const deals = { starter: 0, active: 2, performer: 4, elite: 8 }[tier.id] ?? 0;
  if (deals === 0) return tier;
  const countedDeals = { fact: 'countedDeals', operator: 'greaterThanInclusive', value: deals };
  const certified = { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' };
  return { ...tier, qualify: { all: tier.id === 'active' ? [countedDeals, certified] : [countedDeals] } };
});

/**
 * A sponsor tree deep enough for three levels: each partner after the first is sponsored by one
 * of the three who joined just before it (or, one time in eight, by nobody).
 */
const deepTeam = arbitraries.teamGraph({ partners: PARTNERS, reach: 3, unsponsored: 8 });

/**
 * A dense stream on a random sponsor tree: partners join in the first minutes (some certified),
 * then 10 to 40 deals at distinct hours over four months (a quarter review falls in it), a few of
 * them tiny, one in five refunded in half or in full half an hour later.
 */
export const teamStream: fc.Arbitrary<unknown[]> = fc
  .record({
    sponsors: deepTeam,
    certified: fc.array(fc.boolean(), { minLength: PARTNERS, maxLength: PARTNERS }),
    deals: fc.uniqueArray(
      fc.record({
        partner: fc.nat({ max: PARTNERS - 1 }),
        minor: fc.oneof(
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 99 }) },
          { weight: 9, arbitrary: fc.integer({ min: 100, max: 300_000 }) },
        ),
        hour: fc.integer({ min: 1, max: DAYS * 24 }),
        refund: fc.oneof(
          { weight: 8, arbitrary: fc.constant(null) },
          { weight: 1, arbitrary: fc.constant('half' as const) },
          { weight: 1, arbitrary: fc.constant('full' as const) },
        ),
      }),
      { minLength: 10, maxLength: 40, selector: (deal) => deal.hour },
    ),
  })
  .map(({ sponsors, certified, deals }) => {
    const timed: Array<{ at: number; event: Record<string, unknown> }> = [];
    const add = (at: number, event: Record<string, unknown>) =>
      timed.push({ at, event: { ...event, at: new Date(at).toISOString() } });
    sponsors.forEach((sponsor, index) => {
      const partnerId = `p${index}`;
      const sponsorId = sponsor === null ? null : `p${sponsor}`;
      add(START + index * 60_000, { id: `j${index}`, type: 'partner.joined', partnerId, sponsorId });
      if (certified[index]) {
        const training = {
          id: `c${index}`,
          type: 'training.completed',
          partnerId,
          moduleId: 'certification',
        };
        add(START + index * 60_000 + 30_000, training);
      }
    });
    deals.forEach((deal, index) => {
      const dealId = `x${index}`;
      const at = START + deal.hour * HOUR_MS;
      const amount = moneyText(deal.minor, 2);
      add(at, {
        id: `d${index}`,
        type: 'deal.closed',
        partnerId: `p${deal.partner}`,
        dealId,
        amount,
        currency: 'USD',
      });
      const refunded = deal.refund === 'half' ? Math.floor(deal.minor / 2) : deal.minor;
      if (deal.refund !== null && refunded > 0) {
        const refund = {
          id: `r${index}`,
          type: 'deal.refunded',
          dealId,
          amount: moneyText(refunded, 2),
        };
        add(at + HOUR_MS / 2, refund);
      }
    });
    return timed.sort((a, b) => a.at - b.at).map((item) => item.event);
  });
