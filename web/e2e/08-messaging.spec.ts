// Messaging end to end against a fake WhatsApp Cloud API started inside this spec (Node's http
// on 127.0.0.1:0, speaking the real request and answer shapes): the owner fills the messaging
// settings in the UI, secrets read back only as "set", a test message to a good number is sent
// (the fake got it with the Bearer token) and one to a refusing number shows the provider's error;
// the Messages page lists both, and Retry puts the failed one back in the queue. Consent is
// recorded and withdrawn on a customer's page (the customer made by a bill through the API), and
// staff get no Messages page. Screenshots go to $SHOTS_DIR (default /tmp/web-shots).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { OWNER, XRW, addStaff, apiSignIn, ensureShop, expect, expectNoSidewaysScroll, freshPhone, openMenu, signIn, signOut, tag, test, watchCsp } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';

test.use({ viewport: { width: 360, height: 740 } });

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = `EAAG-test-${tag()}`;
const TEMPLATE = 'refill_reminder';
// Numbers the fake answers for: one accepted, one refused as undeliverable (131026).
const GOOD = '9876512345';
const REFUSED = '9876554321';

interface Seen {
  path: string;
  authorization: string | undefined;
  body: { messaging_product?: string; to?: string; type?: string; template?: { name?: string; language?: { code?: string } } };
}

/** A tiny WhatsApp Cloud API: POST /v23.0/<phone_number_id>/messages. */
function startFakeCloudApi(): Promise<{ server: http.Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const reply = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== `/v23.0/${PHONE_NUMBER_ID}/messages`) {
        reply(404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100 } });
        return;
      }
      let body: Seen['body'] = {};
      try {
        body = JSON.parse(raw) as Seen['body'];
      } catch {
        reply(400, { error: { message: '(#100) Invalid JSON', type: 'OAuthException', code: 100 } });
        return;
      }
      seen.push({ path: req.url, authorization: req.headers.authorization, body });
      if (body.to === `91${REFUSED}`) {
        reply(400, {
          error: {
            message: '(#131026) Message undeliverable',
            type: 'OAuthException',
            code: 131026,
            error_data: { messaging_product: 'whatsapp', details: 'Message Undeliverable.' },
            fbtrace_id: 'A1b2C3d4',
          },
        });
        return;
      }
      reply(200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to ?? '', wa_id: body.to ?? '' }],
        messages: [{ id: 'wamid.TEST1' }],
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, seen });
    });
  });
}

let fake: Awaited<ReturnType<typeof startFakeCloudApi>>;

test.beforeAll(async () => {
  fake = await startFakeCloudApi();
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => fake.server.close(() => resolve()));
});

