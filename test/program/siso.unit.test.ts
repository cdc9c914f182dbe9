// sisoProgram, the shipped default, has exactly the numbers of SISO-PROGRAM.md: the seed's tiers,
// rates, unlocks and messages, and the written-down decisions (HALF_EVEN, UTC, maintain thresholds,
// Elite's 20 places, payouts on the 15th from 50.00, Elite keeping the referral bonus).
import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import { OWN_UNLOCKS } from '../support/tiers.js';

// The unlock table of SISO-PROGRAM.md, tier by tier (written out once, in test/support/tiers.ts).
const UNLOCKS = OWN_UNLOCKS;

const atLeast = (fact: string, value: number) => ({ fact, operator: 'greaterThanInclusive', value });

describe('sisoProgram has the numbers of SISO-PROGRAM.md', () => {
  const [starter, active, performer, elite] = sisoProgram.tiers;

  it('has four tiers, ranked 1 to 4, with the seed ids and names', () => {
    expect(sisoProgram.tiers.map((tier) => [tier.rank, tier.id, tier.name])).toEqual([
      [1, 'starter', 'Starter Partner'],
      [2, 'active', 'Active Partner'],
      [3, 'performer', 'Performer Partner'],
      [4, 'elite', 'Elite Partner'],
    ]);
  });

  it('pays 20 / 22 / 25 / 30 % base and a 5 % referral bonus from Active up (Elite keeps it)', () => {
    expect(sisoProgram.tiers.map((tier) => tier.baseRate)).toEqual(['0.20', '0.22', '0.25', '0.30']);
    expect(sisoProgram.tiers.map((tier) => tier.referralBonusRate)).toEqual([
      undefined,
      '0.05',
      '0.05',
      '0.05',
    ]);
  });

  it('qualifies on 3 deals and certification, then 10, then 25 counted deals', () => {
    expect(starter?.qualify).toEqual({ all: [] });
    expect(active?.qualify).toEqual({
      all: [
        atLeast('countedDeals', 3),
        { fact: 'trainingsCompleted', operator: 'contains', value: 'certification' },
      ],
    });
    expect(performer?.qualify).toEqual({ all: [atLeast('countedDeals', 10)] });
    expect(elite?.qualify).toEqual({ all: [atLeast('countedDeals', 25)] });
  });

  it('reviews quarterly with one grace review: keep 1 / 2 / 3 deals a quarter, Starter never reviewed', () => {
    expect(sisoProgram.reviews).toEqual({ period: 'quarter', graceReviews: 1 });
    expect(starter?.maintain).toBeUndefined();
    expect(active?.maintain).toEqual({ all: [atLeast('reviewPeriodDeals', 1)] });
    expect(performer?.maintain).toEqual({ all: [atLeast('reviewPeriodDeals', 2)] });
    expect(elite?.maintain).toEqual({ all: [atLeast('reviewPeriodDeals', 3)] });
  });

  it('limits Elite to 20 places and no other tier', () => {
    expect(sisoProgram.tiers.map((tier) => tier.capacity)).toEqual([undefined, undefined, undefined, 20]);
  });

  it('unlocks 6 / 13 / 9 / 11 features with the ids of the unlock table', () => {
    expect(starter?.unlocks).toEqual(UNLOCKS.starter);
    expect(active?.unlocks).toEqual(UNLOCKS.active);
    expect(performer?.unlocks).toEqual(UNLOCKS.performer);
    expect(elite?.unlocks).toEqual(UNLOCKS.elite);
    expect(sisoProgram.tiers.map((tier) => tier.unlocks.length)).toEqual([6, 13, 9, 11]);
    // 6 + 13 + 9 + 11 = 39 features, each unlocked by exactly one tier.
    expect(sisoProgram.features.map((feature) => feature.id)).toEqual([
      ...UNLOCKS.starter,
      ...UNLOCKS.active,
      ...UNLOCKS.performer,
      ...UNLOCKS.elite,
    ]);
    expect(sisoProgram.customTermsUnlock).toBe('custom-deal-structure');
  });

  it('pays a 10 % level-1 override on the deal amount to Performer and up, without compression', () => {
    expect(sisoProgram.overrides).toEqual({
      basis: 'deal-amount',
      compression: false,
      levels: [{ level: 1, rate: '0.10', minTier: 'performer' }],
    });
  });

  it('holds earnings 30 days and pays on the 15th from 50.00, in USD to 2 places, HALF_EVEN, UTC', () => {
    expect(sisoProgram.holdPeriodDays).toBe(30);
    expect(sisoProgram.payouts).toEqual({ dayOfMonth: 15, minimum: '50.00' });
    expect(sisoProgram.currency).toEqual({ code: 'USD', decimals: 2 });
    expect(sisoProgram.rounding).toBe('HALF_EVEN');
    expect(sisoProgram.timeZone).toBe('UTC');
    expect(sisoProgram.versions).toEqual([]);
  });

  it('has the five badges, top-performer a repeatable monthly revenue win within the tier', () => {
    expect(sisoProgram.badges.map((badge) => badge.id)).toEqual([
      'first-sale',
      'quick-starter',
      'certified',
      'team-builder',
      'top-performer',
    ]);
    expect(sisoProgram.badges[1]).toMatchObject({
      when: { all: [{ fact: 'daysToFirstDeal', operator: 'lessThanInclusive', value: 30 }] },
    });
    expect(sisoProgram.badges[3]).toMatchObject({ when: { all: [atLeast('sellingSubPartners', 3)] } });
    expect(sisoProgram.badges[4]).toMatchObject({
      leaderboard: { period: 'month', metric: 'revenue', scope: 'tier' },
      repeatable: true,
    });
  });

  it('has the seed messages, Starter saying 3 sales (the range wins over "first 2 sales")', () => {
    expect(starter?.message).toContain('first 3 sales');
    expect(starter?.message).not.toContain('2 sales');
    expect(active?.message).toContain('Hit 10 deals');
    expect(performer?.message).toContain('Reach 25 deals');
    expect(elite?.message).toContain('Welcome to the SISO Elite Partner Program');
  });
});
