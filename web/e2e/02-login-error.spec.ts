import { OWNER, ensureShop, expect, test } from './fixtures';

test('a wrong password shows the server message', async ({ page, request }) => {
  await ensureShop(request);
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(OWNER.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText(/wrong email or password/i);
  await expect(page).toHaveURL(/\/login$/);
});
