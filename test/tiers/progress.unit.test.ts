// Progress toward the next tier (SISO-PROGRAM.md, "Tiers" and "Unlocks"; the brief's formula):
// each comparison of the next tier's rule with its current value and whether it is met; percent =
// floor(100 × mean of the comparisons' scores), an at-least target scoring current / target; a
// preview of the next tier's rates, unlocks and message; 100 % and no next tier at the top.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { events, replay } from '../support/scenario.js';
import { certifiedPartner, dealRun, MESSAGES, OWN_UNLOCKS, sisoWithTiers, tierAt } from '../support/tiers.js';

const progressOf = (given: unknown[], partnerId: string, asOf?: string) => {
  const outcome = replay(given, asOf ? { asOf } : {});
  return outcome.engine.progress(outcome.state, partnerId);
};

const joined = events.joined('p1', '2025-01-01', null, 'join-p1');
const countedDeals = (current: number, target: number, tier: string) => ({
  tier,
  rule: 'qualify',
  fact: 'countedDeals',
  operator: 'greaterThanInclusive',
  target,
  current,
  met: current >= target,
});

describe('progress of a Starter with 2 deals and no certification', () => {
  const progress = progressOf([joined, ...dealRun('p1', { from: '2025-01-02', count: 2 })], 'p1');

  it('names the tier held, its message and a good status', () => {
    expect(progress.tier).toEqual({ id: 'starter', name: 'Starter Partner', rank: 1 });
    expect(progress.status).toBe('good');
    expect(progress.message).toBe(MESSAGES.starter);
  });

  it("lists Active's two requirements: 2 of 3 counted deals, certification missing", () => {
    expect(progress.requirements).toEqual([
      countedDeals(2, 3, 'active'),
      {
        tier: 'active',
        rule: 'qualify',
        fact: 'trainingsCompleted',
        operator: 'contains',
        target: 'certification',
        current: [],
        met: false,
      },
    ]);
  });

  it('is 33 %: floor(100 × mean(2/3, 0)) = floor(33.33…) = 33', () => {
    expect(progress.percent).toBe(33);
  });

  it('previews Active: 22 %, 5 % referral bonus, its 13 unlocks and the seed message', () => {
    expect(progress.next).toEqual({
      id: 'active',
      name: 'Active Partner',
      rank: 2,
      baseRate: '0.22',
      referralBonusRate: '0.05',
      unlocks: [...OWN_UNLOCKS.active],
      message: MESSAGES.active,
    });
  });
});

describe('progress percentages', () => {
  it('is 83 % for a certified Starter with 2 deals: floor(100 × mean(2/3, 1)) = floor(83.33…)', () => {
    const progress = progressOf(
      [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 2 })],
      'p1',
    );
    expect(progress.percent).toBe(83);
    expect(progress.requirements.map((requirement) => requirement.met)).toEqual([false, true]);
  });

  it('is 50 % for a certified Starter with no deal: floor(100 × mean(0/3, 1))', () => {
    expect(progressOf(certifiedPartner('p1', '2025-01-01'), 'p1').percent).toBe(50);
  });

  it("is 30 % for an Active partner with 3 deals: only Performer's 3 of 10 is left, floor(100 × 3/10)", () => {
    const progress = progressOf(
      [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 3 })],
      'p1',
    );
    expect(progress.percent).toBe(30);
    expect(progress.requirements).toEqual([countedDeals(3, 10, 'performer')]);
    expect(progress.next).toMatchObject({
      id: 'performer',
      baseRate: '0.25',
      referralBonusRate: '0.05',
      message: MESSAGES.performer,
    });
    expect(progress.next?.unlocks).toEqual([...OWN_UNLOCKS.performer]);
  });

  it('is 40 % for a Performer with 10 deals: floor(100 × 10/25)', () => {
    const progress = progressOf(
      [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 10 })],
      'p1',
    );
    expect(progress.percent).toBe(40);
    expect(progress.requirements).toEqual([countedDeals(10, 25, 'elite')]);
    expect(progress.next).toMatchObject({
      id: 'elite',
      baseRate: '0.30',
      referralBonusRate: '0.05',
      message: MESSAGES.elite,
    });
  });

  it('is 100 % with no next tier for an Elite partner', () => {
    const progress = progressOf(
      [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 25 })],
      'p1',
    );
    expect(progress.tier).toEqual({ id: 'elite', name: 'Elite Partner', rank: 4 });
    expect(progress.next).toBeNull();
    expect(progress.percent).toBe(100);
    expect(progress.message).toBe(MESSAGES.elite);
  });

  it('shows a demoted partner the maintain comparison it still needs over the current quarter', () => {
    // Active on 2025-01-02, no deal in Q2 or Q3: demoted on 2025-10-01; Q4 so far has 0 deals < 1.
    const given = [
      ...certifiedPartner('p1', '2025-01-01'),
      ...dealRun('p1', { from: '2025-01-02', count: 3 }),
    ];
    const progress = progressOf(given, 'p1', '2025-10-02T00:00:00Z');
    expect(progress.tier.id).toBe('starter');
    expect(progress.next?.id).toBe('active');
    expect(progress.requirements).toContainEqual(
      expect.objectContaining({
        rule: 'maintain',
        fact: 'reviewPeriodDeals',
        target: 1,
        current: 0,
        met: false,
      }),
    );
    expect(progress.percent).toBeLessThan(100);
  });

  it('throws EngineError UNKNOWN_PARTNER for a partner that has not joined', () => {
    const outcome = replay([joined]);
    expect(() => outcome.engine.progress(outcome.state, 'nobody')).toThrow(EngineError);
  });
});

