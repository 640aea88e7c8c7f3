// Rupees as people type them, and paise as the server keeps them.

const RUPEES = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234550 → "₹12,345.50" (Indian grouping). */
export function formatRupees(paise: number): string {
  return RUPEES.format(paise / 100);
}

/** "125", "125.5", "1,250.75", "₹ 40" → paise; null when it is not an amount with at most two decimals. */
export function parseRupees(text: string): number | null {
  const t = text.replace(/[₹,\s]/g, '').replace(/^Rs\.?/i, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(t);
  if (!m) return null;
  const paise = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(paise) ? paise : null;
}
