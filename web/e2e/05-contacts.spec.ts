// Contact sheets end to end: a manager uploads the 1,000-row sample, sees the
// counts, assigns the unassigned contacts to two staff members; one of them
// works a contact from My work (call, follow-up, "visited, did not buy").

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { OWNER, ensureShop, expect, signIn, signOut, test, watchCsp } from './fixtures';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The sample sheets travel with the repository (tests/data/samples); RXTRACK_SAMPLES_DIR overrides.
const SAMPLES = process.env.RXTRACK_SAMPLES_DIR ?? path.resolve(HERE, '../../tests/data/samples');
const SHEET = path.join(SAMPLES, 'sample_1k_phone.xlsx');
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const XRW = { 'X-Requested-With': 'rxtrack' };

// Everything here must work on a 360 px phone.
test.use({ viewport: { width: 360, height: 740 } });

interface Person {
  id: number;
  name: string;
  email: string;
  password: string;
}

/** Signs the API context in as the owner and adds a member with a unique email. */
async function addMember(request: APIRequestContext, name: string, role: 'manager' | 'staff'): Promise<Person> {
  const login = await request.post('/api/auth/login', { headers: XRW, data: { email: OWNER.email, password: OWNER.password } });
  expect(login.ok()).toBeTruthy();
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const person = { name, email: `${name.split(' ')[0]!.toLowerCase()}.${tag}@sharma-medicals.test`, password: `pass-${tag}-1` };
  const made = await request.post('/api/staff', { headers: XRW, data: { ...person, role } });
  expect(made.status()).toBe(201);
  return { ...person, id: ((await made.json()) as { id: number }).id };
}

/** Shop-local (Asia/Kolkata) `YYYY-MM-DDTHH:MM`, `minutes` from now. */
function shopLocal(minutes: number): string {
  const ist = new Date(Date.now() + minutes * 60_000 + 330 * 60_000);
  return ist.toISOString().slice(0, 16);
}

async function signInFresh(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto('/login');
  await signIn(page, who.email, who.password);
}

