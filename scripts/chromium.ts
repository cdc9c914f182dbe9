// Headless Chromium for the portal's pages: find the browser, take a screenshot of a page at a
// window size, and probe a page as laid out (is an element shown, does the page scroll sideways)
// by loading it in a frame beside a small script that writes what it measured into the DOM, which
// --dump-dom then prints. The pages themselves carry no script; only the probe's page does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where Debian, Ubuntu and Chrome install the browser; CHROMIUM_PATH first when set. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
/** Long enough for a cold start on a busy machine; a page of ours loads in well under a second. */
const TIMEOUT_MS = 30_000;

/** The browser's path, or null when none is installed. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, ...CANDIDATES].filter(
    (path): path is string => path !== undefined && path !== '',
  );
  return candidates.find((path) => existsSync(path)) ?? null;
}

export interface WindowSize {
  readonly width: number;
  readonly height: number;
}

/** Runs the browser headless on a page with its own throwaway profile, and gives its stdout. */
function runChromium(binary: string, page: string, size: WindowSize, action: readonly string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
  try {
    return execFileSync(
      binary,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--hide-scrollbars',
        '--no-first-run',
        '--disable-dev-shm-usage',
        `--user-data-dir=${profile}`,
        `--window-size=${size.width},${size.height}`,
        ...action,
        pathToFileURL(page).href,
      ],
      { encoding: 'utf8', timeout: TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Saves a PNG of the page as a window of this size shows it. */
export function screenshot(binary: string, page: string, file: string, size: WindowSize): void {
  runChromium(binary, page, size, [`--screenshot=${file}`]);
}

export interface ShownElement {
  readonly text: string;
  /** Displayed, not hidden, and with an area on the page. */
  readonly visible: boolean;
  readonly attributes: Readonly<Record<string, string>>;
}

export interface PageProbe {
  /** What each selector matched, in document order. */
  readonly elements: Readonly<Record<string, readonly ShownElement[]>>;
  /** The page's width and the window's: a page wider than its window scrolls sideways. */
  readonly scrollWidth: number;
  readonly innerWidth: number;
  readonly scrollHeight: number;
}

const PROBE_ID = 'portal-probe';

/**
 * The probe's page: the page in a frame of the window's size (a headless window is at least 500 px
 * wide, a frame can be a phone's width, and the page's media queries read the frame's), and a
 * script that measures it once everything has loaded, then writes JSON into the DOM.
 */
function probeDocument(html: string, selectors: readonly string[], size: WindowSize): string {
  const source = html.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `<!DOCTYPE html>
<html><body style="margin: 0">
<iframe id="page" style="border: 0; display: block" width="${size.width}" height="${size.height}" srcdoc="${source}"></iframe>
<script>
window.addEventListener('load', () => {
  const frame = document.getElementById('page');
  const view = frame.contentWindow;
  const page = frame.contentDocument;
  const shown = (element) => {
    const style = view.getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  };
  const elements = {};
  for (const selector of ${JSON.stringify(selectors)}) {
    elements[selector] = [...page.querySelectorAll(selector)].map((element) => ({
      text: element.textContent.trim(),
      visible: shown(element),
      attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
    }));
  }
  const root = page.documentElement;
  const probe = { elements, scrollWidth: root.scrollWidth, innerWidth: view.innerWidth, scrollHeight: root.scrollHeight };
  const out = document.createElement('pre');
  out.id = '${PROBE_ID}';
  out.textContent = JSON.stringify(probe);
  document.body.append(out);
});
</script>
</body></html>
`;
}

/**
 * Loads the page at a window size and measures it: the elements the selectors match (their
 * text, whether they are shown, their attributes) and whether the page is wider than the window.
 */
export function probePage(
  binary: string,
  html: string,
  selectors: readonly string[],
  size: WindowSize,
): PageProbe {
  const folder = mkdtempSync(join(tmpdir(), 'portal-probe-'));
  try {
    const page = join(folder, 'probe.html');
    writeFileSync(page, probeDocument(html, selectors, size));
    const dom = runChromium(binary, page, { width: Math.max(size.width, 500), height: size.height }, [
      '--dump-dom',
    ]);
    const match = new RegExp(`<pre id="${PROBE_ID}">([^<]*)</pre>`).exec(dom);
    if (!match?.[1]) throw new Error('the probe wrote nothing: did the page load?');
    return JSON.parse(unescapeText(match[1])) as PageProbe;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Text as --dump-dom serialises it (with &amp;, &lt;, &gt; and, in text, &quot; maybe). */
function unescapeText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&amp;/g, '&');
}
