// The Users page, the user detail and the audit log against real users, groups, a premium
// template and a premium pool of one seat (so some users wait for a seat).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, signIn, screenshot, api, createUser, createGroup, CC } from '../support/server.mjs';

const patchOp = (Operations) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });

// Created in this order: ann takes the only premium seat, bo, fay and gus wait for one.
const SEEDS = [
  ['ann', 'Ann Andersson', true, ['Sales'], { license: 'premium' }],
  ['bo', 'Bo Berg', true, ['Sales', 'Support'], { license: 'premium' }],
  ['cy', 'Cy Carlsson', true, ['Support'], { license: 'standard' }],
  ['dee', 'Dee Dahl', false, ['Sales'], { license: 'standard' }],
  ['eve', 'Eve Ek', true, ['Billing'], {}],
  ['fay', 'Fay Falk', true, ['Support'], { role: 'supervisor' }],
  ['gus', 'Gus Gran', true, ['Sales'], { license: 'standard' }],
  ['hal', 'Hal Holm', true, [], {}],
];

let server;
let browser;
let page;
const ids = {};

before(async () => {
  server = await startServer();
  await api(server, 'PATCH', '/SeatPools/contactCenter.premium', patchOp([{ op: 'replace', path: 'capacity', value: 1 }]));
  await api(server, 'POST', '/LicenseTemplates', { name: 'Leads', group: { display: 'Sales Leads' }, contactCenter: 'premium' });
  for (const [userName, displayName, active, queues, values] of SEEDS) {
    const user = await createUser(server, userName, {
      displayName, active, emails: [{ value: `${userName}@corp.example`, primary: true }],
      [CC]: { ...values, ...(queues.length ? { queues } : {}) },
    });
    ids[userName] = user.id;
  }
  await createGroup(server, 'Sales Leads', [ids.gus]);
  ({ browser, page } = await openBrowser());
  await signIn(page, server);
  await page.getByRole('table', { name: /^Users:/ }).waitFor();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const userOf = (name) => api(server, 'GET', `/Users/${ids[name]}`);

/** The userNames the table shows, once they stop changing into something else than expected. */
async function shownUserNames(expected) {
  const read = () => page.locator('td[data-label="userName"]').allTextContents();
  const deadline = Date.now() + 5000;
  let names = await read();
  while (JSON.stringify(names) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    names = await read();
  }
  return names;
}

const cellOf = (userName, column) => page.locator('tr', { has: page.getByRole('link', { name: userName, exact: true }) })
  .locator(`td[data-label="${column}"]`);

/** A fresh load of the Users page (a goto that only changes the hash would keep the old page). */
async function openUsers(hashQuery = '') {
  await page.goto(`${server.origin}/admin/#/users${hashQuery}`);
  await page.reload();
  await page.getByRole('table', { name: /^Users:/ }).waitFor();
}

test('the table shows every user with tier, state, queues and agent id from the server', async () => {
  await openUsers('?sort=userName');
  assert.deepEqual(await shownUserNames(SEEDS.map(([name]) => name)), SEEDS.map(([name]) => name));
  assert.equal(await cellOf('ann', 'Tier').textContent(), 'premium');
  assert.equal(await cellOf('ann', 'License state').textContent(), 'assigned');
  assert.equal(await cellOf('bo', 'License state').textContent(), 'pending');
  assert.equal(await cellOf('dee', 'License state').textContent(), 'suspended');
  assert.equal(await cellOf('dee', 'Status').textContent(), 'inactive');
  assert.equal(await cellOf('bo', 'Queues').textContent(), 'Sales, Support');
  assert.equal(await cellOf('ann', 'Name').textContent(), 'Ann Andersson');
  const ann = await userOf('ann');
  assert.equal(await cellOf('ann', 'Agent id').textContent(), String(ann[CC].agentId));
  await screenshot(page, 'users');
});

test('filtering by queue shows exactly that queue\'s members, and a reload keeps the filter', async () => {
  await openUsers('?sort=userName');
  await page.getByLabel('Queue').fill('Sales');
  await page.getByLabel('Queue').press('Enter');
  assert.deepEqual(await shownUserNames(['ann', 'bo', 'dee', 'gus']), ['ann', 'bo', 'dee', 'gus']);
  assert.match(page.url(), /queue=Sales/);
  await page.reload();
  await page.getByRole('table', { name: /^Users:/ }).waitFor();
  assert.equal(await page.getByLabel('Queue').inputValue(), 'Sales');
  assert.deepEqual(await shownUserNames(['ann', 'bo', 'dee', 'gus']), ['ann', 'bo', 'dee', 'gus']);
});

test('filtering by license state shows who waits for a seat; filters combine', async () => {
  await openUsers('?sort=userName');
  await page.getByLabel('License state').selectOption('pending');
  assert.deepEqual(await shownUserNames(['bo', 'fay', 'gus']), ['bo', 'fay', 'gus']);
  await page.getByLabel('License state').selectOption('');
  await page.getByLabel('Queue').fill('Support');
  await page.getByLabel('Status').selectOption('active');
  assert.deepEqual(await shownUserNames(['bo', 'cy', 'fay']), ['bo', 'cy', 'fay']);
  await page.getByLabel('Queue').fill('');
  await page.getByLabel('Status').selectOption('inactive');
  assert.deepEqual(await shownUserNames(['dee']), ['dee']);
  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Tier').selectOption('premium');
  assert.deepEqual(await shownUserNames(['ann', 'bo', 'fay', 'gus']), ['ann', 'bo', 'fay', 'gus']);
});

test('the search field finds users by userName, display name or email', async () => {
  await openUsers('?sort=userName');
  const search = async (text, expected) => {
    await page.getByLabel('Search').fill(text);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    return shownUserNames(expected);
  };
  assert.deepEqual(await search('Holm', ['hal']), ['hal']);
  assert.deepEqual(await search('eve@corp', ['eve']), ['eve']);
  assert.deepEqual(await search('no such person', []), []);
  await page.getByText('No user matches these filters.').waitFor();
});

test('the server sorts by a column header and pages the list', async () => {
  await openUsers('?count=5');
  await page.getByRole('button', { name: 'userName' }).click();
  assert.deepEqual(await shownUserNames(['ann', 'bo', 'cy', 'dee', 'eve']), ['ann', 'bo', 'cy', 'dee', 'eve']);
  await page.getByRole('button', { name: 'userName' }).click();
  const descending = SEEDS.map(([n]) => n).reverse();
  assert.deepEqual(await shownUserNames(descending.slice(0, 5)), descending.slice(0, 5));
  assert.equal(await page.getByRole('columnheader', { name: 'userName' }).getAttribute('aria-sort'), 'descending');
  await page.getByText('1–5 of 8').waitFor();
  await page.getByRole('button', { name: 'Next' }).click();
  assert.deepEqual(await shownUserNames(descending.slice(5)), descending.slice(5));
  await page.getByText('6–8 of 8').waitFor();
  assert.match(page.url(), /start=6/);
  await page.getByLabel('Per page').selectOption('10');
  assert.deepEqual(await shownUserNames(descending), descending);
});

test('a direct license set on two selected users changes their tier', async () => {
  await openUsers('?sort=userName');
  await page.getByRole('checkbox', { name: 'Select eve', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Select hal', exact: true }).check();
  await page.getByText('2 selected.').waitFor();
  await page.getByLabel('Direct license').selectOption('standard');
  await page.getByRole('button', { name: 'Set license' }).click();
  await page.getByText('Direct license set to standard for 2 of 2 users.').waitFor();
  for (const name of ['eve', 'hal']) {
    await cellOf(name, 'Tier').getByText('standard').waitFor();
    assert.equal(await cellOf(name, 'License state').textContent(), 'assigned');
    assert.equal((await userOf(name))[CC].license, 'standard');
  }
  assert.equal((await userOf('cy'))[CC].license, 'standard', 'unselected users are untouched');
  assert.equal((await userOf('ann'))[CC].license, 'premium');

  await page.getByRole('button', { name: 'Remove direct license' }).click();
  await page.getByText('Direct license removed for 2 of 2 users.').waitFor();
  await cellOf('eve', 'Tier').getByText('none').waitFor();
  assert.equal((await userOf('hal'))[CC].license, undefined);
});

test('a bulk change names, in words, each user it could not change', async () => {
  await openUsers('?sort=userName');
  await page.getByRole('checkbox', { name: 'Select cy', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Select hal', exact: true }).check();
  await api(server, 'DELETE', `/Users/${ids.cy}`); // gone before the admin presses the button
  await page.getByLabel('Role').selectOption('supervisor');
  await page.getByRole('button', { name: 'Set role' }).click();
  const failure = page.getByRole('alert').filter({ hasText: '1 of 2 users were not changed' });
  await failure.waitFor();
  assert.match(await failure.textContent(), /cy: Not found: User \S+ does not exist/);
  await page.getByText('Role set to supervisor for 1 of 2 users.').waitFor();
  assert.equal((await userOf('hal'))[CC].role, 'supervisor');
  assert.deepEqual(await shownUserNames(['ann', 'bo', 'dee', 'eve', 'fay', 'gus', 'hal']), ['ann', 'bo', 'dee', 'eve', 'fay', 'gus', 'hal']);
  assert.equal(await cellOf('hal', 'Role').textContent(), 'supervisor');
});

test('the user detail says why the user holds a license', async () => {
  await openUsers('?sort=userName');
  await page.getByRole('link', { name: 'gus', exact: true }).click();
  await page.getByRole('heading', { name: 'Gus Gran' }).waitFor();
  const contactCenter = page.getByRole('region', { name: 'Contact center' });
  await contactCenter.getByText('premium — from group Sales Leads').waitFor();
  await contactCenter.getByText('standard — set directly').waitFor();
  await contactCenter.getByText('Waiting for a free premium seat').waitFor();
  await page.getByRole('region', { name: 'Groups' }).getByText('Sales Leads').waitFor();
  const trail = page.getByRole('table', { name: /Changes of this user's licenses/ });
  await trail.getByText('standard (assigned) → premium (pending)').waitFor();
  await screenshot(page, 'user-detail');

  await page.goto(`${server.origin}/admin/#/users/${ids.fay}`);
  await page.getByRole('region', { name: 'Contact center' }).getByText('premium — role supervisor').waitFor();
  await page.goto(`${server.origin}/admin/#/users/${ids.ann}`);
  await page.getByRole('region', { name: 'Contact center' }).getByText('premium — set directly').waitFor();
});

test('the audit log filters by user, product and time', async () => {
  await page.goto(`${server.origin}/admin/#/audit`);
  const events = page.getByRole('table', { name: /^Audit events/ });
  await events.waitFor();
  await screenshot(page, 'audit');
  await page.getByLabel('User (userName)').fill('bo');
  await page.getByLabel('Product').selectOption('contactCenter');
  await page.getByRole('button', { name: 'Show events' }).click();
  await page.getByRole('table', { name: 'Audit events: 1 found, newest first' }).waitFor();
  await events.getByText('none → premium (pending)').waitFor();
  assert.equal(await events.getByRole('link', { name: 'bo' }).getAttribute('href'), `#/users/${ids.bo}`);

  await page.getByLabel('User (userName)').fill('');
  await page.getByLabel('Product').selectOption('agentId');
  await page.getByRole('button', { name: 'Show events' }).click();
  await events.locator('td[data-label="Product"]', { hasText: 'Agent id' }).first().waitFor();
  assert.deepEqual([...new Set(await events.locator('td[data-label="Product"]').allTextContents())], ['Agent id']);

  await page.getByLabel('From').fill('2099-01-01T00:00');
  await page.getByRole('button', { name: 'Show events' }).click();
  await page.getByText('No audit events match.').waitFor();
  assert.match(page.url(), /from=2099/);
});

test('the Users page reads on a narrow screen', async () => {
  await page.setViewportSize({ width: 400, height: 900 });
  await openUsers('?sort=userName');
  await shownUserNames(['ann', 'bo', 'dee', 'eve', 'fay', 'gus', 'hal']);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 400, `the page is ${width} px wide`);
  await screenshot(page, 'users-narrow');
});