async function ownerSignsIn(page: Page): Promise<void> {
  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

const secretBadge = (page: Page, name: string) => page.locator(`[data-secret="${name}"]`);

test('the owner fills the messaging settings; secrets read back only as set', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await ownerSignsIn(page);

  // Settings → Messaging settings.
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Messaging settings' }).click();
  await expect(page.getByRole('heading', { name: 'Messaging settings', level: 1 })).toBeVisible();
  await expect(page.getByText('WhatsApp not set up')).toBeVisible();
  await expect(secretBadge(page, 'whatsapp_access_token')).toHaveText('Not set');

  const form = page.getByRole('form', { name: 'Messaging settings' });
  const whatsapp = form.getByRole('group', { name: 'WhatsApp Cloud API' });
  await whatsapp.getByLabel('API base URL').fill(fake.url);
  await whatsapp.getByLabel('API version').fill('v23.0');
  await whatsapp.getByLabel('Phone number ID').fill(PHONE_NUMBER_ID);
  await whatsapp.getByLabel('Access token', { exact: true }).fill(TOKEN);
  await whatsapp.getByLabel('App secret', { exact: true }).fill('app-secret-e2e');
  await whatsapp.getByLabel('Verify token', { exact: true }).fill('verify-e2e');
  await whatsapp.getByLabel('Refill reminder template').fill(TEMPLATE);
  await whatsapp.getByLabel('Template language').fill('en');
  await whatsapp.getByLabel('Price per WhatsApp message (₹)').fill('0.80');
  await expect(page.getByText('health details stay out of messages unless you choose this', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Name the medicine in reminders')).not.toBeChecked();
  await page.getByRole('button', { name: 'Save messaging settings' }).click();
  await expect(page.getByText('Messaging settings saved.')).toBeVisible();

  // Secrets come back only as "set"; the boxes are empty again; the price is in rupees.
  for (const name of ['whatsapp_access_token', 'whatsapp_app_secret', 'whatsapp_verify_token']) {
    await expect(secretBadge(page, name)).toHaveText('Set');
  }
  await expect(secretBadge(page, 'sms_auth_key')).toHaveText('Not set');
  await expect(whatsapp.getByLabel('Access token', { exact: true })).toHaveValue('');
  await expect(whatsapp.getByLabel('Price per WhatsApp message (₹)')).toHaveValue('0.80');
  await expect(page.getByText('WhatsApp ready')).toBeVisible();

  // The API agrees, and never shows the token.
  await apiSignIn(request, OWNER.email, OWNER.password);
  const settings = await request.get('/api/shop/messaging');
  const saved = (await settings.json()) as Record<string, unknown>;
  expect(saved.whatsapp_base_url).toBe(fake.url);
  expect(saved.whatsapp_phone_number_id).toBe(PHONE_NUMBER_ID);
  expect(saved.whatsapp_access_token_set).toBe(true);
  expect(saved.whatsapp_price_paise).toBe(80);
  expect(JSON.stringify(saved)).not.toContain(TOKEN);

  // The webhook address: this site's origin and the shop's key.
  const origin = new URL(page.url()).origin;
  await expect(page.getByTestId('webhook-url')).toHaveText(`${origin}${String(saved.webhook_url_path)}`);
  await expect(page.getByTestId('sms-webhook-url')).toHaveText(`${origin}${String(saved.sms_webhook_url_path)}`);
  expect(String(saved.sms_webhook_url_path)).toBe(`/api/webhooks/sms/${String(saved.sms_webhook_key)}`);
  expect(saved.sms_webhook_key).not.toBe(saved.webhook_key);
  expect(saved.secrets_status).toBe('readable');

  // A new SMS address: the old one keeps working for 24 hours, and the page says until when.
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('sms-webhook-url-rotate').click();
  await expect(page.getByTestId('sms-webhook-url-previous')).toContainText('The previous address still works until');
  const rotated = (await (await request.get('/api/shop/messaging')).json()) as Record<string, unknown>;
  expect(rotated.sms_webhook_key).not.toBe(saved.sms_webhook_key);
  await expect(page.getByTestId('sms-webhook-url')).toHaveText(`${origin}${String(rotated.sms_webhook_url_path)}`);
  await expect(page.getByTestId('webhook-url')).toHaveText(`${origin}${String(saved.webhook_url_path)}`);

  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'messaging-settings-360.png'), fullPage: true });
  expect(csp).toEqual([]);
});

