// The counter end to end: a contact from the sheet buys (converted), a back-dated
// bill's refill reminder comes up on today's refill list and is worked, and the
// server's 422 reasons show next to their fields.

import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { OWNER, ensureShop, expect, openMenu, signIn, test, watchCsp } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const XRW = { 'X-Requested-With': 'rxtrack' };

// The counter is a phone.
test.use({ viewport: { width: 360, height: 740 } });

interface Person {
  email: string;
  password: string;
}

function tag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Adds a member (signed in on `request` as the owner), then signs `request` in as them. */
async function addMember(request: APIRequestContext, name: string, role: 'manager' | 'staff'): Promise<Person> {
  await ensureShop(request);
  const owner = await request.post('/api/auth/login', { headers: XRW, data: { email: OWNER.email, password: OWNER.password } });
  expect(owner.ok()).toBeTruthy();
  const t = tag();
  const person = { name, email: `${name.split(' ')[0]!.toLowerCase()}.${t}@sharma-medicals.test`, password: `pass-${t}-1` };
  const made = await request.post('/api/staff', { headers: XRW, data: { ...person, role } });
  expect(made.status()).toBe(201);
  const login = await request.post('/api/auth/login', { headers: XRW, data: { email: person.email, password: person.password } });
  expect(login.ok()).toBeTruthy();
  return person;
}

