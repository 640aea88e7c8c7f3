// The billing form's state as typed, its checks, and the request it becomes.
// Item errors are keyed `items[<row>].<field>` by the row on screen; the server
// counts only the rows sent, so its keys are mapped back through `rows`.

import type { CustomerCategory, CustomerFields, FieldErrors, NewBill, NewBillItem } from '../../api';
import { parseRupees } from '../../money';
import type { ProfileText } from '../customer/customerChanges';

export interface ItemDraft {
  /** Stable across adds and removes (a Preact key). */
  key: number;
  medicine: string;
  quantity: string;
  price: string;
  days: string;
  generic: boolean;
}

/** A new customer's optional profile, as typed (sent only when the bill creates the customer). */
export interface ProfileDraft extends ProfileText {
  birthYear: string;
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
  profile: ProfileDraft;
}

let nextKey = 1;

export function newItem(): ItemDraft {
  return { key: nextKey++, medicine: '', quantity: '1', price: '', days: '', generic: false };
}

export function emptyDraft(): BillDraft {
  return { phone: '', contacted: '', category: '', name: '', items: [newItem()], billedAt: '', notes: '', profile: emptyProfile() };
}

export function emptyProfile(): ProfileDraft {
  return { age: '', birthYear: '', gender: '', address: '', email: '', conditions: '', allergies: '', doctor: '' };
}

/** Each profile field, its server key under `customer.`, and its label. */
export const PROFILE_FIELDS: readonly { field: keyof ProfileDraft; key: string; label: string }[] = [
  { field: 'age', key: 'age', label: 'Age' },
  { field: 'birthYear', key: 'birth_year', label: 'Birth year' },
  { field: 'gender', key: 'gender', label: 'Gender' },
  { field: 'address', key: 'address', label: 'Address' },
  { field: 'email', key: 'email', label: 'Email' },
  { field: 'conditions', key: 'chronic_conditions', label: 'Chronic conditions' },
  { field: 'allergies', key: 'allergies', label: 'Allergies' },
  { field: 'doctor', key: 'primary_doctor', label: 'Doctor' },
];

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
  /** "How many days will this last?" was asked: lines still without days were skipped. */
  durationAsked?: boolean;
}

/** Rows with a medicine but no duration: the ones to ask "How many days will this last?" about. */
export function rowsWithoutDays(d: BillDraft): number[] {
  const out: number[] = [];
  d.items.forEach((item, i) => {
    if (!isBlank(item) && !item.days.trim()) out.push(i);
  });
  return out;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The profile's problems, keyed as the server keys them (`customer.age`, …). */
function checkProfile(p: ProfileDraft): FieldErrors {
  const f: FieldErrors = {};
  if (p.age.trim() && wholeNumber(p.age, 0, 130) === null) f['customer.age'] = 'Enter the age in years (0–130) or leave empty.';
  if (p.birthYear.trim() && wholeNumber(p.birthYear, 1900, new Date().getFullYear()) === null) f['customer.birth_year'] = 'Enter a year like 1961 or leave empty.';
  if (p.email.trim() && !EMAIL_RE.test(p.email.trim())) f['customer.email'] = 'Enter an email address like name@example.in or leave empty.';
  if (splitConditions(p.conditions).length > 30) f['customer.chronic_conditions'] = 'At most 30 conditions.';
  return f;
}

const splitConditions = (text: string) =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

/** The profile fields typed, as the bill's `customer` fields. */
function profileFields(p: ProfileDraft): CustomerFields {
  const out: CustomerFields = {};
  const text = (v: string) => v.trim();
  if (text(p.age)) out.age = Number(text(p.age));
  if (text(p.birthYear)) out.birth_year = Number(text(p.birthYear));
  if (text(p.gender)) out.gender = text(p.gender);
  if (text(p.address)) out.address = text(p.address);
  if (text(p.email)) out.email = text(p.email);
  const conditions = splitConditions(p.conditions);
  if (conditions.length) out.chronic_conditions = conditions;
  if (text(p.allergies)) out.allergies = text(p.allergies);
  if (text(p.doctor)) out.primary_doctor = text(p.doctor);
  return out;
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
  if (ctx.isNew) Object.assign(f, checkProfile(d.profile));
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
        ...(!days && ctx.durationAsked ? { duration_skipped: true } : {}),
      });
    });
  }
  const name = d.name.trim();
  const body: NewBill = {
    // A blank name is left out: on a known customer, sending it would clear theirs.
    // The profile goes only with a new customer: a known one's record is edited on their page.
    customer: { phone: d.phone.trim(), ...(name ? { name } : {}), ...(ctx.isNew ? profileFields(d.profile) : {}) },
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
  for (const p of PROFILE_FIELDS) keys.push(`customer.${p.key}`);
  d.items.forEach((_, i) => {
    for (const f of ['medicine', 'quantity', 'unit_price_paise', 'duration_days', 'is_generic']) keys.push(`items[${i}].${f}`);
  });
  return keys;
}
