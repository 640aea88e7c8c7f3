import { describe, expect, it } from 'vitest';
import {
  billRequest,
  checkDraft,
  draftTotal,
  emptyDraft,
  isBlank,
  knownFields,
  lineAmount,
  newItem,
  rowsWithoutDays,
  screenFields,
  type BillDraft,
  type CheckContext,
  type ItemDraft,
} from './billDraft';

const item = (fields: Partial<ItemDraft>): ItemDraft => ({ ...newItem(), ...fields });

const draft = (fields: Partial<BillDraft>): BillDraft => ({ ...emptyDraft(), ...fields });

const KNOWN: CheckContext = { isNew: false, firstBill: false, visitOnly: false };
const NEW: CheckContext = { isNew: true, firstBill: true, visitOnly: false };

const ready = (fields: Partial<BillDraft> = {}) =>
  draft({ phone: '98452 27441', contacted: 'no', items: [item({ medicine: 'Metformin 500', quantity: '2', price: '12.50', days: '30' })], ...fields });

describe('rows and amounts', () => {
  it('gives each new row its own key', () => {
    expect(newItem().key).not.toBe(newItem().key);
  });

  it('counts a row with only the default quantity as blank', () => {
    expect(isBlank(item({}))).toBe(true);
    expect(isBlank(item({ quantity: ' 1 ' }))).toBe(true);
    expect(isBlank(item({ quantity: '' }))).toBe(true);
    expect(isBlank(item({ quantity: '2' }))).toBe(false);
    expect(isBlank(item({ medicine: ' x ' }))).toBe(false);
    expect(isBlank(item({ price: '1' }))).toBe(false);
    expect(isBlank(item({ days: '5' }))).toBe(false);
  });

  it('computes line amounts in exact paise', () => {
    expect(lineAmount(item({ quantity: '3', price: '0.29' }))).toBe(87);
    expect(lineAmount(item({ quantity: '7', price: '1,250.75' }))).toBe(875525);
    expect(lineAmount(item({ quantity: '1000000', price: '0.01' }))).toBe(1000000);
  });

  it('has no amount until quantity and price are numbers in range', () => {
    expect(lineAmount(item({ quantity: '0', price: '10' }))).toBeNull();
    expect(lineAmount(item({ quantity: '1000001', price: '10' }))).toBeNull();
    expect(lineAmount(item({ quantity: '1.5', price: '10' }))).toBeNull();
    expect(lineAmount(item({ quantity: '2', price: '10.999' }))).toBeNull();
    expect(lineAmount(item({ quantity: '2', price: '' }))).toBeNull();
  });

  it('totals only the rows with an amount', () => {
    const rows = [item({ quantity: '2', price: '12.50' }), item({ quantity: 'x', price: '99' }), item({ quantity: '1', price: '0.05' })];
    expect(draftTotal(rows)).toBe(2505);
    expect(draftTotal([])).toBe(0);
  });

  it('asks about days for typed rows without a duration only', () => {
    const d = draft({ items: [item({ medicine: 'A', days: '10' }), item({}), item({ medicine: 'B' }), item({ medicine: 'C', days: '  ' })] });
    expect(rowsWithoutDays(d)).toEqual([2, 3]);
  });
});

describe('checkDraft', () => {
  it('passes a complete bill for a known customer', () => {
    expect(checkDraft(ready(), KNOWN)).toEqual({});
  });

  it('needs ten phone digits, the contacted answer and an item', () => {
    const f = checkDraft(draft({ phone: '98452-2744', items: [item({})] }), KNOWN);
    expect(Object.keys(f).sort()).toEqual(['customer.phone', 'items', 'was_contacted_before']);
  });

  it('needs a category for a new customer, contact sheet when contacted before', () => {
    expect(checkDraft(ready(), NEW).customer_category).toMatch(/category/);
    expect(checkDraft(ready({ contacted: 'yes', category: 'regular_branded' }), NEW).customer_category).toMatch(/Contact sheet/);
    expect(checkDraft(ready({ contacted: 'yes', category: 'contact_sheet' }), NEW)).toEqual({});
    // A known customer's later bills may carry any category.
    expect(checkDraft(ready({ contacted: 'yes', category: 'regular_branded' }), KNOWN)).toEqual({});
  });

  it('keys item problems by the row on screen, skipping blank rows', () => {
    const d = ready({
      items: [item({}), item({ medicine: '', quantity: '0', price: '1.234', days: '3651' }), item({ medicine: 'ok', price: '5', days: '3650' })],
    });
    expect(checkDraft(d, KNOWN)).toEqual({
      'items[1].medicine': 'Enter the medicine.',
      'items[1].quantity': 'Enter a whole number, 1 or more.',
      'items[1].unit_price_paise': 'Enter the price in rupees, e.g. 125.50.',
      'items[1].duration_days': 'Enter whole days (1–3650) or leave empty.',
    });
  });

  it('checks no items on a visit without a purchase', () => {
    expect(checkDraft(ready({ items: [item({ medicine: 'x', price: 'bad' })] }), { ...KNOWN, visitOnly: true })).toEqual({});
  });

  it('checks a new customer profile, and a known customer profile never', () => {
    const profile = { ...emptyDraft().profile, age: '131', birthYear: '1899', email: 'nobody', conditions: Array.from({ length: 31 }, (_, i) => `c${i}`).join(', ') };
    const d = ready({ category: 'regular_branded', profile });
    expect(Object.keys(checkDraft(d, NEW)).sort()).toEqual(['customer.age', 'customer.birth_year', 'customer.chronic_conditions', 'customer.email']);
    expect(checkDraft(d, KNOWN)).toEqual({});
    const fine = { ...profile, age: '130', birthYear: '1961', email: 'a@b.in', conditions: 'diabetes, , bp' };
    expect(checkDraft(ready({ category: 'regular_branded', profile: fine }), NEW)).toEqual({});
  });
});