/** A mobile number nobody in the shop has yet: 9 then nine digits. */
async function freshPhone(request: APIRequestContext): Promise<string> {
  for (;;) {
    const phone = `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const found = await request.get(`/api/customer-tracking/customers/phone/${phone}`);
    const contacts = await request.get(`/api/customer-tracking/contacts?q=${phone}&limit=1`);
    if (found.status() === 404 && ((await contacts.json()) as { total: number }).total === 0) return phone;
  }
}

/** Shop-local (Asia/Kolkata) `YYYY-MM-DDTHH:MM`, `minutes` from now. */
function shopLocal(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000 + 330 * 60_000).toISOString().slice(0, 16);
}

async function signInFresh(page: Page, who: Person, home = 'Dashboard'): Promise<void> {
  await page.goto('/login');
  await signIn(page, who.email, who.password);
  await expect(page.getByRole('heading', { name: home, level: 1 })).toBeVisible();
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test('a contact from the sheet buys at the counter and is converted', async ({ page, request }) => {
  const csp = watchCsp(page);
  const manager = await addMember(request, 'Deepa Manager', 'manager');
  const phone = await freshPhone(request);
  const name = `Meera ${tag()}`;

  // The sheet, uploaded by the manager through the API.
  const upload = await request.post('/api/customer-tracking/contacts/upload', {
    headers: XRW,
    multipart: { file: { name: 'walk-ins.csv', mimeType: 'text/csv', buffer: Buffer.from(`Name,Phone\n${name},${phone}\n`) } },
  });
  expect(upload.status()).toBe(201);
  expect(((await upload.json()) as { imported: number }).imported).toBe(1);

  await signInFresh(page, manager);
  await page.goto('/billing');
  await expect(page.getByRole('heading', { name: 'Billing', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'New bill' });
  await expect(form.getByLabel('Phone number')).toBeFocused();

  // Nothing is sent until the required answers are there.
  await form.getByRole('button', { name: 'Save bill' }).click();
  await expect(form.getByText('Enter the customer’s phone number (10 digits).')).toBeVisible();
  await expect(form.getByText('Choose yes or no.')).toBeVisible();

  // Phone first: the number is not a customer yet.
  await form.getByLabel('Phone number').fill(`${phone.slice(0, 5)} ${phone.slice(5)}`);
  await expect(form.getByText('New customer.')).toBeVisible();
  // Contacted before, and it is the first bill: the category becomes Contact sheet.
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('Yes').check();
  await expect(form.getByLabel('Customer category')).toHaveValue('contact_sheet');
  await form.getByLabel('Name').fill(name);

  const first = form.getByRole('group', { name: 'Item 1' });
  await first.getByLabel('Medicine').fill('Amlodipine 5 mg');
  await first.getByLabel('Quantity').fill('3');
  await first.getByLabel('Price (₹)').fill('125.50');
  await first.getByLabel('Days').fill('10');
  await form.getByRole('button', { name: '+ Add another medicine' }).click();
  const second = form.getByRole('group', { name: 'Item 2' });
  await expect(second.getByLabel('Medicine')).toBeFocused();
  await second.getByLabel('Medicine').fill('Paracetamol 650');
  await second.getByLabel('Quantity').fill('2');
  await second.getByLabel('Price (₹)').fill('1,000');
  await second.getByLabel('Generic').check();
  // 3 × 125.50 + 2 × 1,000 = 2,376.50
  await expect(page.locator('.bill-bar')).toContainText('Total ₹2,376.50');
  // A third row, then removed again.
  await form.getByRole('button', { name: '+ Add another medicine' }).click();
  await form.getByRole('button', { name: 'Remove item 3' }).click();
  await expect(form.getByRole('group', { name: 'Item 3' })).toHaveCount(0);
  await page.screenshot({ path: path.join(SHOTS, 'billing-360.png'), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, 'billing-top-360.png') });
  await noSidewaysScroll(page);

  await form.getByRole('button', { name: 'Save bill' }).click();
  // Paracetamol has no duration: asked once, skipped.
  const question = form.getByRole('region', { name: 'How many days will this last?' });
  await expect(question.getByLabel('Days for Paracetamol 650')).toBeFocused();
  await question.getByRole('button', { name: 'Skip, save without days' }).click();
  const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Bill saved: ₹2,376.50' }) });
  await expect(done).toBeVisible();
  await expect(done).toContainText('Converted from the contact sheet: ₹2,376.50');
  await expect(done).toContainText('(new customer)');
  await expect(done.getByRole('list', { name: 'Refill reminders created' })).toContainText('Amlodipine 5 mg: remind on');
  // The form is ready for the next customer.
  await expect(form.getByLabel('Phone number')).toHaveValue('');
  await page.screenshot({ path: path.join(SHOTS, 'billing-saved-360.png') });

  // The contact page for that number: converted.
  await done.getByRole('link', { name: 'Open the contact' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.locator('.contact-page__badges')).toContainText('Converted');

  // Billing the same number again: a returning customer, found as the phone is typed.
  await page.goto('/billing');
  await form.getByLabel('Phone number').fill(`+91 ${phone}`);
  await expect(form.getByRole('link', { name })).toBeVisible();
  await expect(form).toContainText('1 visit');
  await expect(form.getByLabel('Customer category')).toHaveValue('contact_sheet');
  await expect(form.getByLabel('Name')).toHaveValue(name);

  // Their profile has the bill, the purchases and the contact.
  await form.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Call / })).toHaveAttribute('href', `tel:+91${phone}`);
  await expect(page.getByRole('link', { name: 'WhatsApp chat' })).toHaveAttribute('href', `https://wa.me/91${phone}`);
  await expect(page.getByRole('list', { name: 'Bills' })).toContainText('₹2,376.50');
  await expect(page.getByRole('list', { name: 'Purchases' })).toContainText('Paracetamol 650');
  await expect(page.getByRole('region', { name: 'Contact sheet' }).getByRole('link', { name })).toHaveAttribute('href', /^\/contacts\/\d+$/);

  // Edit the medical information.
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit customer' });
  await edit.getByLabel('Chronic conditions').fill('Diabetes, Blood pressure');
  await edit.getByLabel('Allergies').fill('Penicillin');
  await edit.getByLabel('Prefers generic medicines').check();
  await edit.getByLabel('WhatsApp messages').check();
  await edit.getByRole('button', { name: 'Save customer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Customer saved.' })).toBeVisible();
  const about = page.getByRole('region', { name: 'About the customer' });
  await expect(about).toContainText(/blood pressure, diabetes/i);
  await expect(about).toContainText('Penicillin');
  await page.screenshot({ path: path.join(SHOTS, 'customer-360.png'), fullPage: true });
  await noSidewaysScroll(page);

  // The customer list finds them by name.
  await page.goto(`/customers?q=${encodeURIComponent(name)}`);
  const rows = page.getByRole('list', { name: 'Customers' });
  await expect(rows.getByRole('listitem')).toHaveCount(1);
  await expect(rows).toContainText('Contact sheet');
  await expect(rows).toContainText('₹2,376.50 spent');
  await page.screenshot({ path: path.join(SHOTS, 'customers-360.png') });
  await noSidewaysScroll(page);

  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});