test('test messages reach the fake Cloud API; the Messages page lists them and retries the failed one', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  await ownerSignsIn(page);
  await page.goto('/settings/messaging');
  await expect(page.getByText('WhatsApp ready')).toBeVisible();
  const sentBefore = fake.seen.length;
  expect(sentBefore).toBe(0);

  // A test message to a good number: sent, with the provider's id; the fake got one request.
  const testForm = page.getByRole('form', { name: 'Send a test message' });
  await testForm.getByLabel('Channel').selectOption('whatsapp');
  await testForm.getByLabel('Phone number').fill(GOOD);
  await testForm.getByRole('button', { name: 'Send test message' }).click();
  await expect(testForm.getByRole('status')).toContainText('wamid.TEST1');
  expect(fake.seen).toHaveLength(1);
  expect(fake.seen[0]!.authorization).toBe(`Bearer ${TOKEN}`);
  expect(fake.seen[0]!.body.messaging_product).toBe('whatsapp');
  expect(fake.seen[0]!.body.to).toBe(`91${GOOD}`);
  expect(fake.seen[0]!.body.type).toBe('template');
  expect(fake.seen[0]!.body.template?.name).toBe(TEMPLATE);
  expect(fake.seen[0]!.body.template?.language?.code).toBe('en');

  // One to the refusing number: the provider's error is shown.
  await testForm.getByLabel('Phone number').fill(REFUSED);
  await testForm.getByRole('button', { name: 'Send test message' }).click();
  await expect(testForm.getByRole('alert')).toContainText('Message undeliverable');
  await expect(testForm.getByRole('alert')).toContainText('131026');
  expect(fake.seen).toHaveLength(2);
  await expectNoSidewaysScroll(page);
  await testForm.screenshot({ path: path.join(SHOTS, 'messaging-test-360.png') });

  // The Messages page lists both.
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();
  const list = page.getByRole('list', { name: 'Messages' });
  const sent = list.locator('article').filter({ hasText: '+91 98765 12345' }).filter({ hasText: 'Sent' });
  const failed = list.locator('article').filter({ hasText: '+91 98765 54321' });
  await expect(sent).toHaveCount(1);
  await expect(sent).toContainText('WhatsApp');
  await expect(sent).toContainText(TEMPLATE);
  await expect(failed).toHaveCount(1);
  await expect(failed.locator('.message-status')).toHaveText('Failed');
  await expect(failed).toContainText('131026');
  await expect(failed).toContainText('Message undeliverable');
  await expect(sent.getByRole('button', { name: 'Retry' })).toHaveCount(0);

  // The counts per day: a stacked chart whose text carries today's numbers.
  const chart = page.getByRole('img', { name: /^Messages per day,/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /\d+ sent, .*\d+ failed/);

  // The status filter keeps only the failed ones.
  await page.getByRole('form', { name: 'Message filters' }).getByLabel('Status').selectOption('failed');
  await expect(page).toHaveURL(/\/messages\?status=failed$/);
  await expect(list.locator('.message-status').first()).toHaveText('Failed');
  await expect(list.locator('.message-status').filter({ hasText: 'Sent' })).toHaveCount(0);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'messages-360.png'), fullPage: true });

  // Retry puts the failed one back in the queue (the scheduler is off in e2e: it stays queued).
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(failed.locator('.message-status')).toHaveText('Queued');
  await expect(failed.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(failed).not.toContainText('131026');
  const queued = await request.get('/api/messages?status=queued');
  const items = ((await queued.json()) as { items: { to_phone: string; attempts: number }[] }).items;
  expect(items.some((m) => m.to_phone === `+91${REFUSED}`)).toBe(true);
  expect(csp).toEqual([]);
});

