// The partner's page and the manager's overview, rendered from the view models of the portal's
// example history (examples/portal/history.ts, seen on 20 July 2025). Every figure is worked out
// by hand from the events, in the comments.
import { describe, expect, it } from 'vitest';
import { portalHistory, VIEWED_AT } from '../../examples/portal/history.js';
import { createEngine, loadProgram, sisoProgram } from '../../src/index.js';
import { markdownReport, textReport } from '../../src/reports/finance/formats.js';
import {
  featureNamesOf,
  nextTierLine,
  overviewDocument,
  overviewPage,
  partnerDocument,
  partnerPage,
} from '../../src/reports/portal/index.js';
import { PORTAL_STYLE } from '../../src/reports/portal/style.js';

const engine = createEngine(sisoProgram);
const { state } = engine.replay(portalHistory());
const view = engine.partnerView(state, 'ana', { at: VIEWED_AT });
const overview = engine.programmeOverview(state, { at: VIEWED_AT });
const shown = { timeZone: 'UTC', programmeName: sisoProgram.name, featureNames: featureNamesOf(sisoProgram) };
const page = partnerPage(view, shown);
const overviewHtml = overviewPage(overview, shown);

/** The headings of a page, in order, as `h1 text`. */
function headings(html: string): string[] {
  return [...html.matchAll(/<(h[1-6])>(.*?)<\/h[1-6]>/g)].map((match) => `${match[1]} ${match[2]}`);
}

