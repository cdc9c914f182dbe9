// Every number can be explained (engine.explain): the tier and the facts that met its rule, where
// the rate came from, the basis, the exact product before rounding and the rounding mode; a
// clawback explains the entry it reverses in turn.
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../src/engine/errors.js';
import { events, replay } from '../support/scenario.js';
import { dealRun, joinedPartner } from './givens.js';

// A certified partner's 3rd deal, of 10.75, promotes it to Active and pays 0.22 × 10.75 = 2.365 → 2.36.
const outcome = replay([
  ...joinedPartner('p1', '2025-01-01'),
  ...dealRun('p1', { from: '2025-01-02', count: 2 }),
  events.deal('p1', 'x', '10.75', '2025-01-03'),
  events.refund('x', '10.75', '2025-01-04', 'rf'),
]);

describe('explaining a commission', () => {
  const explanation = outcome.engine.explain(outcome.ledger, 'e-x:commission');
  const words = explanation.words.join('\n');

  it('gives the derivation: rate, basis, exact product, rounding mode and amount', () => {
    expect(explanation.derivation).toEqual({
      rate: '0.22',
      basis: '10.75',
      exact: '2.365',
      rounding: 'HALF_EVEN',
      amount: '2.36',
    });
    expect(explanation.reverses).toBeUndefined();
  });

  it('names the tier and the facts that met its rule', () => {
    expect(explanation.entry).toMatchObject({
      id: 'e-x:commission',
      tier: 'active',
      rateSource: 'tier',
      eventId: 'e-x',
      tierFacts: { countedDeals: 3, trainingsCompleted: ['certification'] },
    });
  });

  it('says it all in words', () => {
    expect(words).toContain('22 % of 10.75 = 2.365');
    expect(words).toContain('HALF_EVEN');
    expect(words).toContain('2.36');
    expect(words).toContain('active');
    expect(words).toContain('countedDeals 3');
    expect(words).toContain('trainingsCompleted [certification]');
    expect(words).toContain('the base rate of the tier held once the deal counted');
  });
});

describe('explaining a clawback', () => {
  const explanation = outcome.engine.explain(outcome.ledger, 'rf:clawback:e-x:commission');

  it('derives the clawback from the original rate and the refunded basis', () => {
    // 0.22 × -10.75 = -2.365 → -2.36.
    expect(explanation.derivation).toEqual({
      rate: '0.22',
      basis: '-10.75',
      exact: '-2.365',
      rounding: 'HALF_EVEN',
      amount: '-2.36',
    });
    expect(explanation.entry.rateSource).toBe('refund');
  });

  it('explains the entry it reverses', () => {
    expect(explanation.reverses?.entry.id).toBe('e-x:commission');
    expect(explanation.reverses?.derivation).toMatchObject({ exact: '2.365', amount: '2.36' });
  });

  it('throws UNKNOWN_ENTRY for an id not in the ledger', () => {
    expect(() => outcome.engine.explain(outcome.ledger, 'nope')).toThrow(EngineError);
    expect(() => outcome.engine.explain(outcome.ledger, 'nope')).toThrow(/UNKNOWN_ENTRY.*nope/);
  });
});
