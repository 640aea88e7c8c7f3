// A manager previews a LibreOffice-made sheet whose phone column is headed in Hindi
// ("मोबाइल नंबर"), picks the name column detection left out ("पार्टी"), and imports it: the
// counts the preview promised are the import's. Sheet: tests/data/hindi_phone_header.xlsx (made
// with `soffice --headless --convert-to xlsx` from the .csv beside it).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWNER, addStaff, apiSignIn, ensureShop, expect, expectNoSidewaysScroll, signIn, test, watchCsp } from './fixtures';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHEET = path.resolve(HERE, '../../tests/data/hindi_phone_header.xlsx');

test.use({ viewport: { width: 360, height: 740 } });

test('manager previews a Hindi-headed sheet, picks the name column and imports it', async ({ page, request }) => {
  test.setTimeout(90_000);
  const csp = watchCsp(page);
  await ensureShop(request);
  await apiSignIn(request, OWNER.email, OWNER.password);
  const manager = await addStaff(request, 'Meera Manager', 'manager');

  await page.goto('/login');
  await signIn(page, manager.email, manager.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await page.goto('/contacts/upload');
  await expect(page.getByRole('heading', { name: 'Upload contacts' })).toBeVisible();

  // Choosing the file previews it: nothing is imported yet.
  await page.getByLabel('Spreadsheet file').setInputFiles(SHEET);
  const preview = page.getByRole('region', { name: 'Preview: hindi_phone_header.xlsx' });
  await expect(preview).toBeVisible({ timeout: 20_000 });
  await expect(preview.getByLabel('Phone column')).toHaveValue('C');
  await expect(preview.getByLabel('Phone column').locator('option:checked')).toHaveText('C · मोबाइल नंबर');
  await expect(preview.getByLabel('Name column')).toHaveValue('none');
  await expect(preview.getByLabel('Header row')).toHaveValue('1');
  const table = preview.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(7); // the header and six rows
  await expect(table.getByRole('row', { name: /^2 / })).toContainText('+919812300001');
  await expect(table.getByRole('row', { name: /^3 / })).toContainText('+919812300002');
  await expect(table.getByRole('row', { name: /12345/ })).not.toContainText('+91');

  const counts = preview.getByRole('definition').filter({ hasText: /\d/ });
  await expect(counts).toHaveCount(4);
  const count = (label: string) =>
    preview.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1]', { hasText: label }) });
  await expect(count('Rows')).toHaveText('6');
  await expect(count('Invalid')).toHaveText('1');
  const newCount = Number(await count('New').textContent());
  const duplicates = Number(await count('Duplicates').textContent());
  expect(newCount + duplicates).toBe(5);
  if (test.info().retry === 0) expect(newCount).toBe(4);

  // Pick the name column: the sheet is read again with it.
  await preview.getByLabel('Name column').selectOption({ label: 'B · पार्टी' });
  await expect(table.getByRole('row', { name: /^2 / })).toContainText('राजेश गुप्ता');
  await expect(preview.getByLabel('Name column')).toHaveValue('B');
  await expectNoSidewaysScroll(page);

  // Import with that choice.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const result = page.getByRole('region', { name: 'Result: hindi_phone_header.xlsx' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const imported = (label: string) =>
    result.getByRole('definition').filter({ has: page.locator('xpath=preceding-sibling::dt[1]', { hasText: label }) });
  await expect(imported('Total rows')).toHaveText('6');
  await expect(imported('Imported')).toHaveText(String(newCount));
  await expect(imported('Duplicates')).toHaveText(String(duplicates));
  await expect(imported('Invalid')).toHaveText('1');
  await expect(page.getByRole('region', { name: /^Preview:/ })).toHaveCount(0);

  // The contact carries the name from the chosen column.
  const found = await request.get('/api/customer-tracking/contacts?q=9812300006&limit=1');
  expect(found.ok()).toBeTruthy();
  const body = (await found.json()) as { total: number; items: { name: string | null }[] };
  expect(body.total).toBe(1);
  expect(body.items[0]!.name).toBe('सलीम खान');
  expect(csp).toEqual([]);
});
