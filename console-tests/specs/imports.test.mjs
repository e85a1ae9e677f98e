// CSV import with a live progress bar and per-line errors; a refused file; the CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, screenshot, api, createUser, openSignedIn, CC } from '../support/server.mjs';


let server;
let browser;
let page;
let dir;
let ann;

before(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'switchboard-csv-'));
  ann = await createUser(server, 'ann@example.com', { displayName: 'Ann' });
  await createUser(server, 'bo@example.com', { [CC]: { license: 'standard' } });
  ({ browser, page } = await openSignedIn(server));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function csv(name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function openImports() {
  await page.goto(`${server.origin}/admin/#/imports`);
  await page.reload();
  await page.getByRole('heading', { name: 'Import & export' }).waitFor();
}

test('an import shows its progress to the end, the counts and each error line', async () => {
  await openImports();
  await page.getByLabel('CSV file').setInputFiles(csv('licenses.csv',
    'userName,license,queues\nann@example.com,premium,Sales;Support\nghost@example.com,standard,\n'));
  await page.getByLabel('Add and remove services (sync)').check();
  await page.getByRole('button', { name: 'Import' }).click();

  const counts = page.getByRole('status').filter({ hasText: 'rows processed' });
  await counts.getByText('Import finished, with errors.').waitFor();
  assert.equal(await counts.textContent(), 'Import finished, with errors. 2 of 2 rows processed: 1 succeeded, 1 failed.');
  const bar = page.getByRole('progressbar', { name: 'Importing licenses.csv' });
  assert.deepEqual(await bar.evaluate((element) => [element.value, element.max]), [2, 2]);

  const errors = page.getByRole('table', { name: 'Lines that were not imported' });
  const row = errors.locator('tbody tr');
  assert.equal(await row.count(), 1);
  assert.equal(await row.locator('td[data-label="Line"]').textContent(), '3');
  assert.equal(await row.locator('td[data-label="Column"]').textContent(), 'userName');
  assert.match(await row.locator('td[data-label="Problem"]').textContent(), /there is no user 'ghost@example.com'/);
  await screenshot(page, 'imports');

  const imported = await api(server, 'GET', `/Users/${ann.id}`);
  assert.equal(imported[CC].license, 'premium');
  assert.deepEqual(imported[CC].queues, ['Sales', 'Support']);
});

test('a bad license value is an error line naming the value; the mode is sent as chosen', async () => {
  await openImports();
  await page.getByLabel('CSV file').setInputFiles(csv('bad-value.csv', 'userName,license\nbo@example.com,gold\nann@example.com,none\n'));
  await page.getByLabel('Add services only (add)').check();
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByText('Import finished, with errors. 2 of 2 rows processed: 1 succeeded, 1 failed.').waitFor();
  const row = page.getByRole('table', { name: 'Lines that were not imported' }).locator('tbody tr');
  assert.equal(await row.locator('td[data-label="Line"]').textContent(), '2');
  assert.match(await row.locator('td[data-label="Problem"]').textContent(), /got 'gold'/);
  // "add services only" never lowers: ann keeps premium although the row says none.
  assert.equal((await api(server, 'GET', `/Users/${ann.id}`))[CC].license, 'premium');
});

test('a file the server refuses as a whole is explained next to the file field', async () => {
  await openImports();
  await page.getByLabel('CSV file').setInputFiles(csv('bad-header.csv', 'userName,licence\nann@example.com,none\n'));
  await page.getByRole('button', { name: 'Import' }).click();
  const input = page.getByLabel('CSV file');
  const error = page.locator(`[id="${(await input.getAttribute('aria-describedby'))}"]`);
  await error.waitFor();
  assert.match(await error.textContent(), /^Not a valid value: line 1: unknown column 'licence'.*\(nothing was imported\)$/);
  assert.equal(await page.getByRole('progressbar').count(), 0);
});

test('the export downloads users.csv through the token, never a URL carrying it', async () => {
  await openImports();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download users.csv' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'users.csv');
  assert.ok(download.url().startsWith('blob:'), download.url());
  assert.ok(!download.url().includes(server.adminToken));
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^userName,displayName,active,license,/);
  assert.match(text, /\nann@example\.com,Ann,true,premium,/);
  await page.getByText('users.csv is downloaded.').waitFor();
});