test('a back-dated bill’s refill comes up on today’s list and is worked', async ({ page, request }) => {
  const csp = watchCsp(page);
  const manager = await addMember(request, 'Deepa Manager', 'manager');
  const phone = await freshPhone(request);
  const name = `Ramesh ${tag()}`;
  const medicine = `Metformin 500 ${tag()}`;

  await signInFresh(page, manager);
  await page.goto('/billing');
  const form = page.getByRole('form', { name: 'New bill' });
  await form.getByLabel('Phone number').fill(phone);
  await expect(form.getByText('New customer.')).toBeVisible();
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('No').check();
  await form.getByLabel('Customer category').selectOption({ label: 'Regular (branded)' });
  await form.getByLabel('Name').fill(name);
  const item = form.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Medicine').fill(medicine);
  await item.getByLabel('Quantity').fill('1');
  await item.getByLabel('Price (₹)').fill('240');
  await item.getByLabel('Days').fill('30');
  // 25 days ago: the 30-day supply runs out in 5 days, and the 5-day lead makes the reminder today's.
  await form.getByText('Bill date and notes').click();
  await form.getByLabel('Bill date and time').fill(shopLocal(-25 * 24 * 60));
  await form.getByRole('button', { name: 'Save bill' }).click();
  const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Bill saved: ₹240.00' }) });
  await expect(done).toBeVisible();
  await expect(done).not.toContainText('Converted');
  await expect(done.getByRole('list', { name: 'Refill reminders created' })).toContainText(medicine);

  // Today's refill list (My work links to it).
  await page.goto('/my-work');
  await page.getByRole('link', { name: /^Today’s refills/ }).click();
  await expect(page).toHaveURL(/\/refills$/);
  await expect(page.getByRole('heading', { name: /due today or overdue$/ })).toBeVisible();
  const card = page.getByRole('article', { name: `${medicine} for ${name}` });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Due today');
  await expect(card).toContainText('To remind');
  await expect(card.getByRole('link', { name: /^Call / })).toHaveAttribute('href', `tel:+91${phone}`);
  await expect(card.getByRole('link', { name: 'WhatsApp chat' })).toHaveAttribute('href', `https://wa.me/91${phone}`);
  await page.screenshot({ path: path.join(SHOTS, 'refills-360.png') });
  await noSidewaysScroll(page);

  // Reminded by a call; the customer will visit.
  await card.getByLabel('Reminded by').selectOption({ label: 'Call' });
  await card.getByRole('button', { name: 'Mark sent' }).click();
  await expect(card).toContainText('Reminded by Call on');
  await expect(card.locator('.refill-status')).toHaveText('Reminded');
  // Reminded: the response is the next step, already open.
  await expect(card.getByRole('button', { name: 'Mark sent' })).toHaveCount(0);
  await card.getByLabel('Response', { exact: true }).selectOption({ label: 'Will visit' });
  await card.getByLabel('Note').fill('Coming on Saturday');
  await card.getByRole('button', { name: 'Save response' }).click();
  await expect(card.locator('.refill-status')).toHaveText('Responded');
  await expect(card).toContainText('Response: Will visit — Coming on Saturday');
  await expect(card.getByText('Change the response')).toBeVisible();
  await expect(card.getByLabel('Response', { exact: true })).toBeHidden();
  await page.screenshot({ path: path.join(SHOTS, 'refills-worked-360.png'), fullPage: true });

  // Looking back: responded reminders with today's remind-on date.
  await page.getByText('Look back or ahead').click();
  const filters = page.getByRole('form', { name: 'Refill filters' });
  const today = shopLocal(0).slice(0, 10);
  await filters.getByLabel('Remind from').fill(today);
  await filters.getByLabel('Remind to').fill(today);
  await filters.getByLabel('Status').selectOption({ label: 'Responded' });
  await filters.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(/status=responded/);
  await expect(page.getByRole('article', { name: `${medicine} for ${name}` }).locator('.refill-status')).toHaveText('Responded');
  // Gone from the daily list (it is no longer pending).
  await page.getByRole('button', { name: 'Today’s list' }).click();
  await expect(page).toHaveURL(/\/refills$/);
  await expect(page.getByRole('heading', { name: /due today or overdue$/ })).toBeVisible();
  await expect(page.getByRole('article', { name: `${medicine} for ${name}` })).toHaveCount(0);

  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});

