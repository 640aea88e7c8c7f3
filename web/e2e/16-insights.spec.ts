// The Insights panel and the best time to call: a staff member's calls, logged after the fact at
// 19:10 on four evenings, all picked up. The owner's dashboard shows the Insights panel with the
// reach heatmap and the shop's best window in words (as GET /insights/contact-times says); the
// staff member's My work cards show each contact's best time. 360 px does not scroll sideways.
//
// Scores: a 240-row sheet whose WhatsApp-active contacts converted and whose others did not is
// trained on as of 31 days later (`rxtrack insights train --now`, so the sheet is labelled), and
// the model, not the baseline, scores the staff member's pending contacts: My work's "To call"
// cards come in the order of those scores as the API reads them, the WhatsApp-active ones (the
// older ids) before the rest. Three customers of one medicine (one new, one who lapsed before,
// one steady) are scored by `rxtrack insights train` (the e2e server has no scheduler): the
// dashboard's adherence call list follows GET /reports/adherence?sort=risk, and the refill list,
// switched from "Due first" to "Most at risk first", lists the reminders as GET
// /refill-reminders?sort=risk does, the one who lapsed first, each with its band and reasons.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import {
  OWNER,
  XRW,
  addStaff,
  apiSignIn,
  ensureShop,
  expect,
  expectNoSidewaysScroll,
  freshPhone,
  signIn,
  signOut,
  tag,
  test,
} from './fixtures';

const run = promisify(execFile);
const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const TRACKING = '/api/customer-tracking';
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

test.use({ viewport: { width: 360, height: 740 } });

/** RFC 3339 at hh:10 Kolkata time, `daysAgo` shop-local days before today. */
function eveningCall(daysAgo: number, hour: number): string {
  const day = new Date(Date.now() + 330 * 60_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:10:00+05:30`;
}

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

interface Window {
  weekday: number | null;
  start_hour: number;
  end_hour: number;
  rate: number;
}

interface Score {
  p: number;
  band: 'high' | 'medium' | 'low';
  model: 'logistic' | 'baseline';
  reasons: string[];
}

interface Model {
  kind: 'conversion' | 'lapse';
  scorer: 'model' | 'baseline';
  version: number;
  trained_at: string | null;
}

const BAND_WORDS = { high: 'High', medium: 'Medium', low: 'Low' } as const;

/** `n` different mobile numbers, 9 then nine digits (a clash with the shop's would fail the upload's count). */
function randomPhones(n: number): string[] {
  const phones = new Set<string>();
  while (phones.size < n) phones.add(`9${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`);
  return [...phones];
}

async function conversionModel(request: APIRequestContext): Promise<Model> {
  const res = await request.get(`${TRACKING}/insights/models`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { models: Model[] }).models.find((m) => m.kind === 'conversion')!;
}

/** Runs `rxtrack <args>` on the server's database (as 13-approval does). */
async function rxtrack(args: string[]): Promise<string> {
  const bin = process.env.RXTRACK_E2E_BIN;
  const db = process.env.RXTRACK_E2E_DB_URL;
  if (!bin || !db) throw new Error('global setup did not say which binary and database the server runs');
  return (await run(bin, [...args, '--db', db])).stdout;
}

/**
 * A sheet of 240 in which every sixth contact is on WhatsApp: those buy (a bill each, which
 * converts them) but for two kept open and assigned to `staffId` with two others (the sheet's
 * first rows, so the WhatsApp ones are not the newest). The sheet is then moved 20 days into the
 * past in the database (no API back-dates an upload): its purchases fall 20 days after its upload,
 * so trained as of 12 days on, its rows are labelled (uploaded 30 days before, converted within
 * 30 days, open 7 days after). The logistic model beats the baseline (every row "never called")
 * on the held-out latest rows and rescores the open contacts. Signed in as the owner. Answers the
 * names of the four assigned.
 */
async function seedScoredContacts(request: APIRequestContext, staffId: number): Promise<{ whatsapp: string[]; plain: string[] }> {
  const t = tag();
  const phones = randomPhones(240);
  const nameOf = (i: number) => `Scored ${i} ${t}`;
  const csv = ['Name,Phone', ...phones.map((p, i) => `${nameOf(i)},${p}`)].join('\n');
  const uploadedFrom = Math.floor(Date.now() / 1000) * 1000;
  const upload = await request.post(`${TRACKING}/contacts/upload`, {
    headers: XRW,
    multipart: { file: { name: `scored-${t}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) } },
  });
  expect(upload.status()).toBe(201);
  const { upload_id } = (await upload.json()) as { upload_id: number };
  const ids = new Map<string, number>();
  for (let offset = 0; offset < phones.length; offset += 200) {
    const page = await request.get(`${TRACKING}/contacts?upload_id=${upload_id}&limit=200&offset=${offset}`);
    for (const c of ((await page.json()) as { items: { id: number; phone: string }[] }).items) ids.set(c.phone, c.id);
  }
  expect(ids.size, 'every row imported').toBe(phones.length);
  const idOf = (i: number) => ids.get(`+91${phones[i]!}`)!;

  // The training the upload starts in the background must be over before the one below.
  await expect
    .poll(async () => Date.parse((await conversionModel(request)).trained_at ?? '1970-01-01T00:00:00Z'), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(uploadedFrom);

  const assigned = [0, 1, 6, 7];
  for (let i = 0; i < phones.length; i += 6) {
    const put = await request.put(`${TRACKING}/contacts/${idOf(i)}`, { headers: XRW, data: { whatsapp_status: 'active' } });
    expect(put.status(), await put.text()).toBe(200);
    if (assigned.includes(i)) continue;
    const bill = await request.post('/api/bills', {
      headers: XRW,
      data: {
        customer: { phone: `+91${phones[i]!}` },
        customer_category: 'contact_sheet',
        was_contacted_before: false,
        items: [{ medicine: 'ORS sachet', quantity: 1, unit_price_paise: 2_000 }],
      },
    });
    expect(bill.status(), await bill.text()).toBe(201);
    expect(((await bill.json()) as { conversion: { contact_id: number } | null }).conversion?.contact_id).toBe(idOf(i));
  }
  const assign = await request.post(`${TRACKING}/contacts/assign`, { headers: XRW, data: { staff_ids: [staffId], contact_ids: assigned.map(idOf) } });
  expect(assign.ok()).toBeTruthy();

  const db = process.env.RXTRACK_E2E_DB_URL ?? '';
  expect(db, 'the e2e server runs on SQLite').toMatch(/^sqlite:/);
  const days20 = 20 * 86_400_000;
  await run('sqlite3', [
    '-cmd',
    '.timeout 10000',
    db.slice('sqlite:'.length),
    `UPDATE contact_records SET created_at = created_at - ${days20}, whatsapp_status_at = whatsapp_status_at - ${days20} WHERE upload_id = ${upload_id};`,
  ]);
  const later = `${new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 19)}+00:00`;
  await rxtrack(['insights', 'train', '--now', later]);
  const model = await conversionModel(request);
  expect(model.scorer, `the model beat the baseline on the held-out rows: ${JSON.stringify(model)}`).toBe('model');
  return { whatsapp: [nameOf(6), nameOf(0)], plain: [nameOf(7), nameOf(1)] };
}

