// Seats: a full premium pool shows its pending user; a capacity below the seats in use is refused
// next to the field; an empty capacity means unlimited; the chart of seat use over time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, screenshot, api, createUser, openSignedIn, CC, PHONE } from '../support/server.mjs';


let server;
let browser;
let page;

before(async () => {
  server = await startServer();
  await api(server, 'POST', '/Sites', { name: 'Stockholm', extensionRanges: [{ from: '4100', to: '4199' }] });
  // Spread over a few seconds, so the chart of seat use has steps to draw.
  for (const [i, name] of ['ann', 'bob', 'cid', 'dan', 'eve', 'fay', 'gus'].entries()) {
    await createUser(server, name, { displayName: `${name[0].toUpperCase()}${name.slice(1)} Agent`, [CC]: { license: 'standard' }, [PHONE]: { licensed: i < 3 } });
    await sleep(250);
  }
  for (const name of ['pia', 'per']) {
    await createUser(server, name, { displayName: `${name[0].toUpperCase()}${name.slice(1)} Lead`, [CC]: { license: 'premium' } });
    await sleep(300);
  }
  ({ browser, page } = await openSignedIn(server));
  await page.goto(`${server.origin}/admin/#/seats`);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const pool = (name) => page.getByRole('region', { name });

async function setCapacity(poolName, value) {
  await pool(poolName).getByLabel('Capacity').fill(value);
  await pool(poolName).getByRole('button', { name: 'Save capacity' }).click();
}

test('each pool shows its seats in use, in text and as a bar', async () => {
  await pool('Contact center standard').getByRole('img', { name: '7 seats in use, 0 pending' }).waitFor();
  await pool('Contact center premium').getByRole('img', { name: '2 seats in use, 0 pending' }).waitFor();
  await pool('Phone').getByRole('img', { name: '3 seats in use, 0 pending' }).waitFor();
  assert.match(await pool('Contact center premium').locator('.pool-facts').innerText(), /In use\s+2\s+Capacity\s+unlimited\s+Pending\s+0/);
});

test('a premium pool set to fewer seats than users want shows the one left waiting', async () => {
  await setCapacity('Contact center premium', '2');
  await page.getByText('Contact center premium: capacity set to 2.').waitFor();
  const pat = await createUser(server, 'pat', { displayName: 'Pat Lead', [CC]: { license: 'premium' } });

  await page.reload();
  const premium = pool('Contact center premium');
  await premium.getByRole('img', { name: '2 of 2 seats in use, 1 pending' }).waitFor();
  assert.match(await premium.locator('.pool-facts').innerText(), /In use\s+2\s+Capacity\s+2\s+Free\s+0\s+Pending\s+1/);
  const waiting = premium.getByRole('table', { name: 'Users waiting for a premium seat' });
  const link = waiting.getByRole('link', { name: 'pat' });
  assert.equal(await link.getAttribute('href'), `#/users/${pat.id}`);
  assert.match(await waiting.getByRole('row', { name: /pat/ }).innerText(), /pat\s+Pat Lead\s+\w+/);
  assert.equal(await waiting.getByRole('row').count(), 2, 'a header and the one pending user');
  assert.equal(await pool('Contact center standard').getByRole('table').count(), 0);
});

test('a capacity below the seats in use is refused next to the capacity field', async () => {
  await setCapacity('Contact center premium', '1');
  const capacity = pool('Contact center premium').getByLabel('Capacity');
  const error = pool('Contact center premium').getByRole('alert');
  await error.waitFor();
  assert.match(await error.innerText(), /^Not a valid value: 2 seats of contactCenter.premium are in use; capacity cannot go below that/);
  assert.equal(await capacity.getAttribute('aria-invalid'), 'true');
  assert.equal((await api(server, 'GET', '/SeatPools/contactCenter.premium')).capacity, 2);
});

test('an empty capacity means unlimited', async () => {
  await setCapacity('Phone', '4');
  await page.getByText('Phone: capacity set to 4.').waitFor();
  await pool('Phone').getByRole('img', { name: '3 of 4 seats in use, 0 pending' }).waitFor();
  await setCapacity('Phone', '');
  await page.getByText('Phone: capacity unlimited.').waitFor();
  await pool('Phone').getByRole('img', { name: '3 seats in use, 0 pending' }).waitFor();
  assert.equal((await api(server, 'GET', '/SeatPools/phone.licensed')).capacity, undefined);
});

test('the chart draws in-use and pending per pool, with its numbers as a table', async () => {
  await setCapacity('Contact center standard', '10');
  await page.getByText('Contact center standard: capacity set to 10.').waitFor();
  const chart = page.getByRole('img', { name: /^Seat use, last 30 days/ });
  await chart.waitFor();
  assert.equal(await chart.locator('path.series').count(), 6);
  assert.match(await chart.locator('desc').textContent(), /Contact center premium: 2 in use now \(peak 2\), 1 pending now \(peak 1\)\./);
  await page.getByText('The chart as a table').click();
  const numbers = page.getByRole('table', { name: 'Seat use, last 30 days' });
  assert.match(await numbers.getByRole('row', { name: /Contact center standard/ }).innerText(), /Contact center standard\s+7\s+7\s+0\s+0\s+7 changes/);
  await page.reload();
  await page.getByRole('img', { name: /^Seat use, last 30 days/ }).waitFor();
  await screenshot(page, 'seats');
});
