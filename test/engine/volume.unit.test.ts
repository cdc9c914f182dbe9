// Money in the state is whole minor units, exact while every total stays below 2^53: a state
// takes in at most MAX_VOLUME_MINOR (2^47 cents, 1,407,374,883,553.28 US dollars) over its life.
// An event that would pass it is rejected alone with AMOUNT_OUT_OF_RANGE; the stream goes on.
import { describe, expect, it } from 'vitest';
import { createEngine, MAX_VOLUME_MINOR, partnerOf, sisoProgram } from '../../src/index.js';

const engine = createEngine(sisoProgram);
const joined = {
  id: 'j',
  type: 'partner.joined',
  at: '2025-01-01T00:00:00Z',
  partnerId: 'p',
  sponsorId: null,
};
const deal = (id: string, amount: string, at: string) => ({
  id,
  type: 'deal.closed',
  at,
  partnerId: 'p',
  dealId: id,
  amount,
  currency: 'USD',
});

describe('the money a state takes in', () => {
  it('is bounded at 2^47 minor units', () => {
    expect(MAX_VOLUME_MINOR).toBe(140_737_488_355_328);
  });

  it('takes a deal up to the bound, refuses a cent more alone, and goes on', () => {
    const result = engine.replay([
      joined,
      // 1,407,374,883,553.27 + 0.01 = 1,407,374,883,553.28: exactly the bound.
      deal('big', '1407374883553.27', '2025-01-02T00:00:00Z'),
      deal('cent', '0.01', '2025-01-03T00:00:00Z'),
      deal('over', '0.01', '2025-01-04T00:00:00Z'),
      { id: 'u', type: 'feature.used', at: '2025-01-05T00:00:00Z', partnerId: 'p', feature: 'dashboard' },
    ]);
    expect(result.rejected.map(({ eventId, code, path }) => [eventId, code, path])).toEqual([
      ['over', 'AMOUNT_OUT_OF_RANGE', 'amount'],
    ]);
    expect(result.state.volume).toBe(MAX_VOLUME_MINOR);
    // Starter's 20 % of each: 0.20 × 1,407,374,883,553.27 = 281,474,976,710.654, rounded half-even
    // to 281,474,976,710.65; 0.20 × 0.01 = 0.002, rounded to 0.00. Exact at this size.
    expect(result.ledger.map((entry) => entry.amount)).toEqual(['281474976710.65', '0.00']);
    expect(partnerOf(result.state, 'p')?.featuresUsed).toHaveProperty('dashboard');
  });

  it('refuses a 30-digit amount alone, as it refuses a payout that would pass the bound', () => {
    const result = engine.replay([
      joined,
      deal('huge', '1234567890123456789012345678.90', '2025-01-02T00:00:00Z'),
      deal('small', '100.00', '2025-01-03T00:00:00Z'),
    ]);
    expect(result.rejected.map(({ eventId, code }) => [eventId, code])).toEqual([
      ['huge', 'AMOUNT_OUT_OF_RANGE'],
    ]);
    // 100.00 taken in: 10,000 cents; 0.20 × 100.00 = 20.00 earned.
    expect(result.state.volume).toBe(10_000);
    expect(result.ledger.map((entry) => entry.amount)).toEqual(['20.00']);
  });

  it('counts payouts reported, and rejects one that would pass the bound', () => {
    const full = engine.replay([joined, deal('big', '1407374883553.28', '2025-01-02T00:00:00Z')]);
    const paid = {
      id: 'pay',
      type: 'payout.paid',
      at: '2025-03-01T00:00:00Z',
      partnerId: 'p',
      amount: '0.01',
    };
    const result = engine.replay([paid], { state: full.state });
    expect(result.rejected.map(({ code }) => code)).toEqual(['AMOUNT_OUT_OF_RANGE']);
  });

  it('is checked when a state is read back: a volume below its deals is refused', () => {
    const { state } = engine.replay([joined, deal('d', '100.00', '2025-01-02T00:00:00Z')]);
    const corrupt = { ...JSON.parse(JSON.stringify(state)), volume: 9_999 };
    expect(() => engine.replay([], { state: corrupt })).toThrow(/volume.*deals and payouts add up to 10000/);
  });
});
