import { describe, expect, it } from 'vitest';
import { formatRupees, parseRupees } from './money';

describe('parseRupees', () => {
  it('reads whole rupees and up to two decimals as integer paise', () => {
    expect(parseRupees('125')).toBe(12500);
    expect(parseRupees('125.5')).toBe(12550);
    expect(parseRupees('125.05')).toBe(12505);
    expect(parseRupees('0.1')).toBe(10);
    expect(parseRupees('0.01')).toBe(1);
    expect(parseRupees('7.')).toBe(700);
  });

  it('keeps paise exact where floating point would not (0.29 * 100 = 28.999…)', () => {
    expect(parseRupees('0.29')).toBe(29);
    expect(parseRupees('1.15')).toBe(115);
    expect(parseRupees('4.35')).toBe(435);
  });

  it('ignores the rupee sign, "Rs", grouping commas and spaces', () => {
    expect(parseRupees('₹ 40')).toBe(4000);
    expect(parseRupees('1,250.75')).toBe(125075);
    expect(parseRupees('1,23,456')).toBe(12345600);
    expect(parseRupees('Rs. 99.90')).toBe(9990);
    expect(parseRupees('rs 5')).toBe(500);
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
