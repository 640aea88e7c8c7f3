// Look before sending, end to end: a shop of its own (made with `rxtrack shop create` on the
// server's database) sends refill reminders through a fake WhatsApp Cloud API started in this
// spec. The owner turns on review in Settings; a reminder pass (`rxtrack remind --now`, the
// scheduler's pass at a chosen instant) holds three messages; on the Messages page the owner
// leaves one out and approves the other two; the next pass sends only those; the evening pass,
// after the send window closed, expires the left-out one, which shows as Expired and appears on
// the Refills call list.

import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import { XRW, expect, signIn, tag, test } from './fixtures';

const run = promisify(execFile);
const PHONE_NUMBER_ID = '106540352242922';

/** A Cloud API that accepts every message and remembers who it was for. */
function startFakeCloudApi(): Promise<{ server: http.Server; url: string; to: string[] }> {
  const to: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { to?: string };
      to.push(body.to ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: `wamid.APPROVAL${to.length}` }] }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, to });
    });
  });
}

function backend(): { bin: string; db: string } {
  const bin = process.env.RXTRACK_E2E_BIN;
  const db = process.env.RXTRACK_E2E_DB_URL;
  if (!bin || !db) throw new Error('global setup did not say which binary and database the server runs');
  return { bin, db };
}

/** Tomorrow's date in Asia/Kolkata at HH:MM, as an instant: today's reminders are due then. */
function tomorrowAt(hhmm: string): string {
  const ist = new Date(Date.now() + 5.5 * 3600_000 + 24 * 3600_000);
  return `${ist.toISOString().slice(0, 10)}T${hhmm}:00+05:30`;
}

/** One pass of the reminder scheduler at `instant`; its counts. */
async function remindAt(instant: string): Promise<Record<string, number>> {
  const { bin, db } = backend();
  const { stdout } = await run(bin, ['remind', '--db', db, '--now', instant, '--allow-provider-host', '127.0.0.1']);
  return JSON.parse(stdout) as Record<string, number>;
}

async function createShop(name: string, email: string, password: string): Promise<void> {
  const { bin, db } = backend();
  await new Promise<void>((resolve, reject) => {
    const child = execFile(bin, ['shop', 'create', '--db', db, '--name', name, '--owner-name', 'Nisha Rao', '--owner-email', email], (err) =>
      err ? reject(err) : resolve(),
    );
    child.stdin!.end(`${password}\n`);
  });
}

async function dueBill(request: APIRequestContext, name: string, phone: string): Promise<void> {
  const made = await request.post('/api/bills', {
    headers: XRW,
    data: {
      customer: { phone, name, whatsapp_consent: true },
      customer_category: 'regular_branded',
      was_contacted_before: false,
      // The shop reminds 5 days ahead: a medicine that runs out in 5 days is due today.
      items: [{ medicine: 'Metformin 500', quantity: 1, unit_price_paise: 1000, duration_days: 5 }],
    },
  });
  expect(made.status(), await made.text()).toBe(201);
}

let fake: Awaited<ReturnType<typeof startFakeCloudApi>>;

test.beforeAll(async () => {
  fake = await startFakeCloudApi();
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => fake.server.close(() => resolve()));
});

test('review mode: approve some, leave one out, see it expire onto the call list', async ({ page, request }) => {
  const t = tag();
  const owner = { email: `nisha.${t}@rao-pharmacy.test`, password: `pass-${t}-1` };
  await createShop(`Rao Pharmacy ${t}`, owner.email, owner.password);
  const login = await request.post('/api/auth/login', { headers: XRW, data: owner });
  expect(login.ok()).toBeTruthy();
  const settings = await request.put('/api/shop/messaging', {
    headers: XRW,
    data: {
      whatsapp_base_url: fake.url,
      whatsapp_api_version: 'v23.0',
      whatsapp_phone_number_id: PHONE_NUMBER_ID,
      whatsapp_access_token: `EAAG-${t}`,
      whatsapp_app_secret: 'app-secret',
      whatsapp_verify_token: 'verify-token',
      whatsapp_template_refill: 'refill_reminder',
      whatsapp_template_language: 'en',
    },
  });
  expect(settings.status(), await settings.text()).toBe(200);
  const digits = String(Date.now()).slice(-7);
  const people = [
    { name: `Meera ${t}`, phone: `981${digits}` },
    { name: `Ravi ${t}`, phone: `982${digits}` },
    { name: `Asha ${t}`, phone: `983${digits}` },
  ];
  for (const p of people) await dueBill(request, p.name, p.phone);

  // The owner turns on review in Settings.
  await page.goto('/login');
  await signIn(page, owner.email, owner.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await page.goto('/settings');
  await page.getByLabel('Reminder messages').selectOption('review');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // The morning pass holds the three messages; nothing goes out.
  const held = await remindAt(tomorrowAt('10:00'));
  expect(held.awaiting_approval).toBeGreaterThanOrEqual(3);
  const ours = () => fake.to.filter((to) => people.some((p) => to === `91${p.phone}`));
  expect(ours()).toEqual([]);

  // Messages: the panel lists them, all ticked; Asha is left out, the rest approved.
  await page.goto('/messages');
  const panel = page.getByRole('region', { name: 'Awaiting approval' });
  for (const p of people) await expect(panel.getByRole('checkbox', { name: new RegExp(p.name) })).toBeChecked();
  await panel.getByRole('checkbox', { name: new RegExp(people[2]!.name) }).uncheck();
  await panel.getByRole('button', { name: 'Approve 2 of 3' }).click();
  await expect(panel.getByText('2 approved')).toBeVisible();
  await expect(panel.getByRole('checkbox', { name: new RegExp(people[0]!.name) })).toHaveCount(0);
  await expect(panel.getByRole('checkbox', { name: new RegExp(people[2]!.name) })).toBeVisible();

  // The next pass sends only the two approved.
  const sent = await remindAt(tomorrowAt('10:05'));
  expect(sent.sent).toBeGreaterThanOrEqual(2);
  expect(ours().sort()).toEqual([`91${people[0]!.phone}`, `91${people[1]!.phone}`]);
  // Asha is not on the call list while her message waits.
  await page.goto('/refills');
  await expect(page.getByRole('heading', { name: 'Refills', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Refill reminders' }).or(page.getByText('Nobody to remind today.'))).toBeVisible();
  await expect(page.getByText(people[2]!.name)).toHaveCount(0);

  // The evening pass, after the send window (09:00–20:00) closed, expires Asha's message.
  const evening = await remindAt(tomorrowAt('20:30'));
  expect(evening.expired).toBeGreaterThanOrEqual(1);
  expect(ours()).toHaveLength(2);

  await page.goto('/messages?status=expired');
  const expired = page.getByRole('list', { name: 'Messages' });
  await expect(expired.getByText(people[2]!.name)).toBeVisible();
  await expect(expired.getByText('Expired')).toBeVisible();
  await page.goto('/messages');
  await expect(page.getByRole('region', { name: 'Awaiting approval' })).toHaveCount(0);

  // She is on the call list now.
  await page.goto('/refills');
  await expect(page.getByRole('list', { name: 'Refill reminders' }).getByText(people[2]!.name)).toBeVisible();
  await expect(page.getByText(people[0]!.name)).toHaveCount(0);
});