describe('partnerPage', () => {
  it('is one English document with its style inline, no script and no address', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toMatch(/<script|<link |https?:|url\(/);
  });

  it('shows the tier card: the rate as a percentage and, at risk, the review and what keeps the tier', () => {
    // ana is Active from her third deal (5 Feb); no deal from April to June fails the review of
    // 1 July, so she is at risk until the next review, at the end of the third quarter (1 Oct).
    // Her 10 July deal already meets Active's "1 deal in the quarter".
    expect(page).toContain('<p class="headline">Active Partner</p>');
    expect(page).toContain('<p class="figure">22 %</p>');
    expect(page).toContain('<span class="chip chip-at-risk">At risk</span>');
    expect(page).toContain('<h3>At risk until the review on 1 Oct 2025</h3>');
    expect(page).toContain('<strong>Close 1 deal this review period</strong> <span class="state">met</span>');
    expect(page).toContain('<p>Otherwise you move to Starter Partner.</p>');
  });

  it('draws the progress bar for screen readers: 4 counted deals of the 10 Performer needs is 40 %', () => {
    expect(page).toContain(
      '<div class="bar" role="progressbar" aria-valuenow="40" aria-valuemin="0" aria-valuemax="100" aria-label="Progress to Performer Partner">',
    );
    expect(page).toContain('<div class="bar-fill" style="width: 40%"></div>');
    expect(page).toContain('Close 6 more deals to reach Performer Partner and its 25 % commission.');
    expect(page).toContain('4 of 10 deals · Close 6 more deals');
    // The programme's own unlocking message, while none of Performer's requirements is met.
    expect(page).toContain(
      '<p class="unlocking">Hit 10 deals to unlock team building tools and PERFORMER benefits worth 25%+ commissions!</p>',
    );
  });

  it('previews the next tier from its deal requirement, its first unlocks and its rate', () => {
    expect(nextTierLine(view, shown)).toBe(
      'Unlock at 10 deals: Team Management Dashboard, White-Label Materials, Strategic Support, … and 25 % commission',
    );
    // Without the programme's names, a feature reads as its id in words.
    expect(nextTierLine(view)).toBe(
      'Unlock at 10 deals: team dashboard, white label, strategic support, … and 25 % commission',
    );
  });

  it('tracks the money: pending, payable, paid, clawed back, and the next payout', () => {
    // Commission 20 % of 1,000.00 twice (200.00 + 200.00), 22 % of 1,000.00 (220.00), the 5 %
    // referral bonus on ben's first deal of 600.00 (30.00) and 22 % of 400.00 (88.00): earned
    // 738.00. Paid 200.00 + 450.00 = 650.00; the 88.00 of 10 July is in its 30-day window until
    // 9 August, so it is pending and the 15 August run expects it (88.00 >= the 50.00 minimum).
    expect(page).toContain('<dt>Pending (in the refund window)</dt><dd>88.00 USD</dd>');
    expect(page).toContain('<dt>Payable</dt><dd>0.00 USD</dd>');
    expect(page).toContain('<dt>Paid</dt><dd>650.00 USD</dd>');
    expect(page).toContain('<dt>Clawed back</dt><dd>0.00 USD</dd>');
    expect(page).toContain('<dt>Earned, all time</dt><dd>738.00 USD</dd>');
    expect(page).toContain('Next payout on 15 Aug 2025: 88.00 USD expected.');
  });

  it('shows the badge shelf, the leaderboard row and the team', () => {
    // Top Performer twice: first among Starters in January (2,000.00 against eve's 1,800.00),
    // first among Actives in February (1,000.00 against 900.00).
    expect(page).toContain('<strong>Top Performer ×2</strong><span class="detail">since 1 Feb 2025</span>');
    expect(page).toContain('Still to do: Have 2 more referred partners with a sale');
    // July among Actives: eve 900.00, ana 400.00: second of two, 900.00 - 400.00 = 500.00 behind.
    expect(page).toContain('<p class="figure">#2 <span class="muted">of 2</span></p>');
    expect(page).toContain('500.00 USD more revenue reaches #1.');
    expect(page).toContain('<dt>Team revenue, all time</dt><dd>600.00 USD</dd>');
  });

  it('lists the locked features under the tier that opens them', () => {
    // Performer adds 9 features, Elite 11.
    expect(page).toContain('<h3>Locked (20)</h3>');
    expect(page).toContain('<details><summary>Performer Partner opens 9 features</summary>');
    expect(page).toContain('<details><summary>Elite Partner opens 11 features</summary>');
  });

  it('has its headings in order: one h1, then h2 cards with h3 inside', () => {
    const levels = headings(page).map((heading) => Number(heading.charAt(1)));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    for (let index = 1; index < levels.length; index++)
      expect((levels[index] ?? 0) - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1);
    expect(headings(page).filter((heading) => heading.startsWith('h2'))).toEqual([
      'h2 Your tier',
      'h2 Commissions',
      'h2 Progress to Performer Partner',
      'h2 Next tier: Performer Partner',
      'h2 Badges',
      'h2 Leaderboard this month',
      'h2 Your team',
      'h2 Features',
    ]);
  });

  it('is the same bytes in any time zone of the machine', () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(partnerPage(view, shown)).toBe(page);
      expect(overviewPage(overview, shown)).toBe(overviewHtml);
    } finally {
      process.env.TZ = zone;
    }
  });

  it('shows dates in the programme time zone it is given', () => {
    // 1 Oct 2025 00:00 UTC is still 30 September in New York.
    expect(partnerPage(view, { timeZone: 'America/New_York' })).toContain('review on 30 Sep 2025');
  });
});

