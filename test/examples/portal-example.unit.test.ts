// The portal example (examples/portal/render.ts): a host's own terminal card and HTML widget from
// `engine.partnerView`, and the celebrations an event's effects give the partner's portal.
import { describe, expect, it } from 'vitest';
import { portalHistory, VIEWED_AT } from '../../examples/portal/history.js';
import { celebrationsFor, terminalCard, widgetHtml } from '../../examples/portal/render.js';
import { createEngine, sisoProgram } from '../../src/index.js';

const engine = createEngine(sisoProgram);
const { state } = engine.replay(portalHistory());

describe('the portal example', () => {
  it('draws ana\u2019s card for a terminal', () => {
    // 4 counted deals of 10: 40 %, 8 of 20 cells. Pending 22 % of her 10 July 400.00; paid
    // 200.00 + 450.00; July among Actives: eve 900.00, ana 400.00, 500.00 apart.
    expect(terminalCard(engine.partnerView(state, 'ana', { at: VIEWED_AT }))).toEqual([
      'ana · Active Partner · 22 % · at-risk',
      '  keep it by the review of 2025-10-01',
      '  [########------------] 40 % to Performer Partner',
      '  Close 6 more deals to reach Performer Partner and its 25 % commission.',
      '  pending 88.00 USD, payable 0.00 USD, paid 650.00 USD',
      '  next payout 2025-08-15: 88.00 USD',
      '  #2 of 2 in 2025-07, 500.00 USD behind the next',
    ]);
  });

  describe('when fay, with her 3 deals, completes the certification training', () => {
    const applied = engine.apply(state, {
      id: 'cert-fay',
      type: 'training.completed',
      at: '2025-07-21T09:00:00Z',
      partnerId: 'fay',
      moduleId: 'certification',
    });
    if (!applied.ok) throw new Error(applied.error.message);
    const cheers = celebrationsFor(engine, applied.effects, 'fay');

    it('celebrates her promotion and her badge with confetti, her payout without', () => {
      // Her 3 × 100.00 has been payable since April and unpaid: the 15 July run, which the clock
      // passes on its way to 21 July, asks for it again.
      expect(cheers).toEqual([
        { partnerId: 'fay', banner: 'A payout of 300.00 USD is on its way', confetti: false },
        { partnerId: 'fay', banner: 'You reached Active Partner!', confetti: true },
        { partnerId: 'fay', banner: 'New badge: Certified', confetti: true },
      ]);
      expect(celebrationsFor(engine, applied.effects, 'ana')).toEqual([]);
    });

    it('puts the banners on her widget and raises the confetti flag', () => {
      const html = widgetHtml(engine.partnerView(applied.state, 'fay'), cheers);
      expect(html.split('\n').slice(0, 5)).toEqual([
        '<section class="partner-widget" data-confetti="true">',
        '<p class="banner">A payout of 300.00 USD is on its way</p>',
        '<p class="banner">You reached Active Partner!</p>',
        '<p class="banner">New badge: Certified</p>',
        '<h2>Active Partner · 22 %</h2>',
      ]);
      // 3 counted deals of Performer's 10.
      expect(html).toContain('<progress max="100" value="30">30 %</progress>');
    });
  });

  it('escapes what it writes', () => {
    const view = engine.partnerView(state, 'ana', { at: VIEWED_AT });
    const html = widgetHtml(view, [{ partnerId: 'ana', banner: '<script>x</script> & co', confetti: false }]);
    expect(html).toContain('<p class="banner">&lt;script&gt;x&lt;/script&gt; &amp; co</p>');
    expect(html).toContain('data-confetti="false"');
  });
});
