// Groups & templates: attach a premium template to a group after previewing it, see a member's
// tier change; name a group the IdP has not pushed yet; a duplicate name; a delete preview.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, screenshot, api, createUser, createGroup, openSignedIn, errorUnder, CC, PHONE } from '../support/server.mjs';


let server;
let browser;
let page;
let leads;
let nightWorker;

before(async () => {
  server = await startServer();
  leads = [
    await createUser(server, 'lead0', { [CC]: { license: 'standard' } }),
    await createUser(server, 'lead1', { [CC]: { license: 'standard' } }),
    await createUser(server, 'lead2'),
  ];
  nightWorker = await createUser(server, 'night0');
  await createUser(server, 'outsider', { [CC]: { license: 'standard' } });
  await createGroup(server, 'Sales Leads', leads.map((user) => user.id));
  await createGroup(server, 'Support', []);
  ({ browser, page } = await openSignedIn(server));
  await page.goto(`${server.origin}/admin/#/groups`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const user = (id) => api(server, 'GET', `/Users/${id}`);


test('groups are listed with their member counts', async () => {
  const row = page.getByRole('row', { name: /Sales Leads/ });
  await row.waitFor();
  assert.match(await row.innerText(), /Sales Leads\s+3\s+none/);
  await page.getByLabel('Search groups').fill('supp');
  await page.getByRole('row', { name: /Sales Leads/ }).waitFor({ state: 'detached' });
  assert.match(await page.getByRole('row', { name: /Support/ }).innerText(), /Support\s+0\s+none/);
  await page.getByLabel('Search groups').fill('');
  await page.getByRole('row', { name: /Sales Leads/ }).waitFor();
});

test('a premium template is previewed without changing anyone, then saved, and its members become premium', async () => {
  await page.getByRole('button', { name: 'Add a template for Sales Leads' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  await dialog.getByLabel('Name', { exact: true }).fill('Leads');
  assert.equal(await dialog.getByLabel('Group').inputValue(), 'Sales Leads');
  await dialog.getByText('Existing group "Sales Leads".').waitFor();
  await dialog.getByLabel('Contact-center tier').selectOption('premium');
  assert.ok(await dialog.getByRole('button', { name: 'Save' }).isDisabled(), 'Save waits for a preview');

  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText('Saving this template affects 3 users:').waitFor();
  await dialog.getByText('3 users upgraded').waitFor();
  await dialog.getByText('0 users downgraded').waitFor();
  await dialog.getByText('0 users left pending for lack of seats').waitFor();
  const lead2Change = dialog.getByRole('row', { name: /lead2 Contact-center license/ });
  assert.match(await lead2Change.innerText(), /lead2\s+Contact-center license\s+none\s+premium \(assigned\)/);
  await screenshot(page, 'template-preview');
  assert.equal((await user(leads[2].id))[CC].effectiveLicense, 'none', 'a preview changes nothing');
  assert.equal((await api(server, 'GET', '/LicenseTemplates')).totalResults, 0, 'a preview saves nothing');

  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Template "Leads" saved.').waitFor();
  const templateRow = page.getByRole('row', { name: /^Leads/ });
  assert.match(await templateRow.innerText(), /Leads\s+Sales Leads\s+premium\s+no\s+—\s+—\s+100/);
  assert.match(await page.getByRole('row', { name: /Sales Leads\s+3/ }).innerText(), /Leads/);

  const lead2 = (await user(leads[2].id))[CC];
  assert.equal(lead2.effectiveLicense, 'premium');
  assert.equal(lead2.licenseState, 'assigned');
  assert.deepEqual(lead2.licenseSources.map((s) => [s.type, s.display, s.tier]), [['group', 'Sales Leads', 'premium']]);
  assert.equal((await user(leads[0].id))[CC].effectiveLicense, 'premium');
});

test('a template can name a group the IdP has not pushed yet, and applies once it is pushed', async () => {
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  await dialog.getByLabel('Name', { exact: true }).fill('Night phones');
  await dialog.getByLabel('Group').fill('Night Shift');
  await dialog.getByText('No group named "Night Shift" yet').waitFor();
  await dialog.getByLabel('Phone licensed').check();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText('Saving this template changes no user\'s licenses.').waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Template "Night phones" saved.').waitFor();
  assert.match(await page.getByRole('row', { name: /^Night phones/ }).innerText(), /Night Shift\s+by name\s+none\s+licensed/);
  const saved = (await api(server, 'GET', '/LicenseTemplates?filter=name eq "Night phones"')).Resources[0];
  assert.deepEqual(saved.group, { display: 'Night Shift' });
  await screenshot(page, 'groups');

  await createGroup(server, 'night shift', [nightWorker.id]);
  assert.equal((await user(nightWorker.id))[PHONE].effectiveLicensed, true);
});

test('editing a template previews the change, and a change after the preview asks for a new one', async () => {
  await page.getByRole('button', { name: 'Edit Night phones' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit template "Night phones"' });
  assert.equal(await dialog.getByLabel('Group').inputValue(), 'Night Shift');
  await dialog.getByLabel('Contact-center tier').selectOption('standard');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText('1 user upgraded').waitFor();
  await dialog.getByLabel('Precedence').fill('50');
  await dialog.getByText('The form changed since the preview').waitFor();
  assert.ok(await dialog.getByRole('button', { name: 'Save' }).isDisabled());
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.getByText('1 user upgraded').waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Template "Night phones" saved.').waitFor();
  const saved = (await api(server, 'GET', '/LicenseTemplates?filter=name eq "Night phones"')).Resources[0];
  assert.deepEqual([saved.contactCenter, saved.precedence, saved.phone, saved.group], ['standard', 50, true, { display: 'Night Shift' }]);
  assert.equal((await user(nightWorker.id))[CC].effectiveLicense, 'standard');
});

test('a duplicate template name is shown next to the name field', async () => {
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  const name = dialog.getByLabel('Name', { exact: true });
  await name.fill('LEADS');
  await dialog.getByLabel('Group').fill('Support');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  await dialog.locator('.field-error:visible').waitFor();
  assert.match(await errorUnder(page, name), /^Already taken: a template named 'LEADS' exists/);
  assert.equal(await dialog.getByLabel('Group').getAttribute('aria-invalid'), null);
  assert.ok(await dialog.getByRole('button', { name: 'Save' }).isDisabled());
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal((await api(server, 'GET', '/LicenseTemplates')).totalResults, 2);
});

test('deleting a template first says whom it would downgrade', async () => {
  await page.getByRole('button', { name: 'Delete Leads' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete template "Leads"?' });
  await dialog.getByText('Removing this template affects 3 users:').waitFor();
  await dialog.getByText('3 users downgraded').waitFor();
  assert.equal((await user(leads[2].id))[CC].effectiveLicense, 'premium', 'the delete preview changes nothing');
  await dialog.getByRole('button', { name: 'Delete template' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('Template "Leads" deleted.').waitFor();
  await page.getByRole('row', { name: /^Leads/ }).waitFor({ state: 'detached' });
  assert.equal((await user(leads[2].id))[CC].effectiveLicense, 'none');
  assert.equal((await user(leads[0].id))[CC].effectiveLicense, 'standard');
});
