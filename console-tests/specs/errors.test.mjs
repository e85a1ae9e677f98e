// A bad input on the user detail shows the server's error, in words, next to the field it
// concerns, and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, screenshot, api, createUser, openSignedIn, CC, PHONE } from '../support/server.mjs';


let server;
let browser;
let page;
let holder;
let other;

before(async () => {
  server = await startServer();
  await api(server, 'POST', '/Sites', { name: 'Stockholm', extensionRanges: [{ from: '4100', to: '4199' }] });
  holder = await createUser(server, 'holder', { [CC]: { license: 'standard', agentId: 1500 }, [PHONE]: { licensed: true } });
  other = await createUser(server, 'other', { displayName: 'Olle Other', [CC]: { license: 'standard', agentId: 1501, queues: ['Sales'] } });
  ({ browser, page } = await openSignedIn(server));
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openOther() {
  await page.goto(`${server.origin}/admin/#/users/${other.id}`);
  await page.reload();
  await page.getByRole('heading', { name: 'Olle Other' }).waitFor();
}

/** The error paragraph wired to a field through aria-describedby. */
async function errorOf(label) {
  const input = page.getByLabel(label, { exact: true });
  const ids = (await input.getAttribute('aria-describedby')).split(' ');
  return page.locator(`[id="${ids.find((id) => id.endsWith('-error'))}"]`);
}

test('an agent id held by another user is refused next to the agent id field, and nothing changes', async () => {
  await openOther();
  const before = await api(server, 'GET', `/Users/${other.id}`);
  await page.getByLabel('Agent id', { exact: true }).fill('1500');
  await page.getByLabel('Queues', { exact: true }).fill('Sales, Support');
  await page.getByRole('button', { name: 'Save' }).click();
  const error = await errorOf('Agent id');
  await error.waitFor();
  assert.equal(await error.textContent(), 'Already taken: agentId 1500 is already held by another user');
  assert.equal(await page.getByLabel('Agent id', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await (await errorOf('Queues')).isVisible(), false, 'the error is at the field it concerns only');
  await page.getByText('Nothing was saved: see the message at the field.').waitFor();
  await screenshot(page, 'user-error');

  const after = await api(server, 'GET', `/Users/${other.id}`);
  assert.equal(after[CC].agentId, 1501);
  assert.deepEqual(after[CC].queues, ['Sales']);
  assert.equal(after.meta.version, before.meta.version);
});

test('an extension someone else holds is refused next to the extension field', async () => {
  const taken = (await api(server, 'GET', `/Users/${holder.id}`))[PHONE].extensionNumber;
  assert.equal(taken, '4100');
  await openOther();
  await page.getByLabel('Direct phone license').selectOption('true');
  await page.getByLabel('Extension', { exact: true }).fill(taken);
  await page.getByRole('button', { name: 'Save' }).click();
  const error = await errorOf('Extension');
  await error.waitFor();
  assert.match(await error.textContent(), /^Already taken: extensionNumber 4100 is held by another user/);
  const after = await api(server, 'GET', `/Users/${other.id}`);
  assert.equal(after[PHONE].licensed, undefined);
  assert.equal(after[PHONE].extensionNumber, undefined);
});

test('a change made meanwhile by someone else is not overwritten', async () => {
  await openOther();
  await api(server, 'PATCH', `/Users/${other.id}`, {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: `${CC}:queues`, value: ['Billing'] }],
  });
  await page.getByLabel('Role').selectOption('supervisor');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText(/^Changed by someone else: If-Match/).waitFor();
  assert.equal((await api(server, 'GET', `/Users/${other.id}`))[CC].role, 'agent');
  await page.getByRole('button', { name: 'Load the current values' }).click();
  await page.getByText('These are the current values.').waitFor();
  assert.equal(await page.getByLabel('Queues', { exact: true }).inputValue(), 'Billing');
});

test('valid direct values are saved with one PATCH and the page shows the result', async () => {
  await openOther();
  await page.getByLabel('Direct license').selectOption('premium');
  await page.getByLabel('Queues', { exact: true }).fill('Sales; Support');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Saved: direct license, queues.').waitFor();
  const contactCenter = page.getByRole('region', { name: 'Contact center' });
  await contactCenter.getByText('premium — set directly').waitFor();
  const after = await api(server, 'GET', `/Users/${other.id}`);
  assert.equal(after[CC].effectiveLicense, 'premium');
  assert.deepEqual(after[CC].queues, ['Sales', 'Support']);
});

test('a userName the audit log cannot find is said in words', async () => {
  await page.goto(`${server.origin}/admin/#/audit?user=nobody`);
  await page.reload();
  await page.getByText('No current user is named nobody').waitFor();
  await page.getByText('No audit events match.').waitFor();
});
