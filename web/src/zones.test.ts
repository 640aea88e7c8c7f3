import { describe, expect, it } from 'vitest';
import { COMMON_TIME_ZONES, PHONE_REGIONS, otherTimeZones } from './zones';

describe('time zone choices', () => {
  it('offers India first and no zone twice', () => {
    expect(COMMON_TIME_ZONES[0]).toBe('Asia/Kolkata');
    expect(new Set(COMMON_TIME_ZONES).size).toBe(COMMON_TIME_ZONES.length);
  });

  it('lists only zones the runtime can format in', () => {
    for (const zone of COMMON_TIME_ZONES) {
      expect(() => new Intl.DateTimeFormat('en-IN', { timeZone: zone }), zone).not.toThrow();
    }
  });

  it('leaves the common zones out of the others', () => {
    const others = otherTimeZones();
    expect(others.length).toBeGreaterThan(100);
    expect(others).toContain('Asia/Tokyo');
    for (const zone of COMMON_TIME_ZONES) expect(others).not.toContain(zone);
  });

  it('names each phone region once, India first', () => {
    expect(PHONE_REGIONS[0]?.code).toBe('IN');
    const codes = PHONE_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});
