// What a partner's page, its text document and `explain --partner` say of the next payout run:
// the amount it pays, nothing to pay out (0.00 or less), or an amount below the minimum that
// carries over. One rule for all three (payoutOutlook), the payout run's own (paysOut).
import { describe, expect, it } from 'vitest';
import sisoDocument from '../../examples/programs/siso.json' with { type: 'json' };
import { payoutOutlook } from '../../src/commissions/statement.js';
import { createEngine, loadProgram, sisoProgram } from '../../src/index.js';
import { textReport } from '../../src/reports/finance/formats.js';
import { partnerDocument, partnerPage } from '../../src/reports/portal/index.js';
import { events } from '../support/scenario.js';

const joined = events.joined('p1', '2025-01-01', null, 'j1');

function viewOf(program: typeof sisoProgram, given: readonly unknown[]) {
  const engine = createEngine(program);
  const { state } = engine.replay(given, { asOf: '2025-01-20T00:00:00.000Z' });
  return engine.partnerView(state, 'p1');
}

function zeroMinimum() {
  const document = structuredClone(sisoDocument) as unknown as { payouts: { minimum: string } };
  document.payouts.minimum = '0';
  return loadProgram(document);
}

describe('the next payout, in words', () => {
  it('says there is nothing to pay out for 0.00, whatever the minimum', () => {
    // No deal: seen on 20 January, the next run is on 15 February and would pay 0.00, under
    // SISO's 50.00 minimum as under a minimum of 0.
    for (const program of [sisoProgram, zeroMinimum()]) {
      const view = viewOf(program, [joined]);
      expect(payoutOutlook(view.commissions.nextPayout)).toBe('nothing-to-pay');
      expect(partnerPage(view)).toContain('Next payout run on 15 Feb 2025: nothing to pay out.');
      expect(textReport(partnerDocument(view))).toContain('Next payout on 15 Feb 2025: nothing to pay out');
    }
  });

  it('says an amount below the minimum carries over', () => {
    // 0.20 × 200.00 = 40.00, payable 1 February (30 days after 2 January): 40.00 < 50.00.
    const view = viewOf(sisoProgram, [joined, events.deal('p1', 'a', '200.00', '2025-01-02')]);
    expect(payoutOutlook(view.commissions.nextPayout)).toBe('below-minimum');
    expect(partnerPage(view)).toContain(
      'Next payout run on 15 Feb 2025: 40.00 USD is below the 50.00 USD minimum, so it carries over.',
    );
  });

  it('gives the amount the run pays', () => {
    // Under a minimum of 0, the same 40.00 is paid on 15 February.
    const view = viewOf(zeroMinimum(), [joined, events.deal('p1', 'a', '200.00', '2025-01-02')]);
    expect(payoutOutlook(view.commissions.nextPayout)).toBe('pays');
    expect(partnerPage(view)).toContain('Next payout on 15 Feb 2025: 40.00 USD expected.');
  });
});
