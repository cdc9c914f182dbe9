// The forecast: its calibration on the small hand-written history (every figure by hand), the
// same numbers for the same seed and others for another, ordered percentiles, a candidate equal
// to the baseline costing exactly the same, and clear errors for unusable options.
import { describe, expect, it } from 'vitest';
import { createEngine, Decimal, sisoProgram } from '../../src/index.js';
import { calibrate } from '../../src/simulation/calibration.js';
import { ForecastError, forecast, type Percentiles } from '../../src/simulation/forecast.js';
import {
  costsByMonth,
  FUTURE_ID_PREFIX,
  futureMonths,
  generateFuture,
} from '../../src/simulation/forecast-future.js';
import { readHistory } from '../../src/simulation/history.js';
import { AS_OF, events } from '../support/small-history.js';

const cheaper = {
  ...sisoProgram,
  tiers: sisoProgram.tiers.map((tier) => (tier.id === 'starter' ? { ...tier, baseRate: '0.10' } : tier)),
};

function ordered(percentiles: Percentiles): boolean {
  const [p10, p50, p90] = [percentiles.p10, percentiles.p50, percentiles.p90].map(Number);
  return (p10 ?? 0) <= (p50 ?? 0) && (p50 ?? 0) <= (p90 ?? 0);
}

describe('calibrate', () => {
  const calibration = calibrate(readHistory(events, sisoProgram, { asOf: AS_OF }));

  it('measures joins over the 9 complete months January to September', () => {
    // a, b (1 Jan), c (20 Jan) and d (10 Mar) joined: 4 / 9 = 0.4444…; none with a sponsor.
    expect(calibration.months).toBe(9);
    expect(calibration.joins).toBe(4);
    expect(calibration.joinsPerMonth.toFixed(4)).toBe('0.4444');
    expect(calibration.sponsoredShare.toString()).toBe('0');
  });

  it('measures deals per partner-month by the tier held when the month began, and their amounts', () => {
    // Starter: 18 partner-months (see the KPI test); deals in them: a's d1, d2, d3 and b's d4 in
    // January, b's d5 and c's d7 in February, b's d6 in March: 7 / 18 = 0.3889 (0.38888…).
    const [starter, active, performer, elite] = calibration.tiers;
    expect(starter).toMatchObject({ tier: 'starter', partnerMonths: 18, deals: 7 });
    expect(starter?.dealsPerPartnerMonth?.toFixed(4)).toBe('0.3889');
    // By month, then partner: a's 1,000, 500, 1,500, b's 200 (January); b's 300, c's 1,000
    // (February); b's 400 (March). Their mean is 4,900 / 7 = 700.00.
    expect(starter?.dealAmounts).toEqual(['1000', '500', '1500', '200', '300', '1000', '400']);
    // Active: 14 partner-months with a's d8 (May) and d9 (August): 2 / 14 = 0.142857…
    expect(active).toMatchObject({
      tier: 'active',
      partnerMonths: 14,
      deals: 2,
      dealAmounts: ['600', '700'],
    });
    expect(active?.dealsPerPartnerMonth?.toFixed(4)).toBe('0.1429');
    // No partner-month at Performer or Elite: no rate (the future uses the tier below's).
    expect(performer).toMatchObject({ partnerMonths: 0, deals: 0, dealsPerPartnerMonth: null });
    expect(elite).toMatchObject({ partnerMonths: 0, deals: 0, dealsPerPartnerMonth: null });
  });

  it('measures refunds over all deals and trainings over all partners', () => {
    // 1 of the 9 deals was refunded (d1: 200.00 of 1,000.00 = 20 %, 20 days after it closed).
    expect(calibration.deals).toBe(9);
    expect(calibration.refundedDeals).toBe(1);
    expect(calibration.refundRate.toFixed(4)).toBe('0.1111');
    expect(calibration.refundedShare.toString()).toBe('0.2');
    expect(calibration.refundDays).toBe(20);
    // Certification: a (1 day) and b (2 days) of 4 partners: 50 %; median 1.5 days, half-even 2.
    expect(calibration.modules).toEqual([
      { moduleId: 'certification', completedShare: expect.anything(), days: 2 },
    ]);
    expect(calibration.modules[0]?.completedShare.toString()).toBe('0.5');
  });

  it('refuses a history without a complete calendar month', () => {
    const history = readHistory(events.slice(0, 3), sisoProgram);
    expect(() => calibrate(history)).toThrow(/no complete calendar month/);
  });
});

