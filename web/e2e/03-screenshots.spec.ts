// Phone-width (360 px) screenshots of the sign-in and staff pages, for a look by eye.
// Written to $SHOTS_DIR when set, else into the test's output folder.

import path from 'node:path';
import { OWNER, ensureShop, expect, openMenu, signIn, test } from './fixtures';

test.use({ viewport: { width: 360, height: 740 } });

test('screenshots at 360 px', async ({ page, request }, testInfo) => {
  const out = (name: string) => (process.env.SHOTS_DIR ? path.join(process.env.SHOTS_DIR, name) : testInfo.outputPath(name));
  await ensureShop(request);

  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: out('login-360.png'), fullPage: true });

  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await openMenu(page);
  await page.screenshot({ path: out('menu-360.png'), fullPage: true });
  await page.getByRole('link', { name: 'Staff', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Staff members' })).toBeVisible();
  await page.screenshot({ path: out('staff-360.png'), fullPage: true });
  await page.getByRole('button', { name: 'Add staff member' }).click();
  await page.screenshot({ path: out('staff-add-360.png'), fullPage: true });

  // No sideways scrolling on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('screenshots of the other owner pages', async ({ page, request }, testInfo) => {
  const out = (name: string) => (process.env.SHOTS_DIR ? path.join(process.env.SHOTS_DIR, name) : testInfo.outputPath(name));
  await ensureShop(request);
  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.goto('/staff');
  await page.getByRole('button', { name: `Edit ${OWNER.name}` }).click();
  await expect(page.getByRole('form', { name: `Edit ${OWNER.name}` })).toBeVisible();
  await page.screenshot({ path: out('staff-edit-360.png'), fullPage: true });

  await page.goto('/settings');
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
  await page.screenshot({ path: out('settings-360.png'), fullPage: true });

  await page.goto('/account/password');
  await page.screenshot({ path: out('password-360.png'), fullPage: true });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/staff');
  await expect(page.getByRole('list', { name: 'Staff members' })).toBeVisible();
  await page.screenshot({ path: out('staff-1280.png') });
});
