// Phone: create sites with ranges, calling packages and numbers in the UI, see a range's used/free
// counts and the inventory follow a user who gets a phone license, and the used ids.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, screenshot, api, createUser, openSignedIn, errorUnder, CC, PHONE } from '../support/server.mjs';


let server;
let browser;
let page;
let ann;
let bob;

before(async () => {
  server = await startServer();
  ann = await createUser(server, 'ann', { displayName: 'Ann Phone' });
  bob = await createUser(server, 'bob', { [CC]: { license: 'standard' } });
  ({ browser, page } = await openSignedIn(server));
  await page.goto(`${server.origin}/admin/#/phone`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const sites = () => page.getByRole('table', { name: 'Sites, by name' });


test('a site is created with two extension ranges and shows them unused', async () => {
  await page.getByText('No sites yet').waitFor();
  await page.getByRole('button', { name: 'New site' }).click();
  const dialog = page.getByRole('dialog', { name: 'New site' });
  await dialog.getByLabel('Name', { exact: true }).fill('Stockholm');
  await dialog.getByLabel('Range 1 from').fill('4100');
  await dialog.getByLabel('Range 1 to').fill('4109');
  await dialog.getByRole('button', { name: 'Add range' }).click();
  await dialog.getByLabel('Range 2 from').fill('4200');
  await dialog.getByLabel('Range 2 to').fill('4204');
  await dialog.getByLabel('Hold days').fill('14');
  await dialog.getByRole('button', { name: 'Save site' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Site "Stockholm" saved.').waitFor();
  const row = sites().getByRole('row', { name: /Stockholm/ });
  assert.match(await row.innerText(), /Stockholm\s+default\s+4100–4109\s+0 used, 10 free\s+4200–4204\s+0 used, 5 free\s+0 days\s+14 days/);
  const site = (await api(server, 'GET', '/Sites')).Resources[0];
  assert.deepEqual(site.extensionRanges, [{ from: '4100', to: '4109' }, { from: '4200', to: '4204' }]);
  assert.equal(site.holdDays, 14);
});

test('an overlapping range is refused next to the ranges, and the fixed site is saved', async () => {
  await page.getByRole('button', { name: 'New site' }).click();
  const dialog = page.getByRole('dialog', { name: 'New site' });
  await dialog.getByLabel('Name', { exact: true }).fill('Oslo');
  await dialog.getByLabel('Range 1 from').fill('4105');
  await dialog.getByLabel('Range 1 to').fill('4120');
  await dialog.getByRole('button', { name: 'Save site' }).click();
  const ranges = dialog.getByRole('group', { name: 'Extension ranges' });
  await ranges.getByRole('alert').waitFor();
  assert.match(await errorUnder(page, ranges), /^Not a valid value: extension range 4105-4120 overlaps another site's range/);
  await dialog.getByLabel('Range 1 from').fill('5000');
  await dialog.getByLabel('Range 1 to').fill('5009');
  await dialog.getByRole('button', { name: 'Save site' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Site "Oslo" saved.').waitFor();
  assert.match(await sites().getByRole('row', { name: /Oslo/ }).innerText(), /Oslo\s+5000–5009\s+0 used, 10 free/);
});

test('calling packages are created, and a duplicate name is shown next to the name field', async () => {
  await page.getByRole('button', { name: 'New calling package' }).click();
  let dialog = page.getByRole('dialog', { name: 'New calling package' });
  await dialog.getByLabel('Name', { exact: true }).fill('national');
  await dialog.getByLabel('Rank').fill('20');
  await dialog.getByRole('button', { name: 'Save package' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Calling package "national" saved.').waitFor();
  assert.match(await page.getByRole('row', { name: /national/ }).innerText(), /national\s+20/);

  await page.getByRole('button', { name: 'New calling package' }).click();
  dialog = page.getByRole('dialog', { name: 'New calling package' });
  await dialog.getByLabel('Name', { exact: true }).fill('NATIONAL');
  await dialog.getByLabel('Rank').fill('30');
  await dialog.getByRole('button', { name: 'Save package' }).click();
  await dialog.getByRole('alert').waitFor();
  assert.match(await errorUnder(page, dialog.getByLabel('Name', { exact: true })), /^Already taken: a calling package named 'NATIONAL' exists/);
  assert.equal(await dialog.getByLabel('Rank').getAttribute('aria-invalid'), null);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a pasted list of numbers is added one by one, with each refusal said per number', async () => {
  await page.getByLabel(/Numbers to add/).fill('+46812345670, +46812345671\n46812345672 +46812345670');
  await page.getByLabel('Site', { exact: true }).selectOption('Stockholm');
  await page.getByRole('button', { name: 'Add numbers' }).click();
  await page.getByText('2 numbers added.').waitFor();
  const outcomes = page.locator('.outcomes li');
  assert.deepEqual(await outcomes.allInnerTexts(), [
    '+46812345670: added',
    '+46812345671: added',
    "46812345672: Not a valid value: number 46812345672 lacks its leading '+' (spreadsheets drop it); write it in E.164 as +46812345672",
    '+46812345670: Already taken: number +46812345670 is already in the inventory',
  ]);
  const box = page.getByLabel(/Numbers to add/);
  assert.match(await errorUnder(page, box), /^2 numbers not added/);
  assert.equal(await box.inputValue(), '46812345672\n+46812345670');
  const inventory = page.getByRole('table', { name: 'Direct numbers' });
  assert.match(await inventory.getByRole('row', { name: /\+46812345671/ }).innerText(), /\+46812345671\s+Stockholm\s+unassigned\s+—/);
  assert.equal(await inventory.getByRole('row').count(), 3);
});

test('a user who gets a phone license takes an extension and a number; the counts follow', async () => {
  await api(server, 'PATCH', `/Users/${ann.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'replace', path: `${PHONE}:licensed`, value: true },
      { op: 'replace', path: `${PHONE}:callingPackage`, value: 'national' },
      { op: 'replace', path: `${PHONE}:directNumbers`, value: ['+46812345671'] },
    ],
  });
  await page.reload();
  await sites().getByRole('row', { name: /Stockholm/ }).getByText('1 used, 9 free').waitFor();
  assert.match(await sites().getByRole('row', { name: /Stockholm/ }).innerText(), /4100–4109\s+1 used, 9 free\s+4200–4204\s+0 used, 5 free/);

  await page.getByLabel('State').selectOption('assigned');
  const assigned = page.getByRole('table', { name: 'Direct numbers: assigned' });
  await assigned.waitFor();
  assert.equal(await assigned.getByRole('row').count(), 2);
  assert.match(await assigned.getByRole('row', { name: /\+46812345671/ }).innerText(), /\+46812345671\s+Stockholm\s+assigned\s+ann/);
  assert.equal(await assigned.getByRole('link', { name: 'ann' }).getAttribute('href'), `#/users/${ann.id}`);

  const extensions = page.getByRole('table', { name: 'Extensions in use' });
  assert.match(await extensions.getByRole('row', { name: /ann/ }).innerText(), /4100\s+Stockholm\s+ann/);
  const agentIds = page.getByRole('table', { name: 'Agent ids in use' });
  assert.match(await agentIds.getByRole('row', { name: /bob/ }).innerText(), /1000\s+bob/);
  assert.equal(await agentIds.getByRole('link', { name: 'bob' }).getAttribute('href'), `#/users/${bob.id}`);
  assert.equal(await agentIds.getByRole('row').count(), 2, 'ann has no contact-center license, so no agent id');
  await page.getByLabel('State').selectOption('');
  await page.getByRole('table', { name: 'Direct numbers' }).waitFor();
  await screenshot(page, 'phone');
});

test('a site that still has users cannot be deleted, and says why', async () => {
  await sites().getByRole('button', { name: 'Delete Stockholm' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete site "Stockholm"?' });
  await dialog.getByRole('button', { name: 'Delete site' }).click();
  await dialog.getByRole('alert').waitFor();
  assert.match(await dialog.getByRole('alert').innerText(), /site 'Stockholm' has users or numbers; move them first/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await sites().getByRole('button', { name: 'Delete Oslo' }).click();
  await page.getByRole('dialog', { name: 'Delete site "Oslo"?' }).getByRole('button', { name: 'Delete site' }).click();
  await page.getByText('Site "Oslo" deleted.').waitFor();
  assert.equal((await api(server, 'GET', '/Sites')).totalResults, 1);
});
