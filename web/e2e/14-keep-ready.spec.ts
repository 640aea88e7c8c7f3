// Replies that act, end to end: a customer taps "keep it ready" on a refill reminder (a Cloud API
// webhook signed with the shop's app secret, as Meta posts it), the medicine shows on the
// counter's Keep ready list, staff mark it ready, and the customer's next bill at the counter
// collects it. A 360 px phone. Screenshots go to $SHOTS_DIR (default /tmp/web-shots).

import { createHmac } from 'node:crypto';
import path from 'node:path';
import { OWNER, XRW, addStaff, apiSignIn, ensureShop, expect, expectNoSidewaysScroll, freshPhone, openMenu, signIn, tag, test, watchCsp } from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const TRACKING = '/api/customer-tracking';
const APP_SECRET = `e2e-app-secret-${tag()}`;
const KEEP = `KEEP_READY_${tag()}`;

test.use({ viewport: { width: 360, height: 740 } });

/** A Cloud API webhook body: one quick-reply tap from `fromDigits`. */
function buttonTap(fromDigits: string, wamid: string, payload: string) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              contacts: [{ profile: { name: 'Customer' }, wa_id: fromDigits }],
              messages: [{ from: fromDigits, id: wamid, timestamp: `${Math.floor(Date.now() / 1000)}`, type: 'button', button: { payload, text: 'Keep it ready' } }],
            },
          },
        ],
      },
    ],
  };
}

test('a "keep it ready" reply lands on the Keep ready list and the next bill collects it', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const saved = await request.put('/api/shop/messaging', {
    headers: XRW,
    data: { whatsapp_app_secret: APP_SECRET, reply_payload_keep_ready: KEEP },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const webhookKey = String(((await saved.json()) as { webhook_key: string }).webhook_key);
  const clerk = await addStaff(request, 'Kiran Staff', 'staff');

  // A customer bought a month of medicine: a refill reminder is open for it.
  const phone = await freshPhone(request);
  const name = `Latha ${tag()}`;
  const medicine = `Telmisartan 40 ${tag()}`;
  const bill = await request.post('/api/bills', {
    headers: XRW,
    data: {
      customer: { phone, name, whatsapp_consent: true },
      customer_category: 'regular_branded',
      was_contacted_before: false,
      items: [{ medicine, quantity: 1, unit_price_paise: 12000, duration_days: 30 }],
    },
  });
  expect(bill.status(), await bill.text()).toBe(201);

  // The customer taps "keep it ready": Meta posts the reply, signed with the app secret.
  const body = JSON.stringify(buttonTap(`91${phone}`, `wamid.E2E${tag()}`, KEEP));
  const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
  const hook = await request.post(`/api/webhooks/whatsapp/${webhookKey}`, {
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
    data: body,
  });
  expect(hook.status(), await hook.text()).toBe(200);

  // At the counter: the Keep ready list shows it; staff set it aside.
  await page.goto('/login');
  await signIn(page, clerk.email, clerk.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keep ready' }).click();
  await expect(page.getByRole('heading', { name: 'Keep ready', level: 1 })).toBeVisible();
  const card = page.getByRole('article', { name: `${medicine} for ${name}` });
  await expect(card).toBeVisible();
  await expect(card.locator('.pickup-status')).toHaveText('To set aside');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'keep-ready-360.png') });
  await card.getByRole('button', { name: 'Ready' }).click();
  await expect(card.locator('.pickup-status')).toHaveText('Ready');
  await expect(card.getByRole('button', { name: 'Ready' })).toHaveCount(0);

  // The customer comes in: a bill at the counter collects it.
  await page.goto('/billing');
  const form = page.getByRole('form', { name: 'New bill' });
  await form.getByLabel('Phone number').fill(phone);
  await expect(form.getByRole('region', { name: 'Open refill reminders' })).toContainText(medicine);
  await form.getByRole('group', { name: 'Have you been contacted by our store before?' }).getByLabel('No').check();
  const item = form.getByRole('group', { name: 'Item 1' });
  await item.getByLabel('Medicine').fill(medicine);
  await item.getByLabel('Quantity').fill('1');
  await item.getByLabel('Price (₹)').fill('120');
  await item.getByLabel('Days').fill('30');
  await form.getByRole('button', { name: 'Save bill' }).click();
  await expect(page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Bill saved: ₹120.00' }) })).toBeVisible();

  await page.goto('/keep-ready');
  await expect(page.getByRole('heading', { name: 'Keep ready', level: 1 })).toBeVisible();
  await expect(page.getByRole('article', { name: `${medicine} for ${name}` })).toHaveCount(0);
  const collected = await request.get(`${TRACKING}/pickups?status=collected&customer_id=${String(((await bill.json()) as { customer: { id: number } }).customer.id)}`);
  const list = (await collected.json()) as { total: number; items: { medicine: string; bill_id: number | null }[] };
  expect(list.total).toBe(1);
  expect(list.items[0]!.medicine).toBe(medicine);
  expect(list.items[0]!.bill_id).not.toBeNull();
  expect(csp, 'no Content-Security-Policy violations').toEqual([]);
});
