// `test` with baseURL taken from the server that global-setup started,
// and helpers shared by the specs.

import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';

export const OWNER = {
  shop: 'Sharma Medicals',
  name: 'Priya Sharma',
  email: 'owner@sharma-medicals.test',
  password: 'owner-pass-123',
};

export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.RXTRACK_BASE_URL;
    if (!url) throw new Error('RXTRACK_BASE_URL not set: global setup did not start the backend');
    await use(url);
  },
});

export { expect };

/** Makes sure the shop exists (creating it through the API if this is a fresh server). */
export async function ensureShop(request: APIRequestContext): Promise<void> {
  const res = await request.get('/api/setup');
  expect(res.ok()).toBeTruthy();
  const { needed } = (await res.json()) as { needed: boolean };
  if (!needed) return;
  const made = await request.post('/api/setup', {
    headers: { 'X-Requested-With': 'rxtrack' },
    data: { shop_name: OWNER.shop, owner_name: OWNER.name, email: OWNER.email, password: OWNER.password },
  });
  expect(made.status()).toBe(201);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
}

/** Opens the phone menu (the side bar is always shown on wide screens). */
export async function openMenu(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu' });
  if (await button.isVisible()) {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Collects Content-Security-Policy violations reported in the console. */
export function watchCsp(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (msg) => {
    if (/Content[- ]Security[- ]Policy/i.test(msg.text())) seen.push(msg.text());
  });
  return seen;
}
