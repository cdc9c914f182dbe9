// A rate is written into every ledger entry it pays and every deal it prices. A hostile programme
// or a careless CRM could give one a million places and make each entry a megabyte (a programme
// with a 100,000-place base rate and 100 deals made a 10 MB ledger and a 10 MB state). Rates in
// events and programmes now have at most MAX_RATE_PLACES = 30 places once trailing zeros are
// dropped, as amounts have at most 30 digits.
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json';
import { MAX_RATE_PLACES } from '../../src/events/normalise.js';
import { parseEvent } from '../../src/events/parse.js';
import { validateProgram } from '../../src/program/load.js';

const thirty = `0.${'1'.repeat(30)}`;
const thirtyOne = `0.${'1'.repeat(31)}`;
const deal = {
  id: 'e1',
  type: 'deal.closed',
  at: '2025-01-10T09:00:00Z',
  partnerId: 'p1',
  dealId: 'd1',
  amount: '1500.00',
  currency: 'USD',
};
const terms = { id: 't1', type: 'terms.set', at: '2025-01-10T09:00:00Z', partnerId: 'p1' };

describe('a rate in an event', () => {
  it('has at most 30 places', () => {
    expect(MAX_RATE_PLACES).toBe(30);
  });

  it('is taken with 30 places, and its normalised form is taken again', () => {
    const first = parseEvent({ ...deal, rate: thirty });
    expect(first.ok && first.event).toMatchObject({ rate: thirty });
    const again = first.ok ? parseEvent(JSON.parse(JSON.stringify(first.event))) : first;
    expect(again.ok && again.event).toMatchObject({ rate: thirty });
  });

  it('is refused with 31 places, at the field that holds it', () => {
    expect(parseEvent({ ...deal, rate: thirtyOne })).toEqual({
      ok: false,
      error: {
        code: 'INVALID_EVENT',
        path: 'rate',
        message: 'rate "0.1111111111111111111111111111111" has 31 decimal places; at most 30 are allowed',
      },
    });
    const refused = parseEvent({ ...terms, overrideRate: thirtyOne });
    expect(refused.ok ? undefined : refused.error.path).toBe('overrideRate');
  });

  it('does not count trailing zeros: 0.25 followed by a thousand zeros is 0.25', () => {
    const parsed = parseEvent({ ...terms, baseRate: `0.25${'0'.repeat(1000)}` });
    expect(parsed.ok && parsed.event).toMatchObject({ baseRate: '0.25' });
  });
});

describe('a rate in a programme', () => {
  const withBaseRate = (baseRate: string) => {
    const document = structuredClone(sisoDocument) as { tiers: Array<Record<string, unknown>> };
    const [starter] = document.tiers;
    if (starter) starter.baseRate = baseRate;
    return document;
  };

  it('is taken with 30 places', () => {
    expect(validateProgram(withBaseRate(thirty)).ok).toBe(true);
  });

  it('is refused with 100,000 places, with one issue at the rate', () => {
    const result = validateProgram(withBaseRate(`0.${'1'.repeat(100_000)}`));
    expect(result.ok ? [] : result.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [
        ['tiers', 0, 'baseRate'],
        'rate "0.1111111111111111111111111111111111111…" has 100000 decimal places; at most 30 are allowed',
      ],
    ]);
  });

  it('out of range and long gets only the range issue', () => {
    const result = validateProgram(withBaseRate(`2.${'1'.repeat(40)}`));
    expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toEqual([
      'must be a decimal string between "0" and "1", such as "0.22"',
    ]);
  });
});
