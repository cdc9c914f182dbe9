// Screenshots of the portal's pages for docs/portal.md, by headless Chromium: ana's page (the
// example history of examples/portal/history.ts, seen on 20 July 2025) at a phone's width and at a
// desktop's, and the manager's overview at a desktop's, each as long as the page.
//
//   npx tsx scripts/portal-screenshots.ts        (needs chromium; CHROMIUM_PATH to name another)
//
// writes docs/images/portal-phone.png, portal-desktop.png and overview-desktop.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portalHistory, VIEWED_AT } from '../examples/portal/history.js';
import { createEngine, sisoProgram } from '../src/index.js';
import { featureNamesOf, overviewPage, partnerPage } from '../src/reports/portal/index.js';
import { findChromium, probePage, screenshot } from './chromium.js';

const PHONE_WIDTH = 390;
const DESKTOP_WIDTH = 1280;
const images = fileURLToPath(new URL('../docs/images/', import.meta.url));

function pages(): { partner: string; overview: string } {
  const engine = createEngine(sisoProgram);
  const { state } = engine.replay(portalHistory());
  const options = { programmeName: sisoProgram.name, featureNames: featureNamesOf(sisoProgram) };
  return {
    partner: partnerPage(engine.partnerView(state, 'ana', { at: VIEWED_AT }), options),
    overview: overviewPage(engine.programmeOverview(state, { at: VIEWED_AT }), options),
  };
}

/** A screenshot of the whole page at a width: as tall as the page lays out at that width. */
function wholePage(binary: string, html: string, width: number, file: string): void {
  const { scrollHeight, scrollWidth } = probePage(binary, html, [], { width, height: 800 });
  if (scrollWidth > width)
    throw new Error(`${file}: the page is ${scrollWidth} px wide in a ${width} px window`);
  const folder = mkdtempSync(join(tmpdir(), 'portal-page-'));
  try {
    const page = join(folder, 'page.html');
    writeFileSync(page, html);
    screenshot(binary, page, join(images, file), { width, height: scrollHeight });
    console.log(`docs/images/${file}: ${width} × ${scrollHeight}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function main(): void {
  const binary = findChromium();
  if (binary === null) {
    console.error('no chromium found (set CHROMIUM_PATH to the browser)');
    process.exitCode = 2;
    return;
  }
  mkdirSync(images, { recursive: true });
  const { partner, overview } = pages();
  wholePage(binary, partner, PHONE_WIDTH, 'portal-phone.png');
  wholePage(binary, partner, DESKTOP_WIDTH, 'portal-desktop.png');
  wholePage(binary, overview, DESKTOP_WIDTH, 'overview-desktop.png');
}

main();
