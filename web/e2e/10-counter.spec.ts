// The counter sees the customer: a known customer's allergy, conditions and notes are on the
// billing screen, highlighted, with their open refills and last purchases, before anything is
// saved; a new customer's profile is filled on the bill; a medicine without a duration is asked
// about once, and what was skipped reaches the owner's refill figures. A 360 px phone.

import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { OWNER, XRW, addStaff, apiSignIn, ensureShop, expect, expectNoSidewaysScroll, freshPhone, signIn, tag, test, watchCsp } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const TRACKING = '/api/customer-tracking';

test.use({ viewport: { width: 360, height: 740 } });

interface Customer {
  id: number;
  age: number | null;
  allergies: string | null;
  email: string | null;
  chronic_conditions: string[];
}

/** Signs `who` in at the counter and starts a new bill for `phone`; returns the bill form. */
async function openBillAs(page: Page, who: { email: string; password: string }, phone: string) {
  await page.goto('/login');
  await signIn(page, who.email, who.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await page.goto('/billing');
  const form = page.getByRole('form', { name: 'New bill' });
  await form.getByLabel('Phone number').fill(phone);
  return form;
}

async function customerByPhone(request: APIRequestContext, phone: string): Promise<Customer> {
  const res = await request.get(`${TRACKING}/customers/phone/${phone}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Customer;
}

test('at the counter, a known customer’s allergy is visible before saving', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const clerk = await addStaff(request, 'Imran Staff', 'staff');
  const phone = await freshPhone(request);
  const name = `Gopal ${tag()}`;
  const first = await request.post('/api/bills', {
    headers: XRW,
    data: {
      customer: { phone, name, allergies: 'Penicillin (rash)', chronic_conditions: ['Diabetes'], notes: 'Hard of hearing: speak slowly' },
      customer_category: 'regular_branded',
      was_contacted_before: false,
      items: [{ medicine: 'Metformin 500', quantity: 2, unit_price_paise: 4500, duration_days: 30 }],
    },
  });
  expect(first.status(), await first.text()).toBe(201);
  const customerId = ((await first.json()) as { customer: { id: number } }).customer.id;

  const form = await openBillAs(page, clerk, phone);

  // Before anything is saved: the medical notes, highlighted, then refills and purchases.
  const care = form.getByRole('region', { name: 'Check before selling' });
  await expect(care).toBeVisible();
  await expect(care.getByRole('definition').first()).toHaveText('Penicillin (rash)');
  await expect(care).toContainText('Allergies');
  await expect(care).toContainText('diabetes');
  await expect(care).toContainText('Hard of hearing: speak slowly');
  await expect(form.getByRole('region', { name: 'Open refill reminders' })).toContainText('Metformin 500 runs out');
  await expect(form.getByRole('region', { name: 'Last purchases' })).toContainText('Metformin 500 × 2, ₹90.00');
  const bills = await request.get(`/api/bills?customer_id=${customerId}`);
  expect(((await bills.json()) as { total: number }).total, 'nothing saved yet').toBe(1);
  await expectNoSidewaysScroll(page);
  await care.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'counter-care-360.png') });

  // The sale goes on as usual.
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('No').check();
  const item = form.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Medicine').fill('Metformin 500');
  await item.getByLabel('Quantity').fill('2');
  await item.getByLabel('Price (₹)').fill('45');
  await item.getByLabel('Days').fill('30');
  await form.getByRole('button', { name: 'Save bill' }).click();
  await expect(page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Bill saved: ₹90.00' }) })).toBeVisible();
  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});

test('a new customer’s profile is filled on the bill; a missing duration is asked once', async ({ page, request }) => {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const clerk = await addStaff(request, 'Imran Staff', 'staff');
  const before = (await (await request.get(`${TRACKING}/reports/refills`)).json()) as { bill_durations: { bills: number; without_duration: number; skipped: number } };
  const phone = await freshPhone(request);

  const form = await openBillAs(page, clerk, phone);
  await expect(form.getByText('New customer.')).toBeVisible();
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('No').check();
  await form.getByLabel('Customer category').selectOption({ label: 'First-time prescription' });
  await form.getByLabel('Name').fill(`Asha ${tag()}`);

  // The optional profile, folded away until asked for.
  await form.getByText('Customer profile (optional)').click();
  await form.getByLabel('Age').fill('45');
  await form.getByLabel('Email').fill('not-an-email');
  await form.getByLabel('Allergies').fill('Sulfa drugs');
  await form.getByLabel('Chronic conditions').fill('Asthma, Thyroid');

  const first = form.getByRole('group', { name: 'Item 1' });
  await first.getByLabel('Medicine').fill('Cough syrup');
  await first.getByLabel('Price (₹)').fill('90');
  await form.getByRole('button', { name: '+ Add another medicine' }).click();
  const second = form.getByRole('group', { name: 'Item 2' });
  await second.getByLabel('Medicine').fill('Vitamin D3');
  await second.getByLabel('Price (₹)').fill('200');

  // A wrong profile field is named before anything is asked or sent.
  await form.getByRole('button', { name: 'Save bill' }).click();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Email').fill('asha@example.in');

  // Neither medicine has a duration: asked once, one answered, the other skipped.
  await form.getByRole('button', { name: 'Save bill' }).click();
  const question = form.getByRole('region', { name: 'How many days will this last?' });
  await expect(question).toBeVisible();
  await expect(question.getByLabel('Days for Cough syrup')).toBeFocused();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'counter-duration-question-360.png') });
  await question.getByLabel('Days for Cough syrup').fill('5');
  await question.getByRole('button', { name: 'Save with these days' }).click();
  await expect(page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Bill saved: ₹290.00' }) })).toBeVisible();

  // Stored: the profile, the answered duration and the skipped one.
  const customer = await customerByPhone(request, phone);
  expect(customer.age).toBe(45);
  expect(customer.email).toBe('asha@example.in');
  expect(customer.allergies).toBe('Sulfa drugs');
  expect(customer.chronic_conditions).toEqual(['asthma', 'thyroid']);
  const list = (await (await request.get(`/api/bills?customer_id=${customer.id}`)).json()) as { items: { id: number }[] };
  expect(list.items).toHaveLength(1);
  const bill = (await (await request.get(`/api/bills/${list.items[0]!.id}`)).json()) as {
    items: { medicine: string; duration_days: number | null; duration_skipped: boolean }[];
  };
  expect(bill.items.map((i) => [i.medicine, i.duration_days, i.duration_skipped])).toEqual([
    ['Cough syrup', 5, false],
    ['Vitamin D3', null, true],
  ]);

  // The owner sees it on the dashboard's refill figures, to coach staff to ask.
  const after = (await (await request.get(`${TRACKING}/reports/refills`)).json()) as typeof before;
  expect(after.bill_durations.without_duration - before.bill_durations.without_duration).toBe(1);
  expect(after.bill_durations.skipped - before.bill_durations.skipped).toBe(1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const refills = page.getByRole('group', { name: 'Refill reminders', exact: true });
  const figure = refills.locator('.figures__item').filter({ has: page.getByRole('term').filter({ hasText: 'Bills without a duration' }) });
  await expect(figure.locator('.figures__value')).toHaveText(new Intl.NumberFormat('en-IN').format(after.bill_durations.without_duration));
  await expect(figure.locator('.figures__note')).toContainText(`${new Intl.NumberFormat('en-IN').format(after.bill_durations.skipped)} skipped when asked`);
});
