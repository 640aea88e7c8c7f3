import { OWNER, ensureShop, expect, signIn, signOut, test } from './fixtures';

const TEMP = { name: 'Meena Iyer', email: 'meena@sharma-medicals.test', password: 'meena-pass-123' };

test('owner edits a staff member and deactivates them', async ({ page, request }) => {
  await ensureShop(request);
  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.goto('/staff');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const form = page.getByRole('form', { name: 'New staff member' });
  // Client-side checks first: nothing is sent until the form is complete.
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByText('Enter a name.')).toBeVisible();
  await expect(form.getByLabel('Name', { exact: true })).toBeFocused();
  await form.getByLabel('Name', { exact: true }).fill(TEMP.name);
  await form.getByLabel('Email').fill(TEMP.email);
  await form.getByLabel('Password').fill(TEMP.password);
  await form.getByLabel('Role').selectOption({ label: 'Manager' });
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${TEMP.name} was added.` })).toBeVisible();

  // The same email again: the server's 409 shows next to the Email field.
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await form.getByLabel('Name', { exact: true }).fill('Someone Else');
  await form.getByLabel('Email').fill(TEMP.email);
  await form.getByLabel('Password').fill('another-pass-1');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Edit: new name and phone, make them staff, deactivate.
  await page.getByRole('button', { name: `Edit ${TEMP.name}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${TEMP.name}` });
  await edit.getByLabel('Name', { exact: true }).fill('Meena R. Iyer');
  await edit.getByLabel('Phone').fill('+91 98450 12345');
  await edit.getByLabel('Role').selectOption({ label: 'Staff' });
  await edit.getByLabel('Active (can sign in)').uncheck();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meena R. Iyer was updated.' })).toBeVisible();
  const card = page.getByRole('list', { name: 'Staff members' }).getByRole('listitem').filter({ hasText: TEMP.email });
  await expect(card).toContainText('Meena R. Iyer');
  await expect(card).toContainText('Inactive');
  await expect(card).toContainText('Staff');

  // The change is stored: it survives a reload.
  await page.reload();
  await expect(card).toContainText('Inactive');

  // An inactive member cannot sign in.
  await signOut(page);
  await signIn(page, TEMP.email, TEMP.password);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
