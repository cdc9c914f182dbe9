import { Decimal as GlobalDecimal } from 'decimal.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Decimal } from '../../src/money/index.js';

describe('Decimal', () => {
  afterEach(() => {
    GlobalDecimal.set({ defaults: true });
  });

  it('leaves the global decimal.js configuration at its defaults', () => {
    // decimal.js's documented defaults: precision 20, exponent notation from 1e21.
    expect(GlobalDecimal.precision).toBe(20);
    expect(GlobalDecimal.toExpPos).toBe(21);
    expect(Decimal.precision).toBe(40);
  });

  it('never writes exponent notation, however large or small the value', () => {
    expect(new Decimal('1e21').toString()).toBe('1000000000000000000000');
    expect(new Decimal('-1e40').toString()).toBe(`-1${'0'.repeat(40)}`);
    expect(new Decimal('1e-7').toString()).toBe('0.0000001');
    expect(JSON.stringify(new Decimal('1e-30'))).toBe(`"0.${'0'.repeat(29)}1"`);
  });

  it('multiplies a rate by a 31-digit amount exactly', () => {
    // Half of 12345678901234567890123456789.01: half of ...788 is ...394, the odd 1 left over
    // gives .5, and half of .01 is .005.
    expect(new Decimal('0.5').times('12345678901234567890123456789.01').toString()).toBe(
      '6172839450617283945061728394.505',
    );
  });

  it('ignores a global decimal.js configuration the host set before loading the library', async () => {
    GlobalDecimal.set({ precision: 3, toExpPos: 2 });
    vi.resetModules();
    const fresh = await import('../../src/money/decimal.js');
    // With the host's precision of 3 and toExpPos of 2 this would print 1.23e+5.
    expect(new fresh.Decimal('123456.789').plus(0).toString()).toBe('123456.789');
  });
});
