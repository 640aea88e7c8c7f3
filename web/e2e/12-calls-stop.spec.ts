// Calls that stop: a contact nobody reaches in five calls shows as unreachable and leaves the
// list to call; a "Do not call" outcome (confirmed) shows who set it, and only the owner can
// allow calls again.

import type { APIRequestContext } from '@playwright/test';
import { OWNER, XRW, apiSignIn, addStaff, ensureShop, expect, freshPhone, signIn, signOut, tag, test, watchCsp } from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

const CONTACTS = '/api/customer-tracking/contacts';

/** Uploads one contact with a fresh phone and answers its id. */
async function oneContact(request: APIRequestContext, name: string): Promise<number> {
  const phone = await freshPhone(request);
  const upload = await request.post(`${CONTACTS}/upload`, {
    headers: XRW,
    multipart: { file: { name: `calls-${tag()}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`Name,Phone\n${name},${phone}\n`) } },
  });
  expect(upload.status()).toBe(201);
  const found = await request.get(`${CONTACTS}?reach=all&q=${phone}`);
  return ((await found.json()) as { items: { id: number }[] }).items[0]!.id;
}

test('calls stop: unreachable after five calls, do not call until the owner allows it', async ({ page, request }) => {
  test.setTimeout(90_000);
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const manager = await addStaff(request, 'Kiran Manager', 'manager');
  const silent = `Silent ${tag()}`;
  const silentId = await oneContact(request, silent);
  for (let i = 0; i < 5; i++) {
    const logged = await request.post(`${CONTACTS}/${silentId}/interactions`, { headers: XRW, data: { kind: 'call', outcome: 'no_answer' } });
    expect(logged.status()).toBe(201);
  }
  const asked = `Asked ${tag()}`;
  const askedId = await oneContact(request, asked);

  // The manager logs "Do not call" with a confirm, and cannot lift it.
  await page.goto('/login');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto(`/contacts/${silentId}`);
  await expect(page.getByText('Unreachable after 5 calls')).toBeVisible();
  await page.goto(`/contacts/${askedId}`);
  await page.getByLabel('Outcome').selectOption('do_not_call');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByText(`Do not call — set by ${manager.name}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Allow calls again' })).toHaveCount(0);
  await page.goto('/contacts');
  await expect(page.getByRole('link', { name: asked })).toHaveCount(0);
  await expect(page.getByRole('link', { name: silent })).toHaveCount(0);
  await signOut(page);

  // The owner allows calls again.
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto(`/contacts/${askedId}`);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Allow calls again' }).click();
  await expect(page.getByText('Do not call — set by')).toHaveCount(0);
  expect(csp).toEqual([]);
});
