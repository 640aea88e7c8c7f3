// Dates and times as the shop sees them (the shop's time zone, Indian English).

const FALLBACK_ZONE = 'Asia/Kolkata';

function zoneOr(zone: string | null | undefined): string {
  return zone || FALLBACK_ZONE;
}

/** "26 Nov 2026, 10:00 am" in the shop's zone; "—" when unset. */
export function formatDateTime(iso: string | null | undefined, zone?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat('en-IN', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zoneOr(zone),
    }).format(d);
  } catch {
    return d.toLocaleString('en-IN');
  }
}

/** `YYYY-MM-DDTHH:MM` for a moment, in the shop's zone (the form the server reads as shop-local). */
export function localInputValue(at: Date, zone?: string | null): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zoneOr(zone),
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

const COUNT = new Intl.NumberFormat('en-IN');

/** 1234 → "1,234" (Indian grouping: 123456 → "1,23,456"). */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

const PERCENT = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });

/** 33.33 → "33.33%", 50 → "50%" (the server rounds to two decimals). */
export function formatPercent(n: number): string {
  return `${PERCENT.format(n)}%`;
}

/** "1 contact" / "1,234 contacts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `2026-11-30` → "30 Nov 2026" (a calendar date: no time zone shift); "—" when unset. */
export function formatDate(ymd: string | null | undefined): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** "26 Nov 2026" for a moment, in the shop's zone; "—" when unset. */
export function formatDay(iso: string | null | undefined, zone?: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zoneOr(zone) }).format(d);
}

/** `YYYY-MM-DD` plus `days` (may be negative). */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d! + days));
  return t.toISOString().slice(0, 10);
}