describe('partnerPage and overviewPage escape every string from events and programmes', () => {
  const hostile = '<script>alert("x")</script>';
  const document = JSON.parse(JSON.stringify(sisoProgram));
  document.name = `SISO ${hostile}`;
  document.tiers[1].name = `Active <b>&</b>`;
  document.badges[0].name = `First <img src=x onerror=alert(1)>`;
  const program = loadProgram(document);
  const hostileEngine = createEngine(program);
  const events = [
    { id: 'j', type: 'partner.joined', at: '2025-01-01T00:00:00Z', partnerId: hostile, sponsorId: null },
    {
      id: 'c',
      type: 'training.completed',
      at: '2025-01-02T00:00:00Z',
      partnerId: hostile,
      moduleId: 'certification',
    },
    ...[1, 2, 3].map((day) => ({
      id: `d${day}`,
      type: 'deal.closed',
      at: `2025-01-0${day + 2}T00:00:00Z`,
      partnerId: hostile,
      dealId: `<i>${day}</i>`,
      amount: '100.00',
      currency: 'USD',
    })),
  ];
  const replayed = hostileEngine.replay(events);
  const options = { programmeName: program.name, featureNames: { dashboard: '<u>Dashboard</u>' } };
  const pages = [
    partnerPage(hostileEngine.partnerView(replayed.state, hostile), options),
    overviewPage(hostileEngine.programmeOverview(replayed.state), options),
  ];

  it('writes no markup of its own data', () => {
    for (const html of pages) {
      expect(html).not.toMatch(/<script|<b>|<img|<u>|<i>/);
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
    expect(pages[0]).toContain('Active &lt;b&gt;&amp;&lt;/b&gt;');
    expect(pages[0]).toContain('First &lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('overviewPage', () => {
  it('counts partners by tier and status in a table with row and column headers, and a chart', () => {
    // Starter: ben, fay, gus; Active: eve (good) and ana (at risk).
    expect(overviewHtml).toContain(
      '<thead><tr><th scope="col">tier</th><th scope="col" class="right">good</th><th scope="col" class="right">at risk</th><th scope="col" class="right">waiting</th></tr></thead>',
    );
    expect(overviewHtml).toContain(
      '<tr><th scope="row">Active Partner</th><td class="right">1</td><td class="right">1</td><td class="right">0</td></tr>',
    );
    expect(overviewHtml).toContain(
      '<svg viewBox="0 0 360 206" width="360" height="206" role="img" aria-label="Partners by tier and status">',
    );
  });

  it('lists who is at risk, close to promotion and held back, with what they lack', () => {
    expect(overviewHtml).toContain('<h2>At risk (1)</h2>');
    expect(overviewHtml).toContain('<th scope="row" data-label="partner">ana</th>');
    expect(overviewHtml).toContain('<td data-label="review">1 Oct 2025</td>');
    // Close to promotion: fay, one training from Active; ana (4 of 10 deals) and eve (5 of 10)
    // lack one requirement too, but more than a fifth of it.
    expect(overviewHtml).toContain('<h2>Close to promotion (1)</h2>');
    // fay has the 3 deals Active needs but not the certification.
    expect(overviewHtml).toContain('<h2>Held back (1)</h2>');
    expect(overviewHtml).toContain('<td data-label="held back by">Complete the certification training</td>');
  });

  it('shows the money owed and the next payout run', () => {
    // Pending: ana 88.00 + eve 198.00 (22 % of her 8 July 900.00) = 286.00. Payable: ben 120.00
    // (20 % of 600.00, never paid) + eve 180.00 + 180.00 + 198.00 + 198.00 = 756.00 + fay
    // 3 × 100.00 = 300.00: 1,176.00. Owed 286.00 + 1,176.00 = 1,462.00; by 15 August both pending
    // amounts are released, so the run pays all of it to ana, ben, eve and fay.
    expect(overviewHtml).toContain('<dt>Owed (pending + payable)</dt><dd>1,462.00 USD</dd>');
    expect(overviewHtml).toContain('<dt>Pending (in the refund window)</dt><dd>286.00 USD</dd>');
    expect(overviewHtml).toContain('<dt>Payable</dt><dd>1,176.00 USD</dd>');
    expect(overviewHtml).toContain('Next payout run on 15 Aug 2025: 1,462.00 USD to 4 partners.');
  });

  it('shows this month\u2019s leaders by tier and the Elite places', () => {
    expect(overviewHtml).toContain('<h2>Leaders, July 2025</h2>');
    expect(overviewHtml).toContain(
      '<tr><td class="right">1</td><td>eve</td><td class="right">900.00</td></tr>',
    );
    expect(overviewHtml).toContain('<p>0 of 20 places held.</p>');
  });
});

describe('partnerDocument and overviewDocument', () => {
  it('write the same view as text lines and tables', () => {
    const text = textReport(partnerDocument(view, shown));
    expect(text.split('\n').slice(0, 4)).toEqual([
      'Partner ana',
      'as of 2025-07-20T00:00:00.000Z',
      '',
      'Tier: Active Partner, 22 % commission, at risk',
    ]);
    expect(text).toContain(
      'Leaderboard July 2025: #2 of 2 in Active Partner with 400.00 USD, 500.00 USD behind #1',
    );
  });

  it('write the overview as Markdown with its key lines', () => {
    const markdown = markdownReport(overviewDocument(overview, shown));
    expect(markdown).toContain('- Owed: 1,462.00 USD (pending 286.00 USD + payable 1,176.00 USD)');
    expect(markdown).toContain('- At risk: 1 (ana)');
    expect(markdown).toContain(
      '| fay | Starter Partner | 3 | Active Partner | Complete the certification training |',
    );
  });
});

describe('PORTAL_STYLE', () => {
  /** WCAG 2 contrast ratio of two #rrggbb colours. */
  function contrast(foreground: string, background: string): number {
    const luminance = (hex: string) => {
      const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((start) => {
        const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    };
    const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
  }

  // Each text colour of the style sheet on each background it is written on.
  const pairs: [string, string][] = [
    ['#1d1d1f', '#ffffff'],
    ['#1d1d1f', '#f3f4f6'],
    ['#4a4f57', '#ffffff'],
    ['#4a4f57', '#f3f4f6'],
    ['#4a4f57', '#fbe6e3'],
    ['#175227', '#e3f3e7'],
    ['#175227', '#ffffff'],
    ['#175227', '#fbe6e3'],
    ['#8a1f11', '#fbe6e3'],
    ['#8a1f11', '#ffffff'],
    ['#5f4500', '#fdf2d3'],
    ['#5c1409', '#fbe6e3'],
    ['#4d3800', '#fdf2d3'],
    ['#163d66', '#e8f0fa'],
  ];

  it.each(pairs)('writes %s on %s at 4.5:1 or more', (foreground, background) => {
    expect(PORTAL_STYLE).toContain(foreground);
    expect(PORTAL_STYLE).toContain(background);
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the pages at the top tier and in the queue for it', () => {
  // Elite with one place: top and next (certified, 25 deals each, top first) both qualify; next
  // waits for the place top holds.
  const document = JSON.parse(JSON.stringify(sisoProgram));
  document.tiers[3].capacity = 1;
  const program = loadProgram(document);
  const cappedEngine = createEngine(program);
  const partnerEvents = (partnerId: string, hour: number) => [
    {
      id: `j-${partnerId}`,
      type: 'partner.joined',
      at: `2025-01-01T0${hour}:00:00Z`,
      partnerId,
      sponsorId: null,
    },
    {
      id: `c-${partnerId}`,
      type: 'training.completed',
      at: `2025-01-01T0${hour}:30:00Z`,
      partnerId,
      moduleId: 'certification',
    },
    ...Array.from({ length: 25 }, (_, index) => ({
      id: `d-${partnerId}-${index}`,
      type: 'deal.closed',
      at: `2025-01-${String(index + 2).padStart(2, '0')}T0${hour}:00:00Z`,
      partnerId,
      dealId: `${partnerId}-${index}`,
      amount: '100.00',
      currency: 'USD',
    })),
  ];
  const capped = cappedEngine.replay([...partnerEvents('top', 1), ...partnerEvents('next', 2)]);
  const topPage = partnerPage(cappedEngine.partnerView(capped.state, 'top'));
  const queuePage = partnerPage(cappedEngine.partnerView(capped.state, 'next'));
  const cappedOverview = overviewPage(cappedEngine.programmeOverview(capped.state));

  it('says there is no next tier at the top, the bar full', () => {
    expect(topPage).toContain('<p class="headline">Elite Partner</p>');
    expect(topPage).toContain('<p class="figure">30 %</p>');
    expect(topPage).toContain('aria-valuenow="100"');
    expect(topPage).toContain('<h2>Your progress</h2>');
    expect(topPage).toContain('<p>You hold the highest tier: there is no next one.</p>');
    expect(topPage).toContain('<p>Every feature is unlocked.</p>');
  });

  it('shows the queue to a partner waiting for a place', () => {
    expect(queuePage).toContain('<p class="headline">Performer Partner</p>');
    expect(queuePage).toContain('<span class="chip chip-waitlisted">Waiting for a place</span>');
    expect(queuePage).toContain(
      '<p class="notice notice-queue">Place 1 of 1 in the queue for Elite Partner.</p>',
    );
  });

  it('shows the place held and the queue on the overview', () => {
    expect(cappedOverview).toContain('<p>1 of 1 place held.</p>');
    expect(cappedOverview).toContain('<p>Waiting, first come first served: next.</p>');
    expect(cappedOverview).toContain(
      '<tr><th scope="row">Performer Partner</th><td class="right">0</td><td class="right">0</td><td class="right">1</td></tr>',
    );
  });
});
