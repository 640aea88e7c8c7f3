// The dashboard's date filter lives in the address (`/dashboard?from=…&to=…`), so reload,
// Back and shared links keep it. No dates: the server's default (the 30 days ending today),
// and the contact figures count every sheet.

import type { ReportWindow } from '../../api';
import { addDays, localInputValue } from '../../datetime';

export const DEFAULT_DAYS = 30;
/** The server refuses a longer window. */
export const MAX_DAYS = 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function windowFromQuery(query: URLSearchParams): ReportWindow {
  const w: ReportWindow = {};
  const from = query.get('from');
  const to = query.get('to');
  if (from && DATE.test(from)) w.from = from;
  if (to && DATE.test(to)) w.to = to;
  return w;
}

export function dashboardHref(w: ReportWindow): string {
  const q = new URLSearchParams();
  if (w.from) q.set('from', w.from);
  if (w.to) q.set('to', w.to);
  const s = q.toString();
  return s ? `/dashboard?${s}` : '/dashboard';
}

export function isChosen(w: ReportWindow): boolean {
  return !!(w.from || w.to);
}

/** The server's default window, worked out the same way in the shop's zone. */
export function defaultWindow(zone: string | null | undefined, now = new Date()): Required<ReportWindow> {
  const to = localInputValue(now, zone).slice(0, 10);
  return { from: addDays(to, 1 - DEFAULT_DAYS), to };
}

/** Days from `from` to `to`, both counted. */
export function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Why a chosen window cannot be asked for, or null. */
export function windowProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!DATE.test(from)) return { field: 'from', message: 'Choose the first day.' };
  if (!DATE.test(to)) return { field: 'to', message: 'Choose the last day.' };
  const days = spanDays(from, to);
  if (days < 1) return { field: 'from', message: 'The first day must not be after the last day.' };
  if (days > MAX_DAYS) return { field: 'from', message: `Choose at most ${MAX_DAYS} days.` };
  return null;
}
