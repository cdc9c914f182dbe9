// The KPIs on a small hand-written stream under SISO, every value worked out by hand below, and
// on an empty stream, where every figure is "n/a" rather than NaN or a division by zero.
import { describe, expect, it } from 'vitest';
import { kpis, sisoProgram } from '../../src/index.js';

import { AS_OF, events } from '../support/small-history.js';

function byId(report: ReturnType<typeof kpis>) {
  return new Map(report.kpis.map((kpi) => [kpi.id, kpi]));
}

describe('kpis on a hand-written stream', () => {
  const report = kpis(events, sisoProgram, { asOf: AS_OF });
  const kpi = byId(report);

  it('says when and over how many partners', () => {
    expect(report.asOf).toBe('2025-10-01T00:00:00.000Z');
    expect(report.partners).toBe(4);
    expect(report.programId).toBe(sisoProgram.id);
  });

  it('time to tier 2: the median of a (20 days) and b (70 days) is 45.0, met (< 60)', () => {
    // a: 1 Jan to 21 Jan = 20 days; b: 1 Jan to 12 Mar = 31 + 28 + 11 = 70 days; c and d never.
    expect(kpi.get('time-to-tier-2')).toMatchObject({
      value: '45.0',
      unit: 'days',
      target: '< 60',
      status: 'met',
      basis: '2 of 4 partners reached Active Partner',
    });
  });

  it('tier retention: 3 of 4 partner-quarters above Starter, 75.0 %, not met (> 90)', () => {
    // Q1 begins with nobody above Starter; Q2 begins with a and b Active and ends with both
    // Active (b only at risk); Q3 begins with both and ends with b demoted: 2 + 1 of 2 + 2.
    expect(kpi.get('tier-retention')).toMatchObject({
      value: '75.0',
      unit: '%',
      target: '> 90',
      status: 'not met',
    });
    expect(report.quarters).toEqual([
      { quarter: '2025-Q1', held: 0, maintained: 0, share: 'n/a' },
      { quarter: '2025-Q2', held: 2, maintained: 2, share: '100.0' },
      { quarter: '2025-Q3', held: 2, maintained: 1, share: '50.0' },
    ]);
  });

  it('feature adoption: 3 of 50 unlocks used within 30 days, 6.0 %, not met (> 75)', () => {
    // Unlocks: 4 joins × 6 Starter features + 2 promotions × 13 Active features = 50, every
    // window over by 1 October. Used within 30 days: a's dashboard (day 1), a's roi-calculator
    // (20 days after 21 Jan), c's dashboard (day 5); b's dashboard came on day 45: too late.
    expect(kpi.get('feature-adoption')).toMatchObject({
      value: '6.0',
      target: '> 75',
      status: 'not met',
      basis: '3 of 50 unlocks used within 30 days',
    });
  });

  it('training completion: 2 of 4 partners certified, 50.0 %, not met (> 95)', () => {
    // All four joined 60+ days before 1 October; the certification is the one module SISO's
    // tier rules name (Active's); a and b completed it.
    expect(kpi.get('training-completion')).toMatchObject({
      value: '50.0',
      target: '> 95',
      status: 'not met',
    });
  });

  it('Elite retention: nobody reached Elite, so n/a', () => {
    expect(kpi.get('top-tier-retention')).toMatchObject({
      value: 'n/a',
      target: '> 95',
      status: 'n/a',
      basis: '0 of 0 partners a year after reaching Elite Partner',
    });
  });

  it('revenue per partner-month by tier over the 9 complete months, net of refunds', () => {
    // Starter: Jan a, b (c joined after 1 Jan); Feb b, c; Mar b, c; Apr–Sep c, d: 2 × 9 = 18
    // partner-months; revenue Jan 1,000 + 500 + 200 − 200 refund = 1,500, plus a's d3 1,500
    // (closed 21 Jan, a was Starter when January began) = 3,000; Feb b 300 + c 1,000 = 1,300;
    // Mar b 400: 4,700 / 18 = 261.111… = 261.11, met (>= 199.00).
    expect(kpi.get('revenue-per-partner-month:starter')).toMatchObject({
      value: '261.11',
      unit: 'USD/month',
      target: '>= 199.00',
      status: 'met',
      basis: '18 partner-months',
    });
    // Active: a in Feb and Mar, a and b Apr–Sep: 2 + 12 = 14; revenue May 600 + Aug 700 =
    // 1,300: 1,300 / 14 = 92.857… = 92.86, not met (>= 755.00).
    expect(kpi.get('revenue-per-partner-month:active')).toMatchObject({
      value: '92.86',
      target: '>= 755.00',
      status: 'not met',
      basis: '14 partner-months',
    });
    expect(kpi.get('revenue-per-partner-month:performer')).toMatchObject({
      value: 'n/a',
      target: '>= 1424.00',
      status: 'n/a',
    });
    expect(kpi.get('revenue-per-partner-month:elite')).toMatchObject({
      value: 'n/a',
      target: '>= 4636.00',
      status: 'n/a',
    });
  });

  it('activation 3 of 4 (75.0 %) and a median of 12.5 days to the first deal, no target', () => {
    // a 4 days (1 → 5 Jan), c 12.5 days (20 Jan → 1 Feb 12:00), b 14 days (1 → 15 Jan).
    expect(kpi.get('activation-rate')).toMatchObject({
      value: '75.0',
      target: null,
      status: 'no target',
      basis: '3 of 4 partners who joined closed a deal',
    });
    expect(kpi.get('time-to-first-deal')).toMatchObject({
      value: '12.5',
      unit: 'days',
      target: null,
      status: 'no target',
    });
  });

  it('gives the same report whatever the input order of events with distinct times', () => {
    const [first, second, ...rest] = events;
    const reordered = [...rest.reverse(), first, second];
    expect(kpis(reordered, sisoProgram, { asOf: AS_OF })).toEqual(report);
  });
});

describe('kpis with nothing to measure', () => {
  it('says n/a for every figure of an empty stream, never NaN', () => {
    const report = kpis([], sisoProgram);
    expect(report.asOf).toBeNull();
    expect(report.quarters).toEqual([]);
    for (const kpi of report.kpis) {
      expect(kpi.value).toBe('n/a');
      expect(kpi.status).toBe(kpi.target === null ? 'no target' : 'n/a');
    }
  });
});
