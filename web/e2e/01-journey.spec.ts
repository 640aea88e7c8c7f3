import { OWNER, expect, openMenu, signIn, signOut, test, watchCsp } from './fixtures';

const CLERK = {
  name: 'Ravi Kumar',
  email: 'ravi@sharma-medicals.test',
  password: 'ravi-pass-123',
};

test('first run, owner adds a staff member, staff cannot see Staff', async ({ page, request }) => {
  const csp = watchCsp(page);
  const setup = await request.get('/api/setup');
  expect((await setup.json()) as unknown, 'the e2e server must start with an empty database').toEqual({ needed: true });

  // First run: the app sends us to /setup.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Set up your pharmacy' })).toBeVisible();
  await page.getByLabel('Shop name').fill(OWNER.shop);
  await page.getByLabel('Your name').fill(OWNER.name);
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Create shop' }).click();

  // Signed in as the owner.
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);
  const header = page.getByRole('banner');
  await expect(header).toContainText(OWNER.shop);
  await expect(header).toContainText(OWNER.name);
  await expect(header).toContainText('Owner');

  await signOut(page);

  // Sign in again as the owner.
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // Add a staff member.
  await openMenu(page);
  await page.getByRole('link', { name: 'Staff', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/\/staff$/);
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const form = page.getByRole('form', { name: 'New staff member' });
  await form.getByLabel('Name', { exact: true }).fill(CLERK.name);
  await form.getByLabel('Email').fill(CLERK.email);
  await form.getByLabel('Password').fill(CLERK.password);
  await form.getByLabel('Role').selectOption({ label: 'Staff' });
  await form.getByLabel('Phone').fill('98765 43210');
  await form.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${CLERK.name} was added.` })).toBeVisible();
  const list = page.getByRole('list', { name: 'Staff members' });
  const card = list.getByRole('listitem').filter({ hasText: CLERK.email });
  await expect(card).toContainText(CLERK.name);
  await expect(card).toContainText('Staff');
  await expect(card).toContainText('Active');

  await signOut(page);

  // Sign in as the new staff member: My work is their home, and no Staff entry for them.
  await signIn(page, CLERK.email, CLERK.password);
  await expect(page.getByRole('heading', { name: 'My work' })).toBeVisible();
  await expect(page).toHaveURL(/\/my-work$/);
  await expect(page.getByRole('banner')).toContainText(CLERK.name);
  await openMenu(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Contacts' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Change my password' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Staff', exact: true })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0);

  // Typing the address does not help either.
  await page.goto('/staff');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();

  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});