test('the server’s reasons show next to their fields', async ({ page, request }) => {
  const manager = await addMember(request, 'Deepa Manager', 'manager');
  await signInFresh(page, manager);
  await page.goto('/billing');
  const form = page.getByRole('form', { name: 'New bill' });
  // Ten digits, but not a number in India: the lookup says so, and so does the server on saving.
  await form.getByLabel('Phone number').fill('0000000000');
  await expect(form.getByText(/not a valid number/i)).toBeVisible();
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('No').check();
  await form.getByLabel('Customer category').selectOption({ label: 'First-time prescription' });
  const item = form.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Medicine').fill('Azithromycin 500');
  await item.getByLabel('Price (₹)').fill('95');
  await item.getByLabel('Days').fill('5');
  await form.getByRole('button', { name: 'Save bill' }).click();
  await expect(form.getByLabel('Phone number')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Phone number')).toBeFocused();
});

test('staff find Billing first in the menu, without back-dating', async ({ page, request }) => {
  const clerk = await addMember(request, 'Imran Staff', 'staff');
  await signInFresh(page, clerk, 'My work');
  await openMenu(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link').first()).toHaveText('Billing');
  await nav.getByRole('link', { name: 'Billing' }).click();
  const form = page.getByRole('form', { name: 'New bill' });
  await expect(form.getByLabel('Phone number')).toBeVisible();
  await expect(form.getByLabel('Bill date and time')).toHaveCount(0);
  await expect(form.getByText('Notes', { exact: true })).toBeVisible();
});

test('a contact who visits without buying turns yellow', async ({ page, request }) => {
  const manager = await addMember(request, 'Deepa Manager', 'manager');
  const phone = await freshPhone(request);
  const name = `Farah ${tag()}`;
  const upload = await request.post('/api/customer-tracking/contacts/upload', {
    headers: XRW,
    multipart: { file: { name: 'visits.csv', mimeType: 'text/csv', buffer: Buffer.from(`Name,Phone\n${name},${phone}\n`) } },
  });
  expect(upload.status()).toBe(201);

  await signInFresh(page, manager);
  await page.goto('/billing');
  const form = page.getByRole('form', { name: 'New bill' });
  await form.getByLabel('Phone number').fill(phone);
  await expect(form.getByText('New customer.')).toBeVisible();
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('Yes').check();
  // A half-typed medicine is not sent with a visit.
  await form.getByRole('group', { name: 'Item 1' }).getByLabel('Medicine').fill('Cetirizine');
  await form.getByRole('button', { name: 'Visited, did not buy' }).click();
  const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Visit recorded' }) });
  await expect(done).toContainText('did not buy');
  await expect(done).toContainText('Contact sheet: marked yellow');
  await done.getByRole('link', { name: 'Open the contact' }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.locator('.contact-page__badges')).toContainText('Yellow');
});
