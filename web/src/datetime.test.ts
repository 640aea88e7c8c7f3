import { describe, expect, it } from 'vitest';
import { addDays, formatCount, formatDate, formatDateTime, formatDay, formatPercent, localInputValue, plural } from './datetime';

// Kolkata is UTC+05:30 with no daylight saving: 18:30Z is midnight there.
const KOLKATA = 'Asia/Kolkata';

describe('formatDateTime', () => {
  it('shows a moment in the shop zone', () => {
    expect(formatDateTime('2026-11-26T04:30:00Z', KOLKATA)).toBe('26 Nov 2026, 10:00 am');
  });

  it('moves to the next day at 18:30 UTC in Kolkata, not at UTC midnight', () => {
    expect(formatDateTime('2026-11-25T18:29:00Z', KOLKATA)).toBe('25 Nov 2026, 11:59 pm');
    expect(formatDateTime('2026-11-25T18:30:00Z', KOLKATA)).toBe('26 Nov 2026, 12:00 am');
  });

  it('falls back to Kolkata when the shop has no zone', () => {
    expect(formatDateTime('2026-11-25T18:30:00Z')).toBe('26 Nov 2026, 12:00 am');
    expect(formatDateTime('2026-11-25T18:30:00Z', '')).toBe('26 Nov 2026, 12:00 am');
    expect(formatDateTime('2026-11-25T18:30:00Z', null)).toBe('26 Nov 2026, 12:00 am');
  });

  it('uses another zone when given one', () => {
    expect(formatDateTime('2026-11-25T18:30:00Z', 'UTC')).toBe('25 Nov 2026, 6:30 pm');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'Europe/London')).toBe('1 Jul 2026, 1:00 pm');
  });

  it('shows a dash when unset and the text itself when it is not a date', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('')).toBe('—');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('does not throw on an unknown zone', () => {
    expect(() => formatDateTime('2026-11-25T18:30:00Z', 'Mars/Olympus')).not.toThrow();
  });
});

describe('formatDay', () => {
  it('takes the calendar day of the shop zone', () => {
    expect(formatDay('2026-12-31T18:29:59Z', KOLKATA)).toBe('31 Dec 2026');
    expect(formatDay('2026-12-31T18:30:00Z', KOLKATA)).toBe('1 Jan 2027');
    expect(formatDay('2026-12-31T18:30:00Z', 'UTC')).toBe('31 Dec 2026');
  });

  it('shows a dash when unset', () => {
    expect(formatDay(null, KOLKATA)).toBe('—');
    expect(formatDay('garbage', KOLKATA)).toBe('garbage');
  });
});

describe('localInputValue', () => {
  it('is the shop-local wall clock as YYYY-MM-DDTHH:MM', () => {
    expect(localInputValue(new Date('2026-11-25T18:30:00Z'), KOLKATA)).toBe('2026-11-26T00:00');
    expect(localInputValue(new Date('2026-11-25T18:29:00Z'), KOLKATA)).toBe('2026-11-25T23:59');
    expect(localInputValue(new Date('2026-03-01T05:07:00Z'), 'UTC')).toBe('2026-03-01T05:07');
  });

  it('writes midnight as 00, not 24', () => {
    expect(localInputValue(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00');
  });

  it('falls back to Kolkata', () => {
    expect(localInputValue(new Date('2026-02-28T20:00:00Z'))).toBe('2026-03-01T01:30');
  });
});

describe('formatDate', () => {
  it('shows a calendar date without shifting it by a zone', () => {
    expect(formatDate('2026-11-30')).toBe('30 Nov 2026');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('2028-02-29T00:00:00')).toBe('29 Feb 2028');
  });

  it('shows a dash when unset and the text when it is not a date', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('30/11/2026')).toBe('30/11/2026');
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-31', -30)).toBe('2026-03-01');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });
});

describe('numbers', () => {
  it('groups counts the Indian way', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatCount(123456)).toBe('1,23,456');
    expect(formatCount(12345678)).toBe('1,23,45,678');
  });

  it('shows percentages with at most two decimals', () => {
    expect(formatPercent(50)).toBe('50%');
    expect(formatPercent(33.33)).toBe('33.33%');
    expect(formatPercent(12.345)).toBe('12.35%');
  });

  it('pluralises by count', () => {
    expect(plural(1, 'contact')).toBe('1 contact');
    expect(plural(0, 'contact')).toBe('0 contacts');
    expect(plural(1234, 'contact')).toBe('1,234 contacts');
    expect(plural(2, 'person', 'people')).toBe('2 people');
  });
});
