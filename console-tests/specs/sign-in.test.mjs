import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, signIn, screenshot } from '../support/server.mjs';

let server;
let browser;
let page;
before(async () => {
  server = await startServer();
  ({ browser, page } = await openBrowser());
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an idp token is refused with a message saying why', async () => {
  await signIn(page, server, server.idpToken);
  await page.getByText('This is an IdP token').waitFor();
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
});

test('a wrong token is refused', async () => {
  await signIn(page, server, 'not-a-token');
  await page.getByText('not known to the server').waitFor();
});

test('the admin token signs in and is kept in sessionStorage, never in the URL', async () => {
  await signIn(page, server);
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  assert.ok(!page.url().includes(server.adminToken));
  assert.equal(await page.evaluate(() => sessionStorage.getItem('switchboard.adminToken')), server.adminToken);
  await screenshot(page, 'sign-in-done');
});
