// The Insights panel and the best time to call: a staff member's calls, logged after the fact at
// 19:10 on four evenings, all picked up. The owner's dashboard shows the Insights panel with the
// reach heatmap and the shop's best window in words (as GET /insights/contact-times says); the
// staff member's My work cards show each contact's best time. 360 px does not scroll sideways.

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
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `${SHOTS}/16-insights-my-work.png`, fullPage: true });
});