test('manager uploads a sheet and assigns it; staff work a contact', async ({ page, request }) => {
  test.setTimeout(120_000);
  const csp = watchCsp(page);
  await ensureShop(request);
  const manager = await addMember(request, 'Anil Manager', 'manager');
  const priya = await addMember(request, 'Priya Patel', 'staff');
  const rahul = await addMember(request, 'Rahul Verma', 'staff');

  // --- The manager uploads the sample sheet.
  await signInFresh(page, manager);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Upload sheet' }).click();
  await expect(page.getByRole('heading', { name: 'Upload contacts' })).toBeVisible();
  await page.getByLabel('Spreadsheet file').setInputFiles(SHEET);
  await page.getByRole('button', { name: 'Import', exact: true }).click();

  const result = page.getByRole('region', { name: 'Result: sample_1k_phone.xlsx' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const count = (label: string) =>
    result.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1]', { hasText: label }) });
  await expect(count('Total rows')).toHaveText('1,000');
  await expect(count('Imported')).toHaveText('951');
  await expect(count('Duplicates')).toHaveText('29');
  await expect(count('Invalid')).toHaveText('20');
  // The rows it could not use: 20 of them, and the CSV to download.
  await expect(result.getByRole('table').getByRole('row')).toHaveCount(21);
  await expect(result.getByRole('row', { name: /xxxxx/ })).toContainText('not a phone number');
  const download = page.waitForEvent('download');
  await result.getByRole('link', { name: 'Download errors.csv' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByRole('list', { name: 'Past uploads' }).getByRole('listitem').first()).toContainText('951 imported');
  await page.screenshot({ path: path.join(SHOTS, 'upload-360.png'), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // --- Assign every unassigned contact to the two staff members.
  await page.goto('/contacts');
  await expect(page.getByText(/^[\d,]+ contacts$/)).toBeVisible();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Assigned to').selectOption({ label: 'Unassigned' });
  await expect(page).toHaveURL(/assigned_staff_id=unassigned/);
  await expect(page.getByText('951 contacts', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Assign…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign contacts' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('All contacts matching the current filters').check();
  await dialog.getByLabel(priya.name).check();
  await dialog.getByLabel(rahul.name).check();
  const split = dialog.getByRole('list', { name: 'Split' });
  await expect(split.getByRole('listitem').filter({ hasText: priya.name })).toContainText(/≈ 47[56]/);
  await expect(split.getByRole('listitem').filter({ hasText: rahul.name })).toContainText(/≈ 47[56]/);
  await expect(dialog).toContainText('951 contacts to assign.');
  await dialog.getByRole('button', { name: 'Assign 951 contacts' }).click();
  const assigned = dialog.getByRole('list', { name: 'Assigned' });
  await expect(assigned).toBeVisible();
  const given = async (name: string) => Number((await assigned.getByRole('listitem').filter({ hasText: name }).locator('strong').innerText()).replace(/,/g, ''));
  const [p, r] = [await given(priya.name), await given(rahul.name)];
  expect(p + r).toBe(951);
  expect(Math.abs(p - r)).toBeLessThanOrEqual(1);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No contacts match.')).toBeVisible();

  // Screenshot of the list at phone width.
  await page.goto(`/contacts?assigned_staff_id=${priya.id}`);
  await expect(page.getByRole('list', { name: 'Contacts' }).getByRole('listitem')).toHaveCount(50);
  await page.screenshot({ path: path.join(SHOTS, 'contacts-360.png'), fullPage: false });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Assign…' }).click();
  await page.getByRole('dialog', { name: 'Assign contacts' }).getByLabel(priya.name).check();
  await page.screenshot({ path: path.join(SHOTS, 'assign-360.png') });
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await signOut(page);

  // --- Priya signs in: My work is her home.
  await signIn(page, priya.email, priya.password);
  await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole('heading', { name: `To call (${p})` })).toBeVisible();
  const first = page.getByRole('list', { name: 'Pending contacts' }).getByRole('listitem').first().getByRole('link');
  const contactName = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { name: contactName, level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Call \+91/ })).toHaveAttribute('href', /^tel:\+91\d{10}$/);
  await expect(page.getByRole('link', { name: 'WhatsApp chat' })).toHaveAttribute('href', /^https:\/\/wa\.me\/91\d{10}$/);
  const badges = page.locator('.contact-page__badges');
  await expect(badges).toContainText('Pending');

  // Log a call: the contact moves to contacted.
  const log = page.getByRole('form', { name: 'Log a contact' });
  await log.getByLabel('How').selectOption({ label: 'Call' });
  await log.getByLabel('Outcome').selectOption({ label: 'Asked to call back' });
  await log.getByLabel('Notes').fill('Wants a call after 6 pm about BP tablets.');
  await log.getByRole('button', { name: 'Log contact' }).click();
  await expect(log.getByRole('status')).toContainText('Call logged');
  await expect(badges).toContainText('Contacted');

  // A follow-up, due a few minutes ago so it shows as due on My work.
  const follow = page.getByRole('form', { name: 'Follow up' });
  await follow.getByLabel('Follow up at').fill(shopLocal(-5));
  await follow.getByLabel('Note').fill('Call back about BP tablets');
  await follow.getByRole('button', { name: 'Set follow-up' }).click();
  await expect(follow.getByRole('status')).toContainText('Follow-up set for');
  await expect(page.getByRole('list', { name: 'Open follow-ups' })).toContainText('Call back about BP tablets');

  // WhatsApp status is editable.
  const details = page.getByRole('form', { name: 'Contact details' });
  await details.getByLabel('WhatsApp status').selectOption('active');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toContainText('Saved.');
  await expect(badges).toContainText('WhatsApp: Active');

  // She came in but did not buy.
  await page.getByRole('button', { name: 'Visited, did not buy (mark yellow)' }).click();
  await expect(badges).toContainText('Yellow');
  const history = page.getByRole('list', { name: 'Interactions' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Visit: Visited, did not buy');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Call: Asked to call back');
  await expect(history.getByRole('listitem').nth(1)).toContainText(priya.name);

  // The contact survives a reload as yellow with the call in its history.
  await page.reload();
  await expect(badges).toContainText('Yellow');
  await expect(history).toContainText('Call: Asked to call back');
  await page.screenshot({ path: path.join(SHOTS, 'contact-360.png'), fullPage: true });
  await page.screenshot({ path: path.join(SHOTS, 'contact-top-360.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Back on My work: the follow-up is due; mark it done.
  await page.getByRole('link', { name: '← My work' }).click();
  await expect(page.getByRole('heading', { name: `To call (${p - 1})` })).toBeVisible();
  const due = page.getByRole('list', { name: /follow-ups/i }).getByRole('listitem').filter({ hasText: 'Call back about BP tablets' });
  await expect(due).toContainText(contactName);
  await page.screenshot({ path: path.join(SHOTS, 'my-work-360.png') });
  await due.getByRole('button', { name: /^Done/ }).click();
  await expect(page.getByText('Nothing due today.')).toBeVisible();

  // Rahul's contacts are not Priya's: she gets a 404 message for one of them.
  const other = await request.get(`/api/customer-tracking/contacts?assigned_staff_id=${rahul.id}&limit=1`);
  const otherId = ((await other.json()) as { items: { id: number }[] }).items[0]!.id;
  await page.goto(`/contacts/${otherId}`);
  await expect(page.getByRole('alert')).toContainText('not assigned to you');

  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});

test('a file that is not a spreadsheet is refused with the server message', async ({ page, request }) => {
  await ensureShop(request);
  const manager = await addMember(request, 'Kavita Manager', 'manager');
  await signInFresh(page, manager);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto('/contacts/upload');
  await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]) });
  // Choosing it previews it, which the server refuses: nothing to import.
  await expect(page.getByRole('alert')).toContainText(/not a spreadsheet/i);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('staff cannot open the upload page', async ({ page, request }) => {
  await ensureShop(request);
  const clerk = await addMember(request, 'Sunil Staff', 'staff');
  await signInFresh(page, clerk);
  await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
  await page.goto('/contacts/upload');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
  await page.goto('/contacts');
  await expect(page.getByRole('link', { name: 'Upload sheet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Assign…' })).toHaveCount(0);
});
