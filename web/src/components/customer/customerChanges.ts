// The edit form's text as typed, and the changes it makes to a customer.

import type { Customer, CustomerCategory, CustomerFields } from '../../api';

/** A customer's profile fields as typed, shared by the profile form and the bill's new customer. */
export interface ProfileText {
  age: string;
  gender: string;
  address: string;
  email: string;
  /** Comma-separated. */
  conditions: string;
  allergies: string;
  doctor: string;
}

export interface CustomerDraft extends ProfileText {
  name: string;
  phone: string;
  category: CustomerCategory;
  prefersGeneric: boolean;
  notes: string;
  whatsappConsent: boolean;
  smsConsent: boolean;
}

export function draftOf(c: Customer): CustomerDraft {
  return {
    name: c.name ?? '',
    phone: c.phone,
    category: c.category,
    age: c.age === null ? '' : String(c.age),
    gender: c.gender ?? '',
    address: c.address ?? '',
    email: c.email ?? '',
    conditions: c.chronic_conditions.join(', '),
    allergies: c.allergies ?? '',
    doctor: c.primary_doctor ?? '',
    prefersGeneric: c.prefers_generic,
    notes: c.notes ?? '',
    whatsappConsent: c.whatsapp_consent,
    smsConsent: c.sms_consent,
  };
}

/** "Diabetes, BP ,, asthma" → ["Diabetes", "BP", "asthma"]. */
export function splitConditions(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const sameList = (a: string[], b: string[]) => {
  const norm = (l: string[]) => l.map((s) => s.toLowerCase()).sort().join('\n');
  return norm(a) === norm(b);
};

/** Only what changed; a cleared text field becomes null (the server clears it). */
export function changesOf(c: Customer, d: CustomerDraft): CustomerFields {
  const out: CustomerFields = {};
  const text = (typed: string, current: string | null, put: (v: string | null) => void) => {
    const t = typed.trim();
    if (t !== (current ?? '')) put(t === '' ? null : t);
  };
  text(d.name, c.name, (v) => (out.name = v));
  if (d.phone.trim() && d.phone.trim() !== c.phone) out.phone = d.phone.trim();
  if (d.category !== c.category) out.category = d.category;
  const age = d.age.trim() === '' ? null : Number(d.age.trim());
  if (age !== c.age) out.age = age;
  text(d.gender, c.gender, (v) => (out.gender = v));
  text(d.address, c.address, (v) => (out.address = v));
  text(d.email, c.email, (v) => (out.email = v));
  const conditions = splitConditions(d.conditions);
  if (!sameList(conditions, c.chronic_conditions)) out.chronic_conditions = conditions;
  text(d.allergies, c.allergies, (v) => (out.allergies = v));
  text(d.doctor, c.primary_doctor, (v) => (out.primary_doctor = v));
  if (d.prefersGeneric !== c.prefers_generic) out.prefers_generic = d.prefersGeneric;
  text(d.notes, c.notes, (v) => (out.notes = v));
  if (d.whatsappConsent !== c.whatsapp_consent) out.whatsapp_consent = d.whatsappConsent;
  if (d.smsConsent !== c.sms_consent) out.sms_consent = d.smsConsent;
  return out;
}
