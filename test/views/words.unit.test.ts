// Requirements in a partner's words, for the facts and operators a programme may use beyond
// SISO's own: team facts at a path, days, money, alternatives and negations.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../../src/program/compile.js';
import { sisoProgram } from '../../src/program/siso.js';
import { listInWords, requirementView } from '../../src/views/words.js';

const compiled = compileProgram(sisoProgram);
const words = (leaf: Parameters<typeof requirementView>[1]) => {
  const { label, progress, remaining } = requirementView(compiled, leaf);
  return { label, progress, remaining };
};

describe('requirements in words', () => {
  it('names a tier read at a path by its name', () => {
    expect(
      words({
        fact: 'directSubPartnersAtOrAbove',
        path: '$.active',
        operator: 'greaterThanInclusive',
        target: 2,
        current: 1,
        met: false,
      }),
    ).toEqual({
      label: 'Have 2 referred partners at Active Partner or above',
      progress: '1 of 2',
      remaining: 'Have 1 more referred partner at Active Partner or above',
    });
  });

  it('names a level of the team by its number, counting from 1', () => {
    expect(
      words({
        fact: 'teamSizeByLevel',
        path: '$[1]',
        operator: 'greaterThan',
        target: 4,
        current: 5,
        met: true,
      }),
    ).toEqual({ label: 'Have 5 partners at level 2 of your team', progress: '5 of 5', remaining: null });
  });

  it('says a first deal within days of joining as a deadline', () => {
    expect(
      words({
        fact: 'daysToFirstDeal',
        operator: 'lessThanInclusive',
        target: 30,
        current: null,
        met: false,
      }),
    ).toEqual({
      label: 'Close your first deal within 30 days of joining',
      progress: 'no deal yet',
      remaining: 'Close your first deal within 30 days of joining',
    });
  });

  it('says money in the currency with its places', () => {
    // 2,500.50 sold of 4,000: 1,499.50 more.
    expect(
      words({
        fact: 'quarterRevenue',
        operator: 'greaterThanInclusive',
        target: 4000,
        current: 2500.5,
        met: false,
      }),
    ).toEqual({
      label: 'Sell 4000.00 USD this quarter',
      progress: '2500.50 USD of 4000.00 USD',
      remaining: 'Sell 1499.50 USD more this quarter',
    });
  });

  it('reads any other comparison as the partner knows the fact, never as code', () => {
    const tier = words({ fact: 'tier', operator: 'equal', target: 'active', current: 'starter', met: false });
    expect(tier.label).toBe('Your tier is "active"');
    const negated = words({
      fact: 'trainingsCompleted',
      operator: 'not:contains',
      target: 'basics',
      current: [],
      met: true,
    });
    expect(negated.label).toBe('Not: The trainings you completed includes "basics"');
    expect(`${tier.label} ${negated.label}`).not.toMatch(/equal|contains|greaterThan/);
  });

  it('joins alternatives with "or"', () => {
    expect(listInWords(['close 1 more deal', 'sell 500.00 USD more'], 'or')).toBe(
      'close 1 more deal or sell 500.00 USD more',
    );
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
