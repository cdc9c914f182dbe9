// CSV and Markdown tables of the finance reports, by hand: RFC 4180 quoting and CRLF record ends
// with a header row; Markdown cells whose pipes and line ends cannot break the table.
import { describe, expect, it } from 'vitest';
import { csvTable, markdownTable } from '../../src/reports/tabular.js';
import { parseCsv } from '../support/csv.js';

describe('csvTable', () => {
  it('writes a header row and quotes only the fields that need it', () => {
    const text = csvTable(
      ['kpi', 'value'],
      [
        ['Revenue, Starter', '261.11'],
        ['say "hi"', 'n/a'],
        ['two\nlines', 3],
      ],
    );
    expect(text).toBe('kpi,value\r\n"Revenue, Starter",261.11\r\n"say ""hi""",n/a\r\n"two\nlines",3\r\n');
    expect(parseCsv(text)).toEqual([
      ['kpi', 'value'],
      ['Revenue, Starter', '261.11'],
      ['say "hi"', 'n/a'],
      ['two\nlines', '3'],
    ]);
  });

  it('writes a text a spreadsheet would run as a formula after a quote, and numbers as they are', () => {
    const text = csvTable(
      ['partner', 'delta'],
      [
        ['=HYPERLINK("http://x","y")', '-12.50'],
        ['+1', '-4.2 %'],
        ['@SUM(A1)', -3],
        ['-2+3', '+7'],
        ['\tcmd', 'ok'],
      ],
    );
    // '=HYPERLINK(…)' holds quotes, so the field is quoted and its quotes doubled.
    expect(parseCsv(text)).toEqual([
      ['partner', 'delta'],
      ['\'=HYPERLINK("http://x","y")', '-12.50'],
      ['+1', '-4.2 %'],
      ["'@SUM(A1)", '-3'],
      ["'-2+3", '+7'],
      ["'\tcmd", 'ok'],
    ]);
  });
});

describe('markdownTable', () => {
  it('aligns right columns and escapes pipes, backslashes and line ends', () => {
    expect(
      markdownTable(
        ['tier', 'value'],
        [
          ['a|b', '1.00'],
          ['c\\d\ne', 2],
        ],
        ['left', 'right'],
      ),
    ).toBe(['| tier | value |', '| --- | ---: |', '| a\\|b | 1.00 |', '| c\\\\d<br>e | 2 |'].join('\n'));
  });
});