test('consent on the customer page: recorded at the counter, then opted out, with the history', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const phone = await freshPhone(request);
  const name = `Meena ${tag()}`;
  const bill = await request.post('/api/bills', {
    headers: XRW,
    data: {
      customer: { phone: `+91${phone}`, name },
      customer_category: 'first_time_prescription',
      was_contacted_before: false,
      items: [{ medicine: 'Amlodipine 5', quantity: 30, unit_price_paise: 300, duration_days: 30 }],
    },
  });
  expect(bill.status(), await bill.text()).toBe(201);
  const customerId = ((await bill.json()) as { customer: { id: number } }).customer.id;

  await ownerSignsIn(page);
  await page.goto(`/customers/${customerId}`);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Messages and consent' });
  await expect(panel.locator('[data-consent="whatsapp"]')).toHaveText('No consent');
  await expect(panel.locator('[data-consent="sms"]')).toHaveText('No consent');

  await panel.getByRole('button', { name: 'Record WhatsApp consent' }).click();
  await expect(panel.locator('[data-consent="whatsapp"]')).toHaveText('Consent given');
  await panel.getByRole('button', { name: 'Record SMS consent' }).click();
  await expect(panel.locator('[data-consent="sms"]')).toHaveText('Consent given');
  const history = panel.getByRole('list', { name: 'Consent history' });
  await expect(history.getByRole('listitem').filter({ hasText: 'WhatsApp: consent given at the counter' })).toContainText(OWNER.name);
  await expect(history.getByRole('listitem').filter({ hasText: 'SMS: consent given at the counter' })).toHaveCount(1);

  // Opting out asks first; "Keep messages" changes nothing.
  await panel.getByRole('button', { name: 'Opt out of all messages' }).click();
  await panel.getByRole('button', { name: 'Keep messages' }).click();
  await expect(panel.locator('[data-consent="whatsapp"]')).toHaveText('Consent given');
  await panel.getByRole('button', { name: 'Opt out of all messages' }).click();
  await panel.getByRole('button', { name: 'Yes, opt out' }).click();
  await expect(panel.getByText('Opted out', { exact: true })).toBeVisible();
  await expect(panel.locator('[data-consent="whatsapp"]')).toHaveText('No consent');
  await expect(panel.locator('[data-consent="sms"]')).toHaveText('No consent');
  await expect(history.getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByRole('button', { name: 'Opt out of all messages' })).toHaveCount(0);
  await expect(history.getByRole('listitem').first()).toContainText('All channels: opted out by staff');
  // The history stays after a reload, and the API agrees.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Consent history' }).getByRole('listitem')).toHaveCount(3);
  const c = (await (await request.get(`/api/customer-tracking/customers/${customerId}`)).json()) as {
    whatsapp_consent: boolean;
    sms_consent: boolean;
    opted_out_at: string | null;
  };
  expect([c.whatsapp_consent, c.sms_consent, c.opted_out_at !== null]).toEqual([false, false, true]);
  await expectNoSidewaysScroll(page);
  await page.getByRole('region', { name: 'Messages and consent' }).screenshot({ path: path.join(SHOTS, 'customer-consent-360.png') });
  expect(csp).toEqual([]);
});

test('a manager reads the messaging settings; staff get no Messages page', async ({ page, request }) => {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const manager = await addStaff(request, `Ravi ${tag()}`, 'manager');
  const staff = await addStaff(request, `Sunil ${tag()}`, 'staff');

  await page.goto('/login');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.goto('/settings/messaging');
  await expect(page.getByRole('heading', { name: 'Messaging settings', level: 1 })).toBeVisible();
  await expect(page.getByText('Only the owner can change these settings.')).toBeVisible();
  await expect(secretBadge(page, 'whatsapp_access_token')).toHaveText('Set');
  await expect(page.getByLabel('Phone number ID')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save messaging settings' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Send a test message' })).toHaveCount(0);
  // The webhook addresses (their keys) are the owner's alone.
  await expect(page.getByTestId('webhook-url')).toHaveCount(0);
  await expect(page.getByTestId('sms-webhook-url')).toHaveCount(0);
  await openMenu(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' })).toBeVisible();
  await signOut(page);

  await signIn(page, staff.email, staff.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await openMenu(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Billing' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Messages' })).toHaveCount(0);
  await page.goto('/messages');
  await expect(page.getByRole('heading', { name: 'Not available', level: 1 })).toBeVisible();
  await page.goto('/settings/messaging');
  await expect(page.getByRole('heading', { name: 'Not available', level: 1 })).toBeVisible();
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test('the settings and the Messages page', async ({ page }) => {
    const csp = watchCsp(page);
    await ownerSignsIn(page);
    await page.goto('/settings/messaging');
    await expect(page.getByText('WhatsApp ready')).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'messaging-settings-1280.png'), fullPage: true });
    await page.goto('/messages');
    await expect(page.getByRole('img', { name: /^Messages per day,/ })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Messages' }).locator('article').first()).toBeVisible();
    await expectNoSidewaysScroll(page);
    await page.screenshot({ path: path.join(SHOTS, 'messages-1280.png'), fullPage: true });
    expect(csp).toEqual([]);
  });
});
