// The partner's page in a real browser (headless Chromium): screenshots at a phone's and a
// desktop's window size, and the page as laid out: the progress bar with its value and the next
// tier's name are shown (not display: none, not zero-sized), and the page is never wider than the
// window, down to 375 px. Skipped, saying why, where no Chromium is installed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portalHistory, VIEWED_AT } from '../../examples/portal/history.js';
import { findChromium, probePage, screenshot } from '../../scripts/chromium.js';
import { createEngine, sisoProgram } from '../../src/index.js';
import { featureNamesOf, partnerPage } from '../../src/reports/portal/index.js';

const chromium = findChromium();
if (chromium === null)
  console.log('portal-browser: no chromium found (/usr/bin/chromium or CHROMIUM_PATH): skipped');

const engine = createEngine(sisoProgram);
const { state } = engine.replay(portalHistory());
const html = partnerPage(engine.partnerView(state, 'ana', { at: VIEWED_AT }), {
  programmeName: sisoProgram.name,
  featureNames: featureNamesOf(sisoProgram),
});
const folder = mkdtempSync(join(tmpdir(), 'portal-browser-'));
const page = join(folder, 'ana.html');
writeFileSync(page, html);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SELECTORS = ['[role="progressbar"]', 'h2'];

/** The width and height a PNG file's header gives. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.skipIf(chromium === null)('the partner page in headless Chromium', () => {
  const binary = chromium as string;

  it('is screenshot at a phone\u2019s and a desktop\u2019s window size', () => {
    for (const [name, size] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const file = join(folder, `${name}.png`);
      screenshot(binary, page, file, size);
      expect(pngSize(file)).toEqual(size);
    }
  });

  it.each([
    ['a phone', PHONE],
    ['a small phone', { width: 375, height: 667 }],
    ['a desktop', DESKTOP],
  ])('shows the progress bar and the next tier on %s, without scrolling sideways', (_, size) => {
    const probe = probePage(binary, html, SELECTORS, size);
    expect(probe.innerWidth).toBe(size.width);
    expect(probe.scrollWidth).toBeLessThanOrEqual(size.width);
    // 4 counted deals of the 10 Performer needs: 40 %.
    const [bar, ...others] = probe.elements['[role="progressbar"]'] ?? [];
    expect(others).toHaveLength(0);
    expect(bar?.visible).toBe(true);
    expect(bar?.attributes).toMatchObject({
      'aria-valuenow': '40',
      'aria-valuemin': '0',
      'aria-valuemax': '100',
      'aria-label': 'Progress to Performer Partner',
    });
    const next = (probe.elements.h2 ?? []).find((heading) => heading.text === 'Next tier: Performer Partner');
    expect(next?.visible).toBe(true);
  });
});