describe('forecast', () => {
  const options = {
    events,
    baseline: sisoProgram,
    candidates: [cheaper, sisoProgram],
    months: 6,
    seeds: 7,
    asOf: AS_OF,
  };
  const report = forecast(options);

  it('runs from the as-of time for the months asked, over seeds seed … seed + seeds - 1', () => {
    expect(report.from).toBe('2025-10-01T00:00:00.000Z');
    expect(report.to).toBe('2026-04-01T00:00:00.000Z');
    expect(report.runs.map((run) => run.seed)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.programmes.map((programme) => programme.role)).toEqual([
      'baseline',
      'candidate 1',
      'candidate 2',
    ]);
  });

  it('gives the same numbers for the same seed, and others for another seed', () => {
    expect(forecast(options)).toEqual(report);
    const other = forecast({ ...options, seed: 100 });
    expect(other.runs.map((run) => run.seed)).toEqual([100, 101, 102, 103, 104, 105, 106]);
    expect(other.runs.map((run) => run.costs)).not.toEqual(report.runs.map((run) => run.costs));
  });

  it("gives the same numbers whatever the machine's time zone", () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(forecast(options)).toEqual(report);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('orders its percentiles: P10 <= P50 <= P90, for cost, cost share, delta and revenue', () => {
    expect(ordered(report.revenue)).toBe(true);
    for (const programme of report.programmes) {
      expect(ordered(programme.cost)).toBe(true);
      expect(ordered(programme.costShare)).toBe(true);
      if (programme.delta) expect(ordered(programme.delta)).toBe(true);
    }
  });

  it('takes P50 as the 4th of the 7 sorted costs (nearest rank), P10 the 1st and P90 the 7th', () => {
    // Nearest rank over n = 7: P10 rank ceil(0.7) = 1, P50 ceil(3.5) = 4, P90 ceil(6.3) = 7.
    const costs = report.runs.map((run) => run.costs[0] ?? '').sort((a, b) => Number(a) - Number(b));
    expect(report.programmes[0]?.cost).toEqual({ p10: costs[0], p50: costs[3], p90: costs[6] });
  });

  it('lists the months from the as-of time, the cost so far at each month end ending at the total', () => {
    // 1 October 2025 + 6 months: October to March, each a whole month here.
    expect(report.byMonth.map((month) => month.month)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(report.byMonth.at(-1)?.to).toBe('2026-04-01T00:00:00.000Z');
    // The cost so far at the last month's end is each future's total: the same percentiles.
    report.programmes.forEach((programme, index) => {
      expect(report.byMonth.at(-1)?.cumulativeCost[index]).toEqual(programme.cost);
    });
    for (const month of report.byMonth)
      for (const band of month.cumulativeCost) expect(ordered(band)).toBe(true);
  });

  it('costs a candidate equal to the baseline exactly the same on every future', () => {
    // Candidate 2 is the baseline itself: the same future under the same rules, delta 0.00.
    expect(report.programmes[2]?.delta).toEqual({ p10: '0.00', p50: '0.00', p90: '0.00' });
    for (const run of report.runs) expect(run.costs[2]).toBe(run.costs[0]);
  });

  it('costs less with a lower Starter rate, never more', () => {
    // Only the Starter rate changes (20 % → 10 %), so no deal pays more and the delta is <= 0.
    for (const run of report.runs) expect(Number(run.costs[1])).toBeLessThanOrEqual(Number(run.costs[0]));
    expect(Number(report.programmes[1]?.delta?.p10)).toBeLessThan(0);
  });

  it('says n/a for the cost share of a future with no revenue', () => {
    // Nobody sells and nobody joins in a history of two joins: the future is empty, cost 0.00.
    const quiet = [events[0], events[1]];
    const empty = forecast({
      events: quiet,
      baseline: sisoProgram,
      months: 2,
      seeds: 3,
      asOf: '2025-03-01T00:00:00Z',
    });
    expect(empty.programmes[0]?.cost).toEqual({ p10: '0.00', p50: '0.00', p90: '0.00' });
    expect(empty.programmes[0]?.costShare).toEqual({ p10: 'n/a', p50: 'n/a', p90: 'n/a' });
    expect(empty.revenue).toEqual({ p10: '0.00', p50: '0.00', p90: '0.00' });
  });

  it('refuses unusable options with a ForecastError naming the option', () => {
    const attempt = (changes: object) => () => forecast({ ...options, ...changes });
    expect(attempt({ months: 0 })).toThrow(ForecastError);
    expect(attempt({ months: 121 })).toThrow(/months must be a whole number from 1 to 120/);
    expect(attempt({ seeds: 1.5 })).toThrow(/seeds/);
    expect(attempt({ events: [] })).toThrow(/no accepted event/);
    let thrown: unknown;
    try {
      forecast({ ...options, seeds: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_FORECAST', path: 'seeds' });
  });
});

describe('futureMonths and costsByMonth', () => {
  it('cuts the period at month boundaries, the first and last months partial', () => {
    const history = readHistory(events, sisoProgram, { asOf: '2025-10-15T12:00:00Z' });
    const months = futureMonths(history, Date.parse('2025-12-10T00:00:00Z'));
    expect(
      months.map((month) => [
        month.key,
        new Date(month.start).toISOString(),
        new Date(month.end).toISOString(),
      ]),
    ).toEqual([
      ['2025-10', '2025-10-15T12:00:00.000Z', '2025-11-01T00:00:00.000Z'],
      ['2025-11', '2025-11-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z'],
      ['2025-12', '2025-12-01T00:00:00.000Z', '2025-12-10T00:00:00.000Z'],
    ]);
    // 10.00 + 5.50 in October, -2.25 in November, 1.00 at the very end (counted in December).
    const costs = costsByMonth(months, [
      { at: '2025-10-20T00:00:00.000Z', amount: '10.00' },
      { at: '2025-10-31T23:59:59.999Z', amount: '5.50' },
      { at: '2025-11-01T00:00:00.000Z', amount: '-2.25' },
      { at: '2025-12-10T00:00:00.000Z', amount: '1.00' },
    ]);
    expect(costs.map((cost) => cost.toFixed(2))).toEqual(['15.50', '-2.25', '1.00']);
  });
});

describe('generateFuture', () => {
  const history = readHistory(events, sisoProgram, { asOf: AS_OF });
  const calibration = calibrate(history);
  const engine = createEngine(sisoProgram);
  const endMs = Date.parse('2026-04-01T00:00:00Z');
  const future = generateFuture({
    history,
    calibration,
    engine,
    state: history.replay.state,
    seed: 3,
    endMs,
  });

  it('writes events the engine accepts, inside the period, with ids that never meet the history', () => {
    const result = engine.replay(future.events, {
      state: history.replay.state,
      asOf: '2026-04-01T00:00:00Z',
    });
    expect(result.rejected).toEqual([]);
    expect(future.events.length).toBeGreaterThan(0);
    for (const event of future.events) {
      expect(String(event.id).startsWith(FUTURE_ID_PREFIX)).toBe(true);
      expect(
        String(event.at) >= '2025-10-01T00:00:00.000Z' && String(event.at) < '2026-04-01T00:00:00.000Z',
      ).toBe(true);
    }
  });

  it("counts the baseline's cost as a replay of the future from the history's state does", () => {
    const result = engine.replay(future.events, {
      state: history.replay.state,
      asOf: '2026-04-01T00:00:00Z',
    });
    const replayed = result.ledger.reduce((sum, entry) => sum.plus(entry.amount), new Decimal(0));
    const byMonth = future.baselineByMonth.reduce((sum, cost) => sum.plus(cost), new Decimal(0));
    expect(byMonth.toFixed(2)).toBe(replayed.toFixed(2));
  });
});
