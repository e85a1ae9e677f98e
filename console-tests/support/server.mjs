// Starts the real jar on a free loopback port with a fresh database, and a headless Chromium
// (Debian's, through playwright-core) signed in to the console. Every spec file uses this.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..', '..');
const JAR = process.env.SWITCHBOARD_JAR || join(ROOT, 'target', 'switchboard.jar');
export const SCREENSHOTS = join(ROOT, 'target', 'console-screenshots');

/** The real server: {origin, scim, adminToken, idpToken, stop()}; `args` are extra options. */
export async function startServer({ args = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-console-'));
  const adminToken = `admin-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const idpToken = `idp-${Math.random().toString(36).slice(2)}${Date.now()}`;
  const child = spawn('java', ['-jar', JAR, '--host', '127.0.0.1', '--port', '0', '--db', join(dir, 'switchboard.db'), ...args], {
    env: { ...process.env, SWITCHBOARD_ADMIN_TOKEN: adminToken, SWITCHBOARD_IDP_TOKEN: idpToken },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => { errors += chunk; });
  const scim = await new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${errors}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/listening on (http\S+)/);
      if (match) { clearTimeout(timer); done(match[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); fail(new Error(`server exited ${code}:\n${errors}`)); });
  });
  const origin = new URL(scim).origin;
  return {
    origin, scim, adminToken, idpToken,
    logs: () => errors,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((done) => (child.exitCode !== null ? done() : child.on('exit', done)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A SCIM or admin call with the admin token, for setting up data: returns the parsed body. */
export async function api(server, method, path, body, { token = server.adminToken, contentType } = {}) {
  const url = path.startsWith('/admin') ? server.origin + path : server.scim + path;
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'Content-Type': contentType || 'application/scim+json' } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text && (response.headers.get('content-type') || '').includes('json') ? JSON.parse(text) : text;
}

/** Headless Debian chromium: {browser, page}. */
export async function openBrowser({ width = 1280, height = 900 } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width, height } });
  return { browser, page };
}

/** Loads the console and signs in with the admin token. */
export async function signIn(page, server, token = server.adminToken) {
  await page.goto(`${server.origin}/admin/`);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Saves a screenshot as target/console-screenshots/NAME.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Creates a user through SCIM (as the IdP would) and returns it. */
export function createUser(server, userName, extra = {}) {
  return api(server, 'POST', '/Users', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName,
    active: true,
    ...extra,
  });
}

/** Creates a group with these member ids and returns it. */
export function createGroup(server, displayName, memberIds = []) {
  return api(server, 'POST', '/Groups', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    displayName,
    members: memberIds.map((value) => ({ value })),
  });
}

/** The extension URNs of a user (api.md). */
export const CC = 'urn:switchboard:params:scim:schemas:extension:contactcenter:1.0:User';
export const PHONE = 'urn:switchboard:params:scim:schemas:extension:phone:1.0:User';

/** A browser signed in to the console, its sections shown: {browser, page}. */
export async function openSignedIn(server) {
  const opened = await openBrowser();
  await signIn(opened.page, server);
  await opened.page.getByRole('navigation', { name: 'Sections' }).waitFor();
  return opened;
}

/** The text of the error shown under a control (the element its aria-describedby names first). */
export async function errorUnder(page, control) {
  if ((await control.getAttribute('aria-invalid')) !== 'true') {
    throw new Error('the control is not marked invalid');
  }
  const id = (await control.getAttribute('aria-describedby')).split(' ')[0];
  return page.locator(`[id="${id}"]`).innerText();
}
