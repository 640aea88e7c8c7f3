// The billing form's state as typed, its checks, and the request it becomes.
// Item errors are keyed `items[<row>].<field>` by the row on screen; the server
// counts only the rows sent, so its keys are mapped back through `rows`.

import type { CustomerCategory, FieldErrors, NewBill, NewBillItem } from '../../api';
import { parseRupees } from '../../money';

export interface ItemDraft {
  /** Stable across adds and removes (a Preact key). */
  key: number;
  medicine: string;
  quantity: string;
  price: string;
  days: string;
  generic: boolean;
}

export interface BillDraft {
  phone: string;
  contacted: '' | 'yes' | 'no';
  category: CustomerCategory | '';
  name: string;
  items: ItemDraft[];
  /** `YYYY-MM-DDTHH:MM`, shop time; owners and managers only. */
  billedAt: string;
  notes: string;
}

let nextKey = 1;

export function newItem(): ItemDraft {
  return { key: nextKey++, medicine: '', quantity: '1', price: '', days: '', generic: false };
}

export function emptyDraft(): BillDraft {
  return { phone: '', contacted: '', category: '', name: '', items: [newItem()], billedAt: '', notes: '' };
}

export const MAX_DAYS = 3650;
export const MAX_QUANTITY = 1_000_000;

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
};

export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');

/** A row nobody has typed into (the quantity starts at 1). */
export function isBlank(item: ItemDraft): boolean {
  return !item.medicine.trim() && !item.price.trim() && !item.days.trim() && (item.quantity.trim() === '' || item.quantity.trim() === '1');
}

/** The line amount in paise, or null while quantity or price is not a number yet. */
export function lineAmount(item: ItemDraft): number | null {
  const q = wholeNumber(item.quantity, 1, MAX_QUANTITY);
  const p = parseRupees(item.price);
  return q === null || p === null ? null : q * p;
}

export function draftTotal(items: readonly ItemDraft[]): number {
  return items.reduce((sum, item) => sum + (lineAmount(item) ?? 0), 0);
}

export interface CheckContext {
  /** true: the customer is new (the server has no one with this phone). */
  isNew: boolean;
  /** true: this will be the customer's first bill (new, or known without bills). */
  firstBill: boolean;
  /** "Visited, did not buy": no items. */
  visitOnly: boolean;
}

/** Problems to fix before sending; empty when the draft can go. */
export function checkDraft(d: BillDraft, ctx: CheckContext): FieldErrors {
  const f: FieldErrors = {};
  if (phoneDigits(d.phone).length < 10) f['customer.phone'] = 'Enter the customer’s phone number (10 digits).';
  if (!d.contacted) f.was_contacted_before = 'Choose yes or no.';
  if (ctx.isNew && !d.category) f.customer_category = 'Choose a category for a new customer.';
  if (d.contacted === 'yes' && ctx.firstBill && d.category && d.category !== 'contact_sheet') {
    f.customer_category = 'Someone contacted by the store before is a Contact sheet customer on their first bill.';
  }
  if (ctx.visitOnly) return f;
  const rows = d.items.filter((i) => !isBlank(i));
  if (rows.length === 0) f.items = 'Add at least one medicine, or use “Visited, did not buy”.';
  d.items.forEach((item, i) => {
    if (isBlank(item)) return;
    const at = `items[${i}]`;
    if (!item.medicine.trim()) f[`${at}.medicine`] = 'Enter the medicine.';
    if (wholeNumber(item.quantity, 1, MAX_QUANTITY) === null) f[`${at}.quantity`] = 'Enter a whole number, 1 or more.';
    if (parseRupees(item.price) === null) f[`${at}.unit_price_paise`] = 'Enter the price in rupees, e.g. 125.50.';
    if (item.days.trim() && wholeNumber(item.days, 1, MAX_DAYS) === null) f[`${at}.duration_days`] = `Enter whole days (1–${MAX_DAYS}) or leave empty.`;
  });
  return f;
}

export interface BillRequest {
  body: NewBill;
  /** Server item index → row on screen. */
  rows: number[];
}

/** The request for a checked draft. */
export function billRequest(d: BillDraft, ctx: CheckContext, canBackDate: boolean): BillRequest {
  const rows: number[] = [];
  const items: NewBillItem[] = [];
  if (!ctx.visitOnly) {
    d.items.forEach((item, i) => {
      if (isBlank(item)) return;
      rows.push(i);
      const days = item.days.trim() ? Number(item.days.trim()) : undefined;
      items.push({
        medicine: item.medicine.trim(),
        quantity: Number(item.quantity.trim()),
        unit_price_paise: parseRupees(item.price) ?? 0,
        ...(days ? { duration_days: days } : {}),
        ...(item.generic ? { is_generic: true } : {}),
      });
    });
  }
  const name = d.name.trim();
  const body: NewBill = {
    // A blank name is left out: on a known customer, sending it would clear theirs.
    customer: { phone: d.phone.trim(), ...(name ? { name } : {}) },
    was_contacted_before: d.contacted === 'yes',
    items,
    ...(d.category ? { customer_category: d.category } : {}),
    ...(canBackDate && d.billedAt ? { billed_at: d.billedAt.slice(0, 16) } : {}),
    ...(d.notes.trim() ? { notes: d.notes.trim() } : {}),
    ...(ctx.visitOnly ? { visited_but_no_purchase: true } : {}),
  };
  return { body, rows };
}

/** The server's field keys in screen terms: `customer.phone` stays, `items[2].x` becomes the row's. */
export function screenFields(server: FieldErrors, rows: readonly number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(server)) {
    const m = /^items\[(\d+)\](.*)$/.exec(k);
    const row = m ? rows[Number(m[1])] : undefined;
    out[m && row !== undefined ? `items[${row}]${m[2]}` : k] = v;
  }
  return out;
}

/** Every key the form shows next to a field. */
export function knownFields(d: BillDraft): string[] {
  const keys = ['customer.phone', 'customer.name', 'customer_category', 'was_contacted_before', 'items', 'billed_at', 'notes'];
  d.items.forEach((_, i) => {
    for (const f of ['medicine', 'quantity', 'unit_price_paise', 'duration_days', 'is_generic']) keys.push(`items[${i}].${f}`);
  });
  return keys;
}
