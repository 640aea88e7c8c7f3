// Follow-ups for someone else: a manager sets a follow-up on a contact for a staff member with
// the staff picker and a quick date (at the shop's call hour), and the staff member finds it on
// My work. A 360 px phone.

import { OWNER, XRW, addStaff, apiSignIn, ensureShop, expect, expectNoSidewaysScroll, freshPhone, signIn, signOut, tag, test } from './fixtures';

const TRACKING = '/api/customer-tracking';

test.use({ viewport: { width: 360, height: 740 } });

/** Shop-local (Asia/Kolkata) date, `days` from today. */
function shopDate(days: number): string {
  return new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test('a manager sets a follow-up for a staff member, who sees it in My work', async ({ page, request }) => {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const manager = await addStaff(request, 'Deepa Manager', 'manager');
  const clerk = await addStaff(request, `Imran ${tag()}`, 'staff');
  const phone = await freshPhone(request);
  const name = `Lata ${tag()}`;
  const upload = await request.post(`${TRACKING}/contacts/upload`, {
    headers: XRW,
    multipart: { file: { name: 'follow-ups.csv', mimeType: 'text/csv', buffer: Buffer.from(`Name,Phone\n${name},${phone}\n`) } },
  });
  expect(upload.status()).toBe(201);
  const found = (await (await request.get(`${TRACKING}/contacts?q=${phone}`)).json()) as { items: { id: number }[] };
  const contactId = found.items[0]!.id;
  const assigned = await request.post(`${TRACKING}/contacts/assign`, { headers: XRW, data: { staff_ids: [clerk.id], contact_ids: [contactId] } });
  expect(assigned.ok(), await assigned.text()).toBeTruthy();

  await page.goto('/login');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.goto(`/contacts/${contactId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const follow = page.getByRole('form', { name: 'Follow up' });

  // Tomorrow at the call hour to start with; the quick dates move it.
  await expect(follow.getByLabel('Follow up at')).toHaveValue(`${shopDate(1)}T10:00`);
  await expect(follow.getByRole('button', { name: 'Tomorrow' })).toHaveAttribute('aria-pressed', 'true');
  await follow.getByRole('button', { name: '+7 days' }).click();
  await expect(follow.getByLabel('Follow up at')).toHaveValue(`${shopDate(7)}T10:00`);
  await follow.getByRole('button', { name: '+3 days' }).click();
  await expect(follow.getByLabel('Follow up at')).toHaveValue(`${shopDate(3)}T10:00`);
  await expect(follow.getByRole('button', { name: '+3 days' })).toHaveAttribute('aria-pressed', 'true');
  await expect(follow.getByRole('button', { name: 'Tomorrow' })).toHaveAttribute('aria-pressed', 'false');

  // For the staff member, not for the manager.
  await expect(follow.getByLabel('For', { exact: true })).toHaveValue(String(manager.id));
  await follow.getByLabel('For', { exact: true }).selectOption({ label: clerk.name });
  const note = `Ask about the BP tablets ${tag()}`;
  await follow.getByLabel('Note').fill(note);
  await expectNoSidewaysScroll(page);
  await follow.getByRole('button', { name: 'Set follow-up' }).click();
  await expect(follow.getByRole('status')).toContainText(`Follow-up set for ${clerk.name} for`);

  const stored = (await (await request.get(`${TRACKING}/contacts/${contactId}`)).json()) as {
    reminders: { staff_id: number; due_at: string; note: string | null }[];
  };
  const made = stored.reminders.find((r) => r.note === note);
  expect(made?.staff_id).toBe(clerk.id);
  expect(made?.due_at.startsWith(`${shopDate(3)}T10:00`)).toBeTruthy();

  // The staff member finds it on My work.
  await signOut(page);
  await signIn(page, clerk.email, clerk.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  const upcoming = page.getByRole('list', { name: 'Upcoming follow-ups' });
  const item = upcoming.getByRole('listitem').filter({ hasText: note });
  await expect(item).toBeVisible();
  await expect(item.getByRole('link', { name })).toHaveAttribute('href', `/contacts/${contactId}`);
  await expect(item).toContainText(clerk.name);
});
