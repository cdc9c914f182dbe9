// The format the portal commands write: the one given, else the one --out's extension names.
import { describe, expect, it } from 'vitest';
import { portalFormat } from '../../src/cli/portal-output.js';

describe('portalFormat', () => {
  it('writes text tables to stdout unless told otherwise', () => {
    expect(portalFormat({})).toBe('table');
  });

  it('takes the format from the file name when none is given', () => {
    expect(portalFormat({ out: 'ana.html' })).toBe('html');
    expect(portalFormat({ out: 'pages/ANA.HTM' })).toBe('html');
    expect(portalFormat({ out: 'ana.md' })).toBe('md');
    expect(portalFormat({ out: 'ana.json' })).toBe('json');
    expect(portalFormat({ out: 'ana.txt' })).toBe('table');
    expect(portalFormat({ out: 'html' })).toBe('table');
  });

  it('keeps the format given over the file name', () => {
    expect(portalFormat({ format: 'json', out: 'ana.html' })).toBe('json');
  });
});
