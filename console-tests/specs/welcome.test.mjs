// The user page's "Resend welcome email" button. The server sends email to a port where nothing
// listens: a resend is queued (and stays pending), which is all the button promises.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startServer, openBrowser, signIn, screenshot, createUser, CC } from '../support/server.mjs';

let server;
let browser;
let page;
const ids = {};

/** A loopback port nothing listens on (taken and given back). */
async function closedPort() {
  const probe = createServer();
  await new Promise((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

before(async () => {
  server = await startServer({
    args: ['--smtp-host', '127.0.0.1', '--smtp-port', String(await closedPort()),
      '--smtp-from', 'noreply@corp.example', '--smtp-starttls', 'off'],
  });
  ids.ann = (await createUser(server, 'ann', {
    emails: [{ value: 'ann@corp.example', primary: true }], [CC]: { license: 'standard' },
  })).id;
  ids.eve = (await createUser(server, 'eve', { emails: [{ value: 'eve@corp.example' }] })).id;
  ({ browser, page } = await openBrowser());
  await signIn(page, server);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function resendOn(userId) {
  await page.goto(`${server.origin}/admin/#/users/${userId}`);
  await page.getByRole('button', { name: 'Resend welcome email' }).click();
}

test('resending says in words which welcome was queued to which address', async () => {
  await resendOn(ids.ann);
  const outcome = page.getByRole('status').filter({ hasText: 'Queued' });
  await outcome.waitFor();
  assert.equal(await outcome.textContent(),
    'Queued the contact-center welcome to ann@corp.example. It is sent within a few seconds.');
  await screenshot(page, 'welcome-resend');
});

test('a user without a license is told why nothing was queued', async () => {
  await resendOn(ids.eve);
  const outcome = page.getByRole('alert').filter({ hasText: 'Not queued' });
  await outcome.waitFor();
  assert.match(await outcome.textContent(), /holds no contact-center seat and no phone extension/);
});
