import { describe, expect, it } from 'vitest';
import {
  bandChart,
  barChart,
  escapeHtml,
  htmlPage,
  lineChart,
  tableHtml,
  tickLabel,
  valueScale,
} from '../../src/reports/html/index.js';

describe('escapeHtml', () => {
  it('replaces the five markup characters', () => {
    expect(escapeHtml(`<a href="x">'Tom' & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;Tom&#39; &amp; Jerry&lt;/a&gt;',
    );
  });
});

describe('valueScale', () => {
  it('starts at zero for positive values and ends at a round number', () => {
    // (940 - 0) / 5 = 188, rounded up to the nice step 200: 0, 200, … 1000.
    expect(valueScale([120, 940])).toEqual({
      minimum: 0,
      maximum: 1000,
      ticks: [0, 200, 400, 600, 800, 1000],
    });
  });

  it('reaches below zero for negative values', () => {
    // range -30 … 70 = 100, / 5 = 20: the step is 20, from -40 to 80.
    expect(valueScale([-30, 70])).toEqual({
      minimum: -40,
      maximum: 80,
      ticks: [-40, -20, 0, 20, 40, 60, 80],
    });
  });

  it('gives a unit range when every value is zero', () => {
    expect(valueScale([0, 0])).toEqual({ minimum: 0, maximum: 1, ticks: [0, 1] });
  });

  it('labels ticks with thousands and millions', () => {
    expect([tickLabel(2_500_000), tickLabel(40_000), tickLabel(1_500), tickLabel(0.25)]).toEqual([
      '2.5M',
      '40k',
      '1,500',
      '0.25',
    ]);
  });
});

describe('charts', () => {
  it('draws one bar per series and category, each with its value as a tooltip', () => {
    const svg = barChart({
      title: 'Cost by tier',
      categories: ['starter', 'active'],
      series: [
        { name: 'baseline', values: ['120.00', '300.00'] },
        { name: 'candidate', values: ['120.00', '327.27'] },
      ],
    });
    expect(svg.match(/<rect x=/g)).toHaveLength(4 + 2); // 4 bars and 2 legend swatches
    expect(svg).toContain('<title>candidate, active: 327.27</title>');
  });

  it('draws a polyline per series with a dot per value', () => {
    const svg = lineChart({
      title: 'Cost by month',
      xLabels: ['2025-01', '2025-02', '2025-03'],
      series: [{ name: 'baseline', values: ['100.00', '180.00', '90.00'] }],
    });
    expect(svg.match(/<polyline /g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('>2025-02<');
  });

  it('draws a band as an area from P90 back along P10, with the P50 line', () => {
    const svg = bandChart({
      title: 'Forecast',
      xLabels: ['a', 'b'],
      bands: [{ name: 'baseline', p10: [1, 2], p50: [2, 3], p90: [3, 4] }],
    });
    const area = /<polygon points="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    expect(area).toHaveLength(4);
    expect(svg).toContain('<title>baseline, b: P10 2, P50 3, P90 4</title>');
  });

  it('escapes series names and labels', () => {
    const svg = lineChart({ title: '<script>', xLabels: ['<b>'], series: [{ name: 'a&b', values: [1] }] });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('a&amp;b');
  });
});

describe('htmlPage', () => {
  const page = htmlPage({
    title: 'Report <1>',
    reproducibility: 'events sha256:00',
    sections: [
      { heading: 'Summary', blocks: [{ kind: 'text', text: 'cost & more' }] },
      {
        heading: 'Chart',
        blocks: [{ kind: 'markup', markup: barChart({ title: 't', categories: ['x'], series: [] }) }],
      },
    ],
  });

  it('is one self-contained document: inline style, no script, no URL', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<style>');
    expect(page).not.toMatch(/<script|https?:|<link /);
  });

  it('escapes its text', () => {
    expect(page).toContain('<h1>Report &lt;1&gt;</h1>');
    expect(page).toContain('<p>cost &amp; more</p>');
  });

  it('aligns table columns as told', () => {
    expect(tableHtml({ head: ['a', 'b'], rows: [['x', '1.00']], alignments: ['left', 'right'] })).toContain(
      '<tr><td>x</td><td class="right">1.00</td></tr>',
    );
  });
});
