// Choices for the shop settings form. India first.

export const COMMON_TIME_ZONES: readonly string[] = [
  'Asia/Kolkata',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Kathmandu',
  'Asia/Colombo',
  'Asia/Singapore',
  'Asia/Kuala_Lumpur',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Riyadh',
  'Asia/Qatar',
  'Africa/Nairobi',
  'Africa/Lagos',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
];

/** Every zone the browser knows, without the common ones (shown first). */
export function otherTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  if (typeof intl.supportedValuesOf !== 'function') return [];
  try {
    return intl.supportedValuesOf('timeZone').filter((z) => !COMMON_TIME_ZONES.includes(z));
  } catch {
    return [];
  }
}

export interface Region {
  code: string;
  name: string;
}

export const PHONE_REGIONS: readonly Region[] = [
  { code: 'IN', name: 'India (+91)' },
  { code: 'NP', name: 'Nepal (+977)' },
  { code: 'BD', name: 'Bangladesh (+880)' },
  { code: 'LK', name: 'Sri Lanka (+94)' },
  { code: 'PK', name: 'Pakistan (+92)' },
  { code: 'AE', name: 'United Arab Emirates (+971)' },
  { code: 'SA', name: 'Saudi Arabia (+966)' },
  { code: 'SG', name: 'Singapore (+65)' },
  { code: 'MY', name: 'Malaysia (+60)' },
  { code: 'KE', name: 'Kenya (+254)' },
  { code: 'NG', name: 'Nigeria (+234)' },
  { code: 'GB', name: 'United Kingdom (+44)' },
  { code: 'US', name: 'United States (+1)' },
  { code: 'AU', name: 'Australia (+61)' },
];