describe('billRequest', () => {
  it('sends typed rows only and maps each back to its screen row', () => {
    const d = ready({
      name: '  Asha  ',
      notes: ' paid cash ',
      items: [item({}), item({ medicine: ' Amlodipine ', quantity: '3', price: '₹ 4.35', generic: true }), item({}), item({ medicine: 'Metformin', price: '12', days: '30' })],
    });
    const { body, rows } = billRequest(d, KNOWN, false);
    expect(rows).toEqual([1, 3]);
    expect(body).toEqual({
      customer: { phone: '98452 27441', name: 'Asha' },
      was_contacted_before: false,
      items: [
        { medicine: 'Amlodipine', quantity: 3, unit_price_paise: 435, is_generic: true },
        { medicine: 'Metformin', quantity: 1, unit_price_paise: 1200, duration_days: 30 },
      ],
      notes: 'paid cash',
    });
  });

  it('marks rows without days as skipped once the question was asked', () => {
    const d = ready({ items: [item({ medicine: 'A', price: '1' }), item({ medicine: 'B', price: '1', days: '7' })] });
    const { body } = billRequest(d, { ...KNOWN, durationAsked: true }, false);
    expect(body.items?.[0]).toMatchObject({ duration_skipped: true });
    expect(body.items?.[1]).not.toHaveProperty('duration_skipped');
  });

  it('leaves out a blank name so a known customer keeps theirs', () => {
    expect(billRequest(ready({ name: '   ' }), KNOWN, false).body.customer).toEqual({ phone: '98452 27441' });
  });

  it('back-dates only for those allowed, to the minute', () => {
    const d = ready({ billedAt: '2026-11-25T23:59:42' });
    expect(billRequest(d, KNOWN, true).body.billed_at).toBe('2026-11-25T23:59');
    expect(billRequest(d, KNOWN, false).body).not.toHaveProperty('billed_at');
  });

  it('sends the profile with a new customer only', () => {
    const profile = { ...emptyDraft().profile, age: '61', birthYear: '1965', gender: ' female ', conditions: 'diabetes, , bp ', doctor: ' Dr Rao ' };
    const d = ready({ category: 'regular_branded', profile });
    expect(billRequest(d, NEW, false).body.customer).toEqual({
      phone: '98452 27441',
      age: 61,
      birth_year: 1965,
      gender: 'female',
      chronic_conditions: ['diabetes', 'bp'],
      primary_doctor: 'Dr Rao',
    });
    expect(billRequest(d, KNOWN, false).body.customer).toEqual({ phone: '98452 27441' });
  });

  it('sends no items on a visit without a purchase', () => {
    const { body, rows } = billRequest(ready(), { ...KNOWN, visitOnly: true }, false);
    expect(rows).toEqual([]);
    expect(body.items).toEqual([]);
    expect(body.visited_but_no_purchase).toBe(true);
  });
});

describe('screenFields', () => {
  it('maps server item indexes back to screen rows and keeps other keys', () => {
    expect(screenFields({ 'items[0].quantity': 'a', 'items[1].medicine': 'b', 'customer.phone': 'c', items: 'd' }, [2, 5])).toEqual({
      'items[2].quantity': 'a',
      'items[5].medicine': 'b',
      'customer.phone': 'c',
      items: 'd',
    });
  });

  it('keeps a key whose index the request did not send', () => {
    expect(screenFields({ 'items[3].quantity': 'x' }, [0])).toEqual({ 'items[3].quantity': 'x' });
  });
});

describe('knownFields', () => {
  it('names every field shown, per row', () => {
    const keys = knownFields(draft({ items: [item({}), item({})] }));
    expect(keys).toContain('customer.birth_year');
    expect(keys).toContain('items[1].duration_days');
    expect(keys).not.toContain('items[2].medicine');
    expect(new Set(keys).size).toBe(keys.length);
  });
});
