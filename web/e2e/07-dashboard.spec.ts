// The dashboard with real figures: a sheet uploaded through the API, assigned to a new staff
// member who calls, follows up and marks one contact yellow; one contact buys at the counter;
// a chronic customer's back-dated bills leave a gap in their supply. The owner's dashboard shows
// those numbers (checked against the report API and, for the new staff member, by hand), the
// CSV download works with the session cookie, staff do not get the page, and 360 px does not
// scroll sideways. Screenshots go to $SHOTS_DIR (default /tmp/web-shots).

import path from 'node:path';
import { readFile } from 'node:fs/promises';
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
  openMenu,
  signIn,
  tag,
  test,
  watchCsp,
  type Member,
} from './fixtures';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/web-shots';
const TRACKING = '/api/customer-tracking';
const REPORTS = `${TRACKING}/reports`;

test.use({ viewport: { width: 360, height: 740 } });

// The app's number formats (en-IN), to compare what the page shows with the API's numbers.
const count = (n: number) => new Intl.NumberFormat('en-IN').format(n);
const percent = (n: number) => `${new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 }).format(n)}%`;
const rupees = (paise: number) =>
  new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', minimumFractionDigits: 2 }).format(paise / 100);

/** Shop-local (Asia/Kolkata) date, `days` from today. */
function shopDate(days: number): string {
  return new Date(Date.now() + 330 * 60_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** Shop-local `YYYY-MM-DDTHH:MM`, `minutes` from now. */
function shopMoment(minutes: number): string {
  return new Date(Date.now() + 330 * 60_000 + minutes * 60_000).toISOString().slice(0, 16);
}

interface Conversion {
  total_contacts: number;
  uploaded_contacts: number;
  inbound_contacts: number;
  pending: number;
  contacted: number;
  converted: number;
  yellow: number;
  conversion_rate: number;
  total_conversion_value_paise: number;
  average_conversion_value_paise: number;
  self_reported_contacted: number;
  by_upload: { file_name: string; total: number }[];
  by_staff: { staff_id: number; assigned: number }[];
}

async function report<T>(request: APIRequestContext, name: string): Promise<T> {
  const res = await request.get(`${REPORTS}/${name}`);
  expect(res.status(), name).toBe(200);
  return (await res.json()) as T;
}

interface Seeded {
  staff: Member;
  buyerValuePaise: number;
  chronic: { id: number; name: string };
}

/** The shop's data for this test, made through the API (`request` ends signed in as the owner). */
async function seed(request: APIRequestContext): Promise<Seeded> {
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const staff = await addStaff(request, `Asha ${tag()}`, 'staff');

  // A sheet of four contacts, all given to the new staff member.
  const phones = [await freshPhone(request), await freshPhone(request), await freshPhone(request), await freshPhone(request)];
  const csv = ['Name,Phone', ...phones.map((p, i) => `Contact ${i + 1} ${tag()},${p}`)].join('\n');
  const upload = await request.post(`${TRACKING}/contacts/upload`, {
    headers: XRW,
    multipart: { file: { name: `dashboard-${tag()}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) } },
  });
  expect(upload.status()).toBe(201);
  const uploaded = (await upload.json()) as { imported: number; upload_id: number };
  expect(uploaded.imported).toBe(4);
  const listed = await request.get(`${TRACKING}/contacts?upload_id=${uploaded.upload_id}&limit=10`);
  const contacts = ((await listed.json()) as { items: { id: number; phone: string }[] }).items;
  const idOf = (phone: string) => contacts.find((c) => c.phone === `+91${phone}`)!.id;
  const [a, b, c] = [idOf(phones[0]!), idOf(phones[1]!), idOf(phones[2]!)];
  const assign = await request.post(`${TRACKING}/contacts/assign`, {
    headers: XRW,
    data: { staff_ids: [staff.id], contact_ids: phones.map(idOf) },
  });
  expect(assign.ok()).toBeTruthy();

  // The staff member works the sheet: three calls, one contact marked yellow (an interaction
  // too), a follow-up already overdue and one for tomorrow.
  await apiSignIn(request, staff.email, staff.password);
  for (const [id, kind, outcome] of [
    [a, 'call', 'answered'],
    [b, 'call', 'no_answer'],
    [c, 'whatsapp', 'interested'],
  ] as const) {
    const res = await request.post(`${TRACKING}/contacts/${id}/interactions`, { headers: XRW, data: { kind, outcome } });
    expect(res.status()).toBe(201);
  }
  expect((await request.post(`${TRACKING}/contacts/${c}/mark-yellow`, { headers: XRW, data: {} })).ok()).toBeTruthy();
  expect((await request.post(`${TRACKING}/contacts/${b}/reminders`, { headers: XRW, data: { due_at: shopMoment(-120) } })).status()).toBe(201);
  expect((await request.post(`${TRACKING}/contacts/${a}/reminders`, { headers: XRW, data: { due_at: shopMoment(24 * 60) } })).status()).toBe(201);

  // The first contact buys at the counter: 2 × ₹150.00 + ₹99.50 = ₹399.50.
  await apiSignIn(request, OWNER.email, OWNER.password);
  const sale = await request.post('/api/bills', {
    headers: XRW,
    data: {
      customer: { phone: `+91${phones[0]}` },
      customer_category: 'contact_sheet',
      was_contacted_before: true,
      items: [
        { medicine: 'Metformin 500', quantity: 2, unit_price_paise: 15_000, duration_days: 30 },
        { medicine: 'ORS sachet', quantity: 1, unit_price_paise: 9_950 },
      ],
    },
  });
  expect(sale.status(), await sale.text()).toBe(201);
  const sold = (await sale.json()) as { total_paise: number; conversion: { contact_id: number } | null };
  expect(sold.conversion?.contact_id).toBe(a);

  // A chronic customer: 30 days' supply 60 days ago, 10 days' 20 days ago.
  // PDC = (30 + 10) covered days / 61 days since the first purchase = 65.57%.
  const chronicName = `Kamala ${tag()}`;
  const chronicPhone = await freshPhone(request);
  let chronicId = 0;
  for (const [daysAgo, supply] of [
    [60, 30],
    [20, 10],
  ] as const) {
    const bill = await request.post('/api/bills', {
      headers: XRW,
      data: {
        customer: { phone: `+91${chronicPhone}`, name: chronicName, chronic_conditions: ['Hypertension'] },
        customer_category: 'regular_branded',
        was_contacted_before: false,
        billed_at: `${shopDate(-daysAgo)}T10:00`,
        items: [{ medicine: 'Telmisartan 40', quantity: supply, unit_price_paise: 500, duration_days: supply }],
      },
    });
    expect(bill.status(), await bill.text()).toBe(201);
    chronicId = ((await bill.json()) as { customer: { id: number } }).customer.id;
  }
  return { staff, buyerValuePaise: sold.total_paise, chronic: { id: chronicId, name: chronicName } };
}

test('the owner’s dashboard shows the shop’s real figures; staff do not get it', async ({ page, request }) => {
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const before = await report<Conversion>(request, 'conversion');
  const { staff, buyerValuePaise, chronic } = await seed(request);
  expect(buyerValuePaise).toBe(39_950);

  // The API counted exactly what was seeded.
  const conv = await report<Conversion>(request, 'conversion');
  expect(conv.total_contacts - before.total_contacts).toBe(4);
  expect(conv.converted - before.converted).toBe(1);
  expect(conv.yellow - before.yellow).toBe(1);
  expect(conv.contacted - before.contacted).toBe(1);
  expect(conv.pending - before.pending).toBe(1);
  expect(conv.self_reported_contacted - before.self_reported_contacted).toBe(1);
  expect(conv.total_conversion_value_paise - before.total_conversion_value_paise).toBe(39_950);
  expect(conv.conversion_rate).toBe(Math.round((conv.converted / conv.total_contacts) * 10_000) / 100);
  const refills = await report<{ refill_rate: number }>(request, 'refills');
  const adherence = await report<{ adherent_share: number }>(request, 'adherence');

  // Sign-in lands the owner on the dashboard.
  await page.goto('/login');
  await signIn(page, OWNER.email, OWNER.password);
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/dashboard$/);

  // The figures at a glance.
  const glance = page.getByLabel('Figures at a glance');
  const figure = (label: string) => glance.locator('.figures__item').filter({ has: page.getByRole('term').filter({ hasText: label }) }).locator('.figures__value');
  await expect(glance.getByRole('term')).toHaveCount(5);
  await expect(figure('Contacts')).toHaveText(count(conv.total_contacts));
  await expect(figure('Conversion rate')).toHaveText(percent(conv.conversion_rate));
  await expect(figure('Conversion value')).toHaveText(rupees(conv.total_conversion_value_paise));
  await expect(figure('Refill rate')).toHaveText(percent(refills.refill_rate));
  await expect(figure('Adherent')).toHaveText(percent(adherence.adherent_share));

  // The conversion report whole, each figure under the name the project brief gives it.
  const conversionFigures = page.getByRole('group', { name: 'Conversion report' });
  const conversionFigure = (label: string) =>
    conversionFigures.locator('.figures__item').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[()%]/g, '\\$&')}$`) }) }).locator('.figures__value');
  const expected: [string, string][] = [
    ['Total contacts uploaded', count(conv.uploaded_contacts)],
    ['Contacts from inbound messages', count(conv.inbound_contacts)],
    ['Pending', count(conv.pending)],
    ['Contacted', count(conv.contacted)],
    ['Converted', count(conv.converted)],
    ['Yellow status count', count(conv.yellow)],
    ['Conversion rate (%)', percent(conv.conversion_rate)],
    ['Total conversion value', rupees(conv.total_conversion_value_paise)],
    ['Average conversion value', rupees(conv.average_conversion_value_paise)],
  ];
  await expect(conversionFigures.getByRole('term')).toHaveText(expected.map(([label]) => label));
  for (const [label, value] of expected) await expect(conversionFigure(label), label).toHaveText(value);
  expect(conv.uploaded_contacts + conv.inbound_contacts).toBe(conv.total_contacts);
  // The per-upload table has a row per sheet, newest first.
  const uploads = page.getByRole('region', { name: /^Per upload/ });
  await expect(uploads.getByRole('row').nth(1).getByRole('rowheader')).toHaveText(conv.by_upload[0]!.file_name);
  await expect(uploads.getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(count(conv.by_upload[0]!.total));

  // The status chart's text alternative carries its counts, one status each (not cumulative).
  await expect(page.getByRole('img', { name: /^Contacts by status:/ })).toHaveAttribute(
    'aria-label',
    `Contacts by status: ${count(conv.pending)} pending, ${count(conv.contacted)} contacted, ` +
      `${count(conv.converted)} converted, ${count(conv.yellow)} yellow (came in, did not buy).`,
  );

  // The new staff member's row, by hand: 4 assigned; B contacted, A converted (₹399.50), C yellow;
  // 3 interactions + the yellow visit; B's follow-up is overdue, A's is tomorrow.
  const staffTable = page.getByRole('region', { name: /Per staff member/ });
  const row = staffTable.getByRole('row', { name: new RegExp(staff.name) });
  await expect(row.getByRole('rowheader')).toHaveText(staff.name);
  await expect(row.getByRole('cell')).toHaveText(['4', '1', '1', '1', '₹399.50', '4', '1']);
  await expect(staffTable.getByRole('columnheader')).toHaveText(['Staff', 'Assigned', 'Contacted', 'Converted', 'Yellow', 'Value', 'Interactions', 'Overdue follow-ups']);

  // Adherence: the chronic customer is on the call list, linked to their page.
  const low = page.getByRole('list', { name: 'Customers below 80% adherence' });
  const card = low.getByRole('listitem').filter({ hasText: chronic.name });
  await expect(card).toContainText('PDC 65.57%');
  await expect(card).toContainText('Telmisartan 40');
  await expect(card.getByRole('link', { name: chronic.name })).toHaveAttribute('href', `/customers/${chronic.id}`);
  await expect(page.getByRole('img', { name: /^Adherence over the last 180 days/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Customers by category: Contact sheet: / })).toBeVisible();

  await page.screenshot({ path: path.join(SHOTS, 'dashboard-top-360.png') });
  for (const [name, file] of [
    ['Contact sheets', 'conversion'],
    ['Refills', 'refills'],
    ['Adherence', 'adherence'],
    ['Customers', 'customers'],
  ]) {
    await page.getByRole('region', { name, exact: true }).screenshot({ path: path.join(SHOTS, `dashboard-${file}-360.png`) });
  }

  // The refill trend, by day then by week.
  await expect(page.getByRole('img', { name: /^Refill trend by day, / })).toBeVisible();
  await page.getByRole('group', { name: 'Trend interval' }).getByRole('button', { name: 'By week' }).click();
  await expect(page.getByRole('button', { name: 'By week' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('img', { name: /^Refill trend by week, / })).toBeVisible();

  // Phone width: nothing scrolls sideways (the staff table scrolls inside its own box).
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-360.png'), fullPage: true });

  // The CSV download works with the session cookie alone.
  const csvLink = page.getByRole('link', { name: 'Download the conversion report as CSV' });
  const csvHref = await csvLink.getAttribute('href');
  expect(csvHref).toBe(`${REPORTS}/conversion?format=csv`);
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^conversion-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = await readFile((await download.path())!, 'utf8');
  // A byte-order mark first, so Excel reads the file as UTF-8.
  expect(csvText.split(/\r?\n/)[0]).toBe('\uFEFFsection,item,metric,value');
  expect(csvText).toContain(`summary,,total_contacts,${conv.total_contacts}`);
  const csvAnswer = await page.request.get(csvHref!);
  expect(csvAnswer.status()).toBe(200);
  expect(csvAnswer.headers()['content-type']).toContain('text/csv');
  const xlsx = await page.request.get(
    (await page.getByRole('link', { name: 'Download the adherence report as XLSX (Excel)' }).getAttribute('href'))!,
  );
  expect(xlsx.status()).toBe(200);
  expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');

  // Dates: yesterday only. The contact figures count contacts uploaded then, so the new sheet drops out.
  const yesterday = shopDate(-1);
  const dates = page.getByRole('form', { name: 'Report dates' });
  await dates.getByLabel('From').fill(yesterday);
  await dates.getByLabel('To').fill(yesterday);
  await dates.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?from=${yesterday}&to=${yesterday}$`));
  await expect(row.getByRole('cell').first()).toHaveText('0');
  await expect(page.getByRole('link', { name: 'Download the conversion report as CSV' })).toHaveAttribute(
    'href',
    `${REPORTS}/conversion?from=${yesterday}&to=${yesterday}&format=csv`,
  );
  // A first day after the last one is caught before asking the server.
  await dates.getByLabel('From').fill(shopDate(0));
  await dates.getByRole('button', { name: 'Show' }).click();
  await expect(dates.getByText('The first day must not be after the last day.')).toBeVisible();
  await dates.getByRole('button', { name: 'Last 30 days' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(row.getByRole('cell').first()).toHaveText('4');

  // Desktop.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.getByRole('img', { name: /^Contacts by status:/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: path.join(SHOTS, 'dashboard-1280.png'), fullPage: true });

  expect(csp, 'no Content-Security-Policy violations').toEqual([]);

  // Staff: no Dashboard in the menu, and the address shows "Not available".
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, staff.email, staff.password);
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await openMenu(page);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
  // And the reports API refuses them too.
  expect((await page.request.get(`${REPORTS}/conversion`)).status()).toBe(403);
});
