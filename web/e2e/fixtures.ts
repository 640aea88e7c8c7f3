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

/** The CSRF header every API write needs. */
export const XRW = { 'X-Requested-With': 'rxtrack' };

/** A short unique suffix for names, emails and files. */
export function tag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs `request` in (its cookie replaces any earlier session). */
export async function apiSignIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const res = await request.post('/api/auth/login', { headers: XRW, data: { email, password } });
  expect(res.ok(), `sign-in as ${email}`).toBeTruthy();
}

export interface Member {
  id: number;
  name: string;
  email: string;
  password: string;
}

/** Adds a member to the shop (`request` must be signed in as the owner or a manager). */
export async function addStaff(request: APIRequestContext, name: string, role: 'manager' | 'staff'): Promise<Member> {
  const t = tag();
  const person = { name, email: `${name.split(' ')[0]!.toLowerCase()}.${t}@sharma-medicals.test`, password: `pass-${t}-1` };
  const made = await request.post('/api/staff', { headers: XRW, data: { ...person, role } });
  expect(made.status()).toBe(201);
  return { ...person, id: ((await made.json()) as { id: number }).id };
}

/** A mobile number nobody in the shop has yet (customer or contact): 9 then nine digits. */
export async function freshPhone(request: APIRequestContext): Promise<string> {
  for (;;) {
    const phone = `9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    const found = await request.get(`/api/customer-tracking/customers/phone/${phone}`);
    const contacts = await request.get(`/api/customer-tracking/contacts?q=${phone}&limit=1`);
    if (found.status() === 404 && ((await contacts.json()) as { total: number }).total === 0) return phone;
  }
}

/** The page is no wider than the screen (no sideways scrolling). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal page overflow in px').toBeLessThanOrEqual(0);
}
