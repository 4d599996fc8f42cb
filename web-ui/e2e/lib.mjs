// Helpers shared by the browser tests: Debian's Chromium through playwright-core, waiting, and the page's
// console and network watch (a console error or warning, or an unexpected failed request, fails the test).
import { chromium, request } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const TIMEOUT = Number(process.env.SKYX_E2E_TIMEOUT_MS ?? 20000);
export const PASSWORD = 'Sky-Trader-2026-correct-horse';
export const log = (...a) => console.log(new Date().toISOString().slice(11, 23), ...a);

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export async function waitFor(what, probe, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last === true) return;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** Text of the first match, or null if there is none (the page re-renders, so never wait long for one). */
export async function text(page, selector) {
  try {
    return ((await page.locator(selector).first().textContent({ timeout: 300 })) ?? '').trim();
  } catch {
    return null;
  }
}

export async function expectText(page, who, selector, expected) {
  await waitFor(`${who}: ${selector} = ${expected}`, async () => {
    const t = await text(page, selector);
    return t === expected ? true : t;
  });
  log(`${who}: ${selector} = ${expected}`);
}

/**
 * A browser context with one page, watched: every console error or warning, page error and HTTP response >= 400
 * is recorded in `problems` (a test that expects a refusal removes it with `expectProblem`).
 */
export async function openUser(browser, base, who, viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') {
      problems.push(`console.${m.type()}: ${m.text()}`);
      log(`[${who} console.${m.type()}] ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => { problems.push(`pageerror: ${e.message}`); log(`[${who} pageerror] ${e.message}`); });
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), at: Date.now() }));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
  page.setDefaultTimeout(TIMEOUT);
  const started = Date.now();
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  return { who, context, page, problems, requests, started };
}

/**
 * Removes the expected refusals (HTTP status and path) and the console line Chromium logs for each of them;
 * fails if one did not happen.
 */
export function expectProblem(user, status, path) {
  const http = user.problems.findIndex((p) => p.startsWith(`HTTP ${status} `) && p.endsWith(` ${path}`));
  if (http === -1) throw new Error(`${user.who}: expected HTTP ${status} for ${path}; recorded: ${JSON.stringify(user.problems)}`);
  user.problems.splice(http, 1);
  const line = user.problems.findIndex((p) => p.includes(`status of ${status}`));
  if (line !== -1) user.problems.splice(line, 1);
}

export function assertNoProblems(user, what) {
  if (user.problems.length > 0) throw new Error(`${user.who}: ${what}: ${JSON.stringify(user.problems)}`);
  log(`${user.who}: ${what}: none`);
}

export async function signUp({ who, page }, email, password = PASSWORD) {
  await page.locator('#auth-email').fill(email);
  await page.locator('#auth-password').fill(password);
  await page.locator('#signup-btn').click();
  await waitFor(`${who} signed in`, async () => {
    for (const id of ['auth-error', 'auth-email-error', 'auth-password-error']) {
      const err = await text(page, `#${id}`);
      if (err) throw new Error(`sign-up refused: ${err}`);
    }
    return (await text(page, '#account-email')) === email ? true : await text(page, '#account');
  });
  log(`${who}: signed up as ${email}`);
}

/**
 * Test funds (1000 SKY, 0.01 BTC) for the page's signed-in user. Under the integration tests the app has the
 * test-only credit `POST /api/v1/test-funds` (test classpath only: the product's faucet never credits, it pays on
 * chain); against the product (`./ops/run-local.sh`, both chains on) it answers 404 and the page's own "Get test
 * funds" button pays on chain, credited after the confirmations.
 */
export async function testFunds({ who, page }) {
  const base = new URL(page.url()).origin;
  const csrf = (await (await page.request.get(base + '/api/v1/auth/csrf')).json()).token;
  const r = await page.request.post(base + '/api/v1/test-funds', { headers: { 'X-XSRF-TOKEN': csrf } });
  if (r.status() === 404) {
    log(`${who}: no test-only credit here: the faucet pays on chain`);
    await page.locator('#faucet-btn').click();
    return;
  }
  if (!r.ok()) throw new Error(`${who}: POST /api/v1/test-funds: HTTP ${r.status()} ${await r.text()}`);
  log(`${who}: test funds credited (test-only credit)`);
}

/** A user driven through the REST API only (cookies and the CSRF header), to prepare market data. */
export async function apiUser(base, email) {
  const r = await request.newContext({ baseURL: base });
  const csrf = async () => (await (await r.get('/api/v1/auth/csrf')).json()).token;
  const call = async (method, path, data) => {
    const res = await r.fetch(path, { method, data, headers: { 'X-XSRF-TOKEN': await csrf() } });
    const body = await res.text();
    if (!res.ok()) throw new Error(`${method} ${path}: HTTP ${res.status()} ${body}`);
    return body === '' ? null : JSON.parse(body);
  };
  await call('POST', '/api/v1/auth/signup', { email, password: PASSWORD });
  try {
    await call('POST', '/api/v1/test-funds', {});
  } catch (e) {
    if (!String(e.message).includes('HTTP 404')) throw e;
    await call('POST', '/api/v1/faucet', {}); // the product: paid on chain (the answer waits for the credits)
  }
  return { call, get: async (path) => (await r.get(path)).json(), dispose: () => r.dispose() };
}

export async function shot(users, dir, tag) {
  mkdirSync(dir, { recursive: true });
  for (const u of users) {
    const file = join(dir, `${tag}-${u.who}.png`);
    await u.page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  }
}
