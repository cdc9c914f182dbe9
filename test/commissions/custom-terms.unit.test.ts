// Custom deal structures (SISO-PROGRAM.md, "Custom deal structures (Elite)"): only a partner
// holding `custom-deal-structure` (Elite) may have custom terms (terms.set: a base or override
// rate from effectiveFrom, optionally until) or a rate on one deal; anyone else's are rejected
// with NOT_ALLOWED and change nothing.
import { describe, expect, it } from 'vitest';
import { events, replay } from '../support/scenario.js';
import { joinedPartner, partnerAt } from './givens.js';

// p1 reaches Elite with its 25th deal on 2 January.
const elite = partnerAt('elite', 'p1', '2025-01-01');
const commissionOf = (outcome: ReturnType<typeof replay>, dealId: string) =>
  outcome.entries({ dealId, kind: 'commission' })[0];

describe('custom base rate for an Elite partner', () => {
  const outcome = replay([
    ...elite,
    events.terms(
      'p1',
      '2025-02-01',
      { baseRate: '0.35', effectiveFrom: '2025-02-10T00:00:00Z', until: '2025-03-10T00:00:00Z' },
      'terms-1',
    ),
    events.deal('p1', 'before', '1000.00', '2025-02-05'),
    events.deal('p1', 'first-day', '1000.00', '2025-02-10'),
    events.deal('p1', 'during', '1000.00', '2025-03-01'),
    events.deal('p1', 'after', '1000.00', '2025-03-15'),
  ]);

  it('accepts the terms', () => {
    expect(outcome.rejected).toEqual([]);
  });

  it('pays the Elite rate before the terms take effect', () => {
    // 0.30 × 1,000.00 = 300.00.
    expect(commissionOf(outcome, 'before')).toMatchObject({
      rate: '0.30',
      amount: '300.00',
      rateSource: 'tier',
    });
  });

  it('pays 35 % from effectiveFrom (inclusive) until `until`', () => {
    // 0.35 × 1,000.00 = 350.00.
    for (const dealId of ['first-day', 'during']) {
      expect(commissionOf(outcome, dealId)).toMatchObject({
        rate: '0.35',
        basis: '1000.00',
        amount: '350.00',
        rateSource: 'custom-terms',
        tier: 'elite',
      });
    }
  });

  it('pays the Elite rate again after `until`', () => {
    expect(commissionOf(outcome, 'after')).toMatchObject({
      rate: '0.30',
      amount: '300.00',
      rateSource: 'tier',
    });
  });

  it('reads effectiveFrom with an offset as the instant it names', () => {
    const offset = replay([
      ...elite,
      // 02:00 at +02:00 is 00:00 UTC on 10 February; the deal at 01:00 UTC is after it.
      events.terms(
        'p1',
        '2025-02-01',
        { baseRate: '0.35', effectiveFrom: '2025-02-10T02:00:00+02:00' },
        'terms-1',
      ),
      events.deal('p1', 'x', '1000.00', '2025-02-10T01:00:00Z'),
    ]);
    expect(commissionOf(offset, 'x')).toMatchObject({ rate: '0.35', amount: '350.00' });
  });
});

describe('custom rate on one Elite deal', () => {
  it('pays the deal its own rate and the next deal the Elite rate', () => {
    const outcome = replay([
      ...elite,
      events.deal('p1', 'x', '1234.56', '2025-02-01', { rate: '0.40' }),
      events.deal('p1', 'y', '1000.00', '2025-02-02'),
    ]);
    // 0.40 × 1,234.56 = 493.824 → 493.82; then 0.30 × 1,000.00 = 300.00.
    expect(commissionOf(outcome, 'x')).toMatchObject({
      rate: '0.40',
      basis: '1234.56',
      amount: '493.82',
      rateSource: 'deal-rate',
    });
    expect(commissionOf(outcome, 'y')).toMatchObject({ rate: '0.30', amount: '300.00', rateSource: 'tier' });
  });
});