// daysSinceJoined is in fractional days (src/facts/catalogue.ts), so "within 30 days" means
// within 30 × 24 hours, not 30 calendar dates.
describe('progress on a days rule', () => {
  it('shows daysSinceJoined in fractional days: 29 days and 12 hours after joining is 29.5', () => {
    const program = sisoWithTiers((tiers) => {
      tierAt(tiers, 1).qualify = {
        all: [{ fact: 'daysSinceJoined', operator: 'greaterThanInclusive', value: 30 }],
      };
    });
    const given = [events.joined('p1', '2025-01-01T12:00:00Z', null, 'join-p1')];
    const outcome = replay(given, { program, asOf: '2025-01-31T00:00:00Z' });
    // From 2025-01-01T12:00 to 2025-01-31T00:00 is 29 days and 12 hours: 29.5 days.
    expect(outcome.engine.progress(outcome.state, 'p1').requirements).toEqual([
      expect.objectContaining({ fact: 'daysSinceJoined', current: 29.5, target: 30, met: false }),
    ]);
  });
});

describe('progress through a negation', () => {
  it('scores a failing `not` 0 and lists its comparison negated', () => {
    const program = sisoWithTiers((tiers) => {
      tierAt(tiers, 1).qualify = {
        all: [
          { fact: 'countedDeals', operator: 'greaterThanInclusive', value: 3 },
          { not: { fact: 'trainingsCompleted', operator: 'contains', value: 'banned' } },
        ],
      };
    });
    const given = [
      events.joined('p1', '2025-01-01', null, 'join-p1'),
      events.trained('p1', '2025-01-02', 'banned', 'banned-p1'),
      ...['d1', 'd2', 'd3'].map((id, day) => events.deal('p1', id, '100.00', `2025-01-0${day + 3}`)),
    ];
    const outcome = replay(given, { program });
    const progress = outcome.engine.progress(outcome.state, 'p1');
    // 3 of 3 deals (1) and the negation fails (0): floor(100 × (1 + 0) / 2) = 50, still Starter.
    expect(progress.tier.id).toBe('starter');
    expect(progress.percent).toBe(50);
    expect(progress.requirements).toContainEqual(
      expect.objectContaining({ fact: 'trainingsCompleted', operator: 'not:contains', met: false }),
    );
  });
});

describe('the message of a progress answer', () => {
  it('is the programme’s only while it fits, and null once the requirements say more', () => {
    // Certified with 2 deals: "Complete training and make your first 3 sales" asks for what is done.
    const progress = progressOf(
      [...certifiedPartner('p1', '2025-01-01'), ...dealRun('p1', { from: '2025-01-02', count: 2 })],
      'p1',
    );
    expect(progress.requirements.map((requirement) => requirement.met)).toEqual([false, true]);
    expect(progress.message).toBeNull();
  });

  it('gives a waitlisted partner its place in the queue', () => {
    // Elite with 1 place: a reaches 25 deals first; b and c wait, b first.
    const program = sisoWithTiers((tiers) => {
      tierAt(tiers, 3).capacity = 1;
    });
    const climb = (partnerId: string, from: string) => [
      ...certifiedPartner(partnerId, '2025-01-01'),
      ...dealRun(partnerId, { from, count: 25 }),
    ];
    const outcome = replay(
      [...climb('a', '2025-01-02'), ...climb('b', '2025-01-03'), ...climb('c', '2025-01-04')],
      {
        program,
      },
    );
    const progress = outcome.engine.progress(outcome.state, 'c');
    expect(progress.waitlist).toEqual({ tier: 'elite', place: 2, of: 2 });
    expect(progress.percent).toBe(100);
    expect(progress.message).toBe(
      'You qualify for Elite Partner, and its only place is taken: you are number 2 of 2 in the queue and move up as soon as a place frees.',
    );
    expect(outcome.effectsOf({ type: 'tier.waitlisted', partnerId: 'c' })[0]).toMatchObject({
      message: 'Elite Partner is full: you are number 2 on its waitlist, first come first served',
    });
  });
});

describe('a promotion stopped short by a full tier', () => {
  it('says the partner waits for the full tier, not how to reach it', () => {
    // Elite with 1 place, held by a. b closes 28 deals uncertified (Starter), then certifies:
    // promoted to Performer at once, and waitlisted for Elite, whose 25 deals it has.
    const program = sisoWithTiers((tiers) => {
      tierAt(tiers, 3).capacity = 1;
    });
    const outcome = replay(
      [
        ...certifiedPartner('a', '2025-01-01'),
        ...dealRun('a', { from: '2025-01-02', count: 25 }),
        events.joined('b', '2025-01-01'),
        ...dealRun('b', { from: '2025-01-03', count: 28 }),
        events.trained('b', '2025-01-10'),
      ],
      { program },
    );
    expect(outcome.effectsOf({ type: 'tier.promoted', partnerId: 'b' })).toMatchObject([
      {
        from: 'starter',
        to: 'performer',
        message:
          'You reached Performer Partner. You also qualify for Elite Partner, which is full: you wait for a place, first come first served',
      },
    ]);
  });
});