test('the owner sees the Insights panel; My work cards show the best time', async ({ page, request }) => {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const staff = await addStaff(request, `Kavya ${tag()}`, 'staff');
  const phones = [await freshPhone(request), await freshPhone(request)];
  const names = [`Evening Caller ${tag()}`, `Never Called ${tag()}`];
  const csv = ['Name,Phone', ...phones.map((p, i) => `${names[i]},${p}`)].join('\n');
  const upload = await request.post(`${TRACKING}/contacts/upload`, {
    headers: XRW,
    multipart: { file: { name: `insights-${tag()}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) } },
  });
  expect(upload.status()).toBe(201);
  const { upload_id } = (await upload.json()) as { upload_id: number };
  const listed = await request.get(`${TRACKING}/contacts?upload_id=${upload_id}&limit=10`);
  const contacts = ((await listed.json()) as { items: { id: number; phone: string }[] }).items;
  const idOf = (phone: string) => contacts.find((c) => c.phone === `+91${phone}`)!.id;
  const [evening] = [idOf(phones[0]!)];
  expect((await request.post(`${TRACKING}/contacts/assign`, { headers: XRW, data: { staff_ids: [staff.id], contact_ids: phones.map(idOf) } })).ok()).toBeTruthy();

  // Four evening calls logged later from a personal phone, every one picked up.
  await apiSignIn(request, staff.email, staff.password);
  for (let daysAgo = 1; daysAgo <= 4; ++daysAgo) {
    const res = await request.post(`${TRACKING}/contacts/${evening}/interactions`, {
      headers: XRW,
      data: { kind: 'call', outcome: 'answered', occurred_at: eveningCall(daysAgo, 19) },
    });
    expect(res.status()).toBe(201);
  }
  const own = (await (await request.get(`${TRACKING}/contacts/${evening}`)).json()) as { best_time: Window & { basis: string } };
  expect(own.best_time).toMatchObject({ basis: 'contact', start_hour: 19, end_hour: 20, weekday: null });
  const times = (await (await request.get(`${TRACKING}/insights/contact-times`)).json()) as { best: Window[] };
  expect(times.best.length).toBeGreaterThan(0);
  const best = times.best[0]!;
  const bestWords = `${best.weekday === null ? 'Every day' : WEEKDAYS[best.weekday - 1]} ${hh(best.start_hour)}-${hh(best.end_hour)}, ${Math.round(best.rate * 100)}% pick up`;

  // Scored contacts for the staff member's "To call", and their scores as the API reads them.
  await apiSignIn(request, OWNER.email, OWNER.password);
  const scored = await seedScoredContacts(request, staff.id);
  await apiSignIn(request, staff.email, staff.password);
  const pendingApi = (await (await request.get(`${TRACKING}/contacts?status=pending&sort=score&limit=50`)).json()) as {
    items: { name: string; conversion_score: Score | null }[];
  };
  const scoreOf = new Map(pendingApi.items.map((c) => [c.name, c.conversion_score]));
  for (const name of [...scored.whatsapp, ...scored.plain]) expect(scoreOf.get(name)?.model, name).toBe('logistic');
  expect(scoreOf.get(scored.whatsapp[1]!)!.p).toBeGreaterThan(scoreOf.get(scored.plain[0]!)!.p);

  // The owner's dashboard: the Insights panel, its heatmap and the best window in words.
  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  const insights = page.getByRole('region', { name: 'Insights' });
  await expect(insights).toBeVisible();
  await expect(insights.getByRole('table', { name: /picked up by weekday and hour/ })).toBeVisible();
  await expect(insights.getByRole('list', { name: 'Best times to call' }).getByText(bestWords)).toBeVisible();
  await expect(insights.getByRole('cell', { name: /19:00: \d+% \(\d+ of \d+ calls\)/ }).first()).toBeVisible();
  // The models endpoint may not be on this server yet: the cards say so instead of failing.
  await expect(insights.getByRole('region', { name: 'What the scores found' })).toBeVisible();
  await expect(insights.getByRole('heading', { name: 'Call first today' })).toBeVisible();
  await insights.scrollIntoViewIfNeeded();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/16-insights-dashboard.png`, fullPage: true });
  await signOut(page);

  // The staff member's My work: each card carries its best time.
  await signIn(page, staff.email, staff.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  const contacted = page.getByRole('list', { name: 'Contacted contacts' });
  await expect(contacted.getByRole('listitem').filter({ hasText: names[0]! }).getByText('best 19:00-20:00')).toBeVisible();
  const shopWords = `best ${best.weekday === null ? '' : `${WEEKDAYS[best.weekday - 1]} `}${hh(best.start_hour)}-${hh(best.end_hour)}`;
  const pending = page.getByRole('list', { name: 'Pending contacts' });
  await expect(pending.getByRole('listitem').filter({ hasText: names[1]! }).getByText(shopWords)).toBeVisible();

  // "To call" comes in the order of the conversion scores: each card's score is no higher than
  // the one before, the WhatsApp-active contacts (older ids) lead, and it is the API's sort=score.
  await expect(pending.getByRole('listitem')).toHaveCount(pendingApi.items.length);
  const cardNames = await pending.getByRole('listitem').getByRole('link').allTextContents();
  expect(cardNames).toEqual(pendingApi.items.map((c) => c.name));
  const cardScores = cardNames.map((n) => scoreOf.get(n)?.p ?? -1);
  for (let i = 1; i < cardScores.length; ++i) expect(cardScores[i], `card ${i + 1} (${cardNames[i]})`).toBeLessThanOrEqual(cardScores[i - 1]!);
  expect(cardNames.slice(0, 2).sort()).toEqual([...scored.whatsapp].sort());
  const first = scoreOf.get(cardNames[0]!)!;
  const firstCard = pending.getByRole('listitem').first();
  await expect(firstCard.locator('.score-line__band')).toHaveText(BAND_WORDS[first.band]);
  await expect(firstCard.locator('.score-line__reasons')).toContainText(first.reasons[0]!);
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/16-insights-my-work.png`, fullPage: true });
});

interface Reminder {
  customer_name: string | null;
  medicine: string;
  lapse_risk: Score | null;
}

/** Shop-local `YYYY-MM-DD`, `days` from today. */
function shopDate(days: number): string {
  return new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Risks as the API orders them by `sort=risk`: never rising, the unscored last. */
function expectRiskOrder(risks: (Score | null)[]): void {
  const ps = risks.map((r) => (r ? r.p : -1));
  for (let i = 1; i < ps.length; ++i) expect(ps[i], `row ${i + 1}`).toBeLessThanOrEqual(ps[i - 1]!);
}

test('the refill list and the adherence call list put the most at risk first, with band and reasons', async ({ page, request }) => {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const t = tag();
  const medicine = `Riskcheck ${t}`;
  // One medicine, three customers with their own histories of it; each one's latest 30-day
  // supply, bought 26 to 28 days ago, has its reminder due (5 days' lead).
  const customers = [
    { name: `Regular Buyer ${t}`, conditions: [] as string[], bills: [[28, 30]] },
    { name: `Late Buyer ${t}`, conditions: ['Diabetes'], bills: [[130, 30], [85, 30], [27, 30]] },
    { name: `Steady Buyer ${t}`, conditions: ['Hypertension'], bills: [[88, 30], [58, 30], [26, 30]] },
  ];
  for (const c of customers) {
    const phone = await freshPhone(request);
    for (const [daysAgo, supply] of c.bills) {
      const bill = await request.post('/api/bills', {
        headers: XRW,
        data: {
          customer: { phone: `+91${phone}`, name: c.name, chronic_conditions: c.conditions },
          customer_category: 'regular_branded',
          was_contacted_before: false,
          billed_at: `${shopDate(-daysAgo!)}T10:00`,
          items: [{ medicine, quantity: supply, unit_price_paise: 500, duration_days: supply }],
        },
      });
      expect(bill.status(), await bill.text()).toBe(201);
    }
  }
  // The server runs without its scheduler, whose pass scores new reminders: train (and so score) now.
  await rxtrack(['insights', 'train']);

  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // The adherence call list comes as the report orders it by risk, each customer with its band.
  const adherence = (await (await request.get(`${TRACKING}/reports/adherence?sort=risk`)).json()) as {
    below_threshold: { name: string | null; lapse_risk: Score | null }[];
  };
  expectRiskOrder(adherence.below_threshold.map((c) => c.lapse_risk));
  const late = adherence.below_threshold.find((c) => c.name === customers[1]!.name);
  expect(late?.lapse_risk, 'the late buyer is below 80% with a risk').toBeTruthy();
  const low = page.getByRole('list', { name: 'Customers below 80% adherence' });
  await expect(low.getByRole('listitem')).toHaveCount(adherence.below_threshold.length);
  expect(await low.getByRole('listitem').getByRole('link').allTextContents()).toEqual(
    adherence.below_threshold.map((c) => c.name ?? ''),
  );
  const lateRow = low.getByRole('listitem').filter({ hasText: customers[1]!.name });
  await expect(lateRow.locator('.score-line__band')).toHaveText(`${BAND_WORDS[late!.lapse_risk!.band]} risk`);

  // The open reminders of that medicine, switched to "Most at risk first" (the earlier ones were refilled).
  const only = `status=pending&medicine=${encodeURIComponent(medicine)}`;
  await page.goto(`/refills?${only}`);
  await expect(page.getByRole('heading', { name: 'Refills', level: 1 })).toBeVisible();
  const cards = page.getByRole('list', { name: 'Refill reminders' }).getByRole('article');
  await expect(cards).toHaveCount(customers.length);
  await expect(cards.first(), 'due first: the earliest reminder').toHaveAttribute('aria-label', `${medicine} for ${customers[0]!.name}`);
  await page.getByLabel('Order').selectOption({ label: 'Most at risk first' });
  await expect(page).toHaveURL(/[?&]sort=risk(&|$)/);

  const res = await request.get(`${TRACKING}/refill-reminders?${only}&sort=risk`);
  expect(res.status()).toBe(200);
  const byRisk = ((await res.json()) as { items: Reminder[] }).items;
  expect(byRisk).toHaveLength(customers.length);
  expectRiskOrder(byRisk.map((r) => r.lapse_risk));
  // The late buyer did not come back last time: the most at risk, though not the first due.
  expect(byRisk[0]!.customer_name).toBe(customers[1]!.name);
  await expect(cards).toHaveCount(byRisk.length);
  const shown = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(shown).toEqual(byRisk.map((r) => `${r.medicine} for ${r.customer_name}`));

  // Each card shows its band and reasons, in words.
  for (const r of byRisk) {
    expect(r.lapse_risk, `${r.customer_name}'s reminder has a risk`).toBeTruthy();
    const card = page.getByRole('article', { name: `${r.medicine} for ${r.customer_name}` });
    await expect(card.locator('.score-line__band')).toHaveText(`${BAND_WORDS[r.lapse_risk!.band]} risk`);
    expect(r.lapse_risk!.reasons.length, 'a risk comes with its reasons').toBeGreaterThan(0);
    await expect(card.locator('.score-line__reasons')).toContainText(r.lapse_risk!.reasons[0]!);
  }
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/16-insights-refills.png`, fullPage: true });
});