describe('custom terms for a partner without custom-deal-structure', () => {
  const performer = partnerAt('performer', 'p2', '2025-01-01');
  const asOf = '2025-02-10';

  it.each([
    ['base rate terms', events.terms('p2', '2025-02-01', { baseRate: '0.35' }, 'bad')],
    ['override rate terms', events.terms('p2', '2025-02-01', { overrideRate: '0.15' }, 'bad')],
    ['a custom deal rate', events.deal('p2', 'x', '1000.00', '2025-02-01', { rate: '0.40', id: 'bad' })],
  ])('rejects %s for a Performer with NOT_ALLOWED and changes nothing', (_, event) => {
    const outcome = replay([...performer, event], { asOf });
    const without = replay(performer, { asOf });
    expect(outcome.rejected).toEqual([expect.objectContaining({ eventId: 'bad', code: 'NOT_ALLOWED' })]);
    expect(outcome.state).toEqual(without.state);
    expect(outcome.ledger).toEqual(without.ledger);
    expect(outcome.effects).toEqual(without.effects);
  });

  it('keeps paying a Performer its tier rate after the rejection', () => {
    const outcome = replay([
      ...performer,
      events.terms('p2', '2025-02-01', { baseRate: '0.35' }, 'bad'),
      events.deal('p2', 'y', '1000.00', '2025-02-02'),
    ]);
    // 0.25 × 1,000.00 = 250.00.
    expect(commissionOf(outcome, 'y')).toMatchObject({ rate: '0.25', amount: '250.00', rateSource: 'tier' });
  });
});

describe('custom override rate for an Elite sponsor', () => {
  it('pays the override at the custom rate and leaves the own commission at the tier rate', () => {
    const outcome = replay([
      ...elite,
      events.terms('p1', '2025-01-03', { overrideRate: '0.15' }, 'terms-1'),
      ...joinedPartner('r', '2025-01-03', { sponsorId: 'p1', certified: false }),
      events.deal('r', 'r-d1', '1000.00', '2025-01-04'),
      events.deal('p1', 'own', '1000.00', '2025-01-05'),
    ]);
    // Override 0.15 × 1,000.00 = 150.00 (instead of 0.10); bonus 0.05 × 1,000.00 = 50.00.
    expect(outcome.entries({ id: 'e-r-d1:override:1' })[0]).toMatchObject({
      partnerId: 'p1',
      rate: '0.15',
      basis: '1000.00',
      amount: '150.00',
      rateSource: 'custom-terms',
      level: 1,
    });
    expect(outcome.entries({ id: 'e-r-d1:referral-bonus' })[0]).toMatchObject({
      rate: '0.05',
      amount: '50.00',
    });
    // The terms set no base rate: p1's own deal pays 0.30 × 1,000.00 = 300.00.
    expect(commissionOf(outcome, 'own')).toMatchObject({
      rate: '0.30',
      amount: '300.00',
      rateSource: 'tier',
    });
  });
});

describe('custom terms after the partner loses Elite', () => {
  // p1 is Elite from 2 January and agrees 35 % on 5 January. Q1 has 25 deals (Elite keeps ≥ 3);
  // Q2 and Q3 have none: at risk on 1 July, demoted to Performer on 1 October, which locks
  // custom-deal-structure again (SISO-PROGRAM.md, "Reviews and retention").
  const given = [
    ...elite,
    events.terms('p1', '2025-01-05', { baseRate: '0.35' }, 'terms-1'),
    events.deal('p1', 'october', '1000.00', '2025-10-05'),
  ];

  it('is a Performer without the unlock in October', () => {
    const outcome = replay(given);
    expect(outcome.tierOf('p1')).toBe('performer');
    expect(outcome.engine.can(outcome.state, 'p1', 'custom-deal-structure')).toBe(false);
  });

  // Only partners holding custom-deal-structure may have custom terms, so a deal closed after the
  // unlock is lost pays the tier rate: 0.25 × 1,000.00 = 250.00 (not the terms' 350.00).
  it('pays the Performer rate, not the custom terms, once the unlock is lost', () => {
    const outcome = replay(given);
    expect(outcome.entries({ dealId: 'october', kind: 'commission' })[0]).toMatchObject({
      rate: '0.25',
      amount: '250.00',
      rateSource: 'tier',
    });
  });

  it('rejects a custom deal rate once the unlock is lost', () => {
    const outcome = replay([
      ...given,
      events.deal('p1', 'x', '1000.00', '2025-10-06', { rate: '0.40', id: 'bad' }),
    ]);
    expect(outcome.rejected).toEqual([expect.objectContaining({ eventId: 'bad', code: 'NOT_ALLOWED' })]);
  });
});
