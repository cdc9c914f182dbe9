import { describe, expect, it } from 'vitest';
import { sisoProgram } from '../../src/program/siso.js';
import { SimulationError } from '../../src/simulation/errors.js';
import { simulate } from '../../src/simulation/simulate.js';
import { events } from '../support/scenario.js';
import { onePartnerStream, referralStream, sisoWith, sisoWithRate } from './givens.js';

describe('simulate', () => {
  const stream = onePartnerStream();

  it('raising Active from 22 % to 24 % costs 2 % more of the deals paid at Active', () => {
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.24')],
    });
    // Baseline: 200.00 + 200.00 + 3 × 220.00 = 1060.00. Candidate: 200.00 + 200.00 + 3 × 240.00 = 1120.00.
    // Delta: 2 % of the 3 × 1000.00 paid at Active = 60.00.
    expect(report.baseline.total).toBe('1060.00');
    const [candidate] = report.candidates;
    expect(candidate?.total).toBe('1120.00');
    expect(candidate?.delta).toBe('60.00');
    // 60.00 / 1060.00 = 0.056603… → 0.0566.
    expect(candidate?.deltaShare).toBe('0.0566');
  });

  it('breaks the cost down by kind, tier and month, with revenue and cost share', () => {
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.24')],
    });
    const [candidate] = report.candidates;
    expect(candidate?.byKind.find((row) => row.kind === 'commission')).toEqual({
      kind: 'commission',
      baseline: '1060.00',
      candidate: '1120.00',
      delta: '60.00',
    });
    // Starter's two deals are the same under both; Active's three move 660.00 → 720.00.
    expect(candidate?.byTier.slice(0, 2)).toEqual([
      { tier: 'starter', baseline: '400.00', candidate: '400.00', delta: '0.00' },
      { tier: 'active', baseline: '660.00', candidate: '720.00', delta: '60.00' },
    ]);
    // Revenue: five deals of 1000.00 in January. Cost share 1060 / 5000 = 0.2120; 1120 / 5000 = 0.2240.
    expect(report.baseline.revenue).toBe('5000.00');
    expect(report.baseline.costShare).toBe('0.2120');
    expect(candidate?.costShare).toBe('0.2240');
    expect(candidate?.byMonth).toEqual([
      {
        month: '2025-01',
        revenue: '5000.00',
        baseline: '1060.00',
        candidate: '1120.00',
        delta: '60.00',
        baselineShare: '0.2120',
        candidateShare: '0.2240',
      },
    ]);
  });

  it('counts revenue net of refunds in the refund month, and clawbacks as negative cost', () => {
    const refunded = [...stream, events.refund('p1-d5', '500.00', '2025-02-05', 'r-p1-d5')];
    const report = simulate({
      events: refunded,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.24')],
    });
    // Half of deal 5 refunded in February: its 220.00 (240.00) is clawed back by half, -110.00 (-120.00).
    // Baseline 1060.00 - 110.00 = 950.00; candidate 1120.00 - 120.00 = 1000.00. Revenue 5000.00 - 500.00.
    expect(report.baseline).toMatchObject({ total: '950.00', revenue: '4500.00' });
    expect(
      report.candidates[0]?.byMonth.map((row) => [row.month, row.revenue, row.baseline, row.candidate]),
    ).toEqual([
      ['2025-01', '5000.00', '1060.00', '1120.00'],
      ['2025-02', '-500.00', '-110.00', '-120.00'],
    ]);
    expect(report.candidates[0]?.byKind.find((row) => row.kind === 'clawback')?.delta).toBe('-10.00');
  });

  it('lists the winners with their deltas and where partners end', () => {
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.24')],
    });
    const [candidate] = report.candidates;
    expect(candidate?.winners).toEqual([
      {
        partnerId: 'p1',
        baseline: '1060.00',
        candidate: '1120.00',
        delta: '60.00',
        baselineTier: 'active',
        candidateTier: 'active',
      },
    ]);
    expect(candidate?.losers).toEqual([]);
    expect(candidate?.partners).toEqual({ better: 1, worse: 0, unchanged: 0 });
    expect(candidate?.tiers.find((row) => row.tier === 'active')).toEqual({
      tier: 'active',
      baseline: 1,
      candidate: 1,
    });
    // One promotion, Starter to Active, under both.
    expect(candidate?.movements.promotions).toEqual({ baseline: 1, candidate: 1 });
  });

  it('prices a different referral bonus', () => {
    const candidate = sisoWith((document) => {
      for (const tier of document.tiers)
        if (tier.referralBonusRate !== undefined) tier.referralBonusRate = '0.08';
    });
    const report = simulate({ events: referralStream(), baseline: sisoProgram, candidates: [candidate] });
    // Baseline 620.00 + 400.00 + 5 % × 2000.00 (100.00) = 1120.00; at 8 % the bonus is 160.00: 1180.00.
    expect(report.baseline.total).toBe('1120.00');
    expect(report.candidates[0]?.total).toBe('1180.00');
    expect(report.candidates[0]?.byKind.find((row) => row.kind === 'referral-bonus')).toEqual({
      kind: 'referral-bonus',
      baseline: '100.00',
      candidate: '160.00',
      delta: '60.00',
    });
    expect(report.candidates[0]?.winners.map((row) => [row.partnerId, row.delta])).toEqual([['s1', '60.00']]);
  });

  it('explains a partner delta entry by entry, with both derivations', () => {
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.24')],
      partner: 'p1',
    });
    const explanation = report.candidates[0]?.partner;
    expect(explanation?.delta).toBe('60.00');
    // Deals 1 and 2 (Starter) are the same; deals 3 to 5 each move 220.00 → 240.00.
    expect(explanation?.unchanged).toBe(2);
    expect(explanation?.changes.map((change) => [change.entryId, change.change, change.delta])).toEqual([
      ['e-p1-d3:commission', 'changed', '20.00'],
      ['e-p1-d4:commission', 'changed', '20.00'],
      ['e-p1-d5:commission', 'changed', '20.00'],
    ]);
    const [first] = explanation?.changes ?? [];
    expect(first?.baseline).toMatchObject({
      amount: '220.00',
      rate: '0.22',
      tier: 'active',
      eventId: 'e-p1-d3',
    });
    expect(first?.candidate).toMatchObject({
      amount: '240.00',
      rate: '0.24',
      tier: 'active',
      eventId: 'e-p1-d3',
    });
    expect(first?.candidate?.explanation).toContain('24');
  });

  it('counts an entry that differs only in the version label as unchanged', () => {
    const relabelled = sisoWith((document) => {
      document.version = '2026.1';
    });
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [relabelled],
      partner: 'p1',
    });
    // The same five commissions (200.00, 200.00, 220.00, 220.00, 220.00) under both labels.
    expect(report.candidates[0]?.partner).toMatchObject({ delta: '0.00', unchanged: 5, changes: [] });
  });

  it('refuses to explain a partner who never joined', () => {
    expect(() =>
      simulate({ events: stream, baseline: sisoProgram, candidates: [sisoProgram], partner: 'p9' }),
    ).toThrow('partner "p9" is not among the 1 partners who joined in the events');
  });

  it('judges guards and names the partner who breaks one', () => {
    // Active at 20 %: p1 earns 5 × 200.00 = 1000.00 instead of 1060.00, 60.00 less: 60 / 1060 = 5.66 % > 5 %.
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoWithRate('active', '0.20')],
      guards: ['partner-loss <= 5%', 'partner-loss <= 6%', 'cost-share <= 24%'],
    });
    expect(report.passed).toBe(false);
    const [loss5, loss6, share] = report.candidates[0]?.guards ?? [];
    expect(loss5).toMatchObject({ guard: 'partner-loss <= 5%', passed: false, measured: 'worst loss 60.00' });
    expect(loss5?.violations).toEqual([
      {
        partnerId: 'p1',
        value: '5.66 %',
        message: 'p1 earns 60.00 less (5.66 %): 1060.00 under the baseline, 1000.00 under the candidate',
      },
    ]);
    expect(loss6?.passed).toBe(true);
    // 1000.00 / 5000.00 = 20 %.
    expect(share).toEqual({ guard: 'cost-share <= 24%', passed: true, measured: '20.00 %', violations: [] });
  });

  it('gives the same report, reproducibility line included, for events in another order', () => {
    const options = { baseline: sisoProgram, candidates: [sisoWithRate('active', '0.24')] };
    const reversed = simulate({ ...options, events: [...stream].reverse() });
    expect(reversed).toEqual(simulate({ ...options, events: stream }));
  });

  it('counts nothing of a payout due: cost is the ledger', () => {
    // Payout runs on 15 February and 15 March pay what became payable; the cost stays 1060.00.
    const report = simulate({
      events: stream,
      baseline: sisoProgram,
      candidates: [sisoProgram],
      asOf: '2025-03-31T00:00:00Z',
    });
    expect(report.asOf).toBe('2025-03-31T00:00:00.000Z');
    expect(report.baseline.total).toBe('1060.00');
    expect(report.candidates[0]?.delta).toBe('0.00');
  });

  it('refuses an invalid candidate, guard or as-of time before running anything', () => {
    const broken = { ...sisoProgram, tiers: [] };
    const attempt = (options: Partial<Parameters<typeof simulate>[0]>) => () =>
      simulate({ events: stream, baseline: sisoProgram, candidates: [sisoProgram], ...options });
    expect(attempt({ candidates: [sisoProgram, broken] })).toThrow(SimulationError);
    expect(attempt({ candidates: [sisoProgram, broken] })).toThrow(
      /^candidates\[1\] is not a valid programme: tiers/,
    );
    expect(attempt({ guards: ['cost-share <= 24'] })).toThrow(/cost-share takes a percentage/);
    expect(attempt({ asOf: 'yesterday' })).toThrow(/asOf must be an ISO-8601/);
    expect(attempt({ candidates: [] })).toThrow(/from 1 to 100 candidate/);
  });
});
