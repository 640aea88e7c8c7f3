import { describe, expect, it } from 'vitest';
import { formatRupees, parseRupees } from './money';

/** Each text parses to exactly the paise beside it. */
function expectPaise(cases: Array<[string, number]>) {
  for (const [text, paise] of cases) expect(parseRupees(text), text).toBe(paise);
}

describe('parseRupees', () => {
  it('reads whole rupees and up to two decimals as integer paise', () => {
    expectPaise([['125', 12500], ['125.5', 12550], ['125.05', 12505], ['0.1', 10], ['0.01', 1], ['7.', 700]]);
  });

  it('keeps paise exact where floating point would not (0.29 * 100 = 28.999…)', () => {
    expectPaise([['0.29', 29], ['1.15', 115], ['4.35', 435]]);
  });

  it('ignores the rupee sign, "Rs", grouping commas and spaces', () => {
    expectPaise([['₹ 40', 4000], ['1,250.75', 125075], ['1,23,456', 12345600], ['Rs. 99.90', 9990], ['rs 5', 500]]);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    for (const bad of ['', ' ', 'abc', '1.234', '-5', '1e3', '.5', '12.3.4', '₹']) {
      expect(parseRupees(bad), bad).toBeNull();
    }
  });

  it('refuses amounts past the safe integer range', () => {
    expect(parseRupees('99999999999999999')).toBeNull();
    expect(parseRupees('90071992547409.91')).toBe(9007199254740991);
  });
});

describe('formatRupees', () => {
  it('shows paise as rupees with Indian grouping and two decimals', () => {
    expect(formatRupees(1234550)).toBe('₹12,345.50');
    expect(formatRupees(123456750)).toBe('₹12,34,567.50');
    expect(formatRupees(0)).toBe('₹0.00');
    expect(formatRupees(5)).toBe('₹0.05');
  });

  it('round-trips with parseRupees', () => {
    for (const paise of [1, 99, 100, 12505, 9990, 123456789]) {
      expect(parseRupees(formatRupees(paise))).toBe(paise);
    }
  });
});
