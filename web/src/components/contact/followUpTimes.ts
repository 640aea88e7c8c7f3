// The quick choices of the follow-up form: a day ahead at the shop's usual call hour.

import { addDays, localInputValue } from '../../datetime';

/**
 * The hour staff usually call customers, shop-local. The shop settings have no call hour, so a
 * constant; the form's starting value is tomorrow at this hour.
 */
export const CALL_HOUR = '10:00';

export const QUICK_DAYS: readonly { days: number; label: string }[] = [
  { days: 1, label: 'Tomorrow' },
  { days: 3, label: '+3 days' },
  { days: 7, label: '+7 days' },
];

/** `YYYY-MM-DDTHH:MM`: `days` after today's date in the shop's zone, at CALL_HOUR. */
export function followUpAt(days: number, zone: string | null | undefined, now: Date = new Date()): string {
  const today = localInputValue(now, zone).slice(0, 10);
  return `${addDays(today, days)}T${CALL_HOUR}`;
}
