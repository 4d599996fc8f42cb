// Browser test of every page's load time and of the keyboard on the Account, Wallet and Relays pages.
// Time to interactive, per page, for a signed-in user: from navigation start until the page shows its own data
// (the trading page: stream live and book drawn; Wallet: balances and the deposit address; Account: the 2FA
// state and the key list; Relays: the account line and the runs panel; Reserves: roots and solvency). Printed
// as "TIME TO INTERACTIVE <page>: N ms" and failed above SKYX_TTI_LIMIT_MS (default 15000, generous for a busy
// 2-core machine).
// Keyboard: Tab from the top of each new page visits every visible control once, in reading (DOM) order, each
// with a visible focus outline; every field has a label and every button a name; Enter submits (Account: a new
// API key, then Enter on "I have saved it" hides the secret; Wallet: the withdraw form's own check beside the
// amount; Relays: the relay's sections). No console errors or warnings.
// Usage: node web-ui/e2e/pages.mjs <baseUrl> [screenshotDir]   (exit code 0 = pass; BTC custody on)
import { assertNoProblems, launch, log, openUser, shot, signUp, text, waitFor } from './lib.mjs';

const [base, shotDir] = process.argv.slice(2);
if (!base || !/^https?:\/\//.test(base)) {
  console.error('usage: node pages.mjs <baseUrl> [screenshotDir]');
  process.exit(2);
}
const TTI_LIMIT_MS = Number(process.env.SKYX_TTI_LIMIT_MS ?? 15000);
const filled = (page, selector) => async () => ((await text(page, selector)) ?? '') !== '';

/** Per page: what "interactive" means (a probe that is true once the page shows its own data). */
const PAGES = [
  ['/', (page) => async () => (await text(page, '#conn')) === 'Live'
    && !((await text(page, '#book')) ?? 'Waiting').includes('Waiting') && (await text(page, '#account-email')) !== null],
  ['/wallet.html', (page) => async () => ((await text(page, '#deposit-addr')) ?? '').startsWith('bcrt1')
    && (await filled(page, '#wallet-balances')())],
  ['/account.html', (page) => async () => (await filled(page, '#twofa-state')()) && (await filled(page, '#keys')())],
  ['/relays.html', (page) => async () => (await page.locator('#who-email').count()) === 1
    && (await page.locator('#runs-panel').isVisible())],
  ['/reserves.html', (page) => async () => (await filled(page, '#roots')()) && (await filled(page, '#solvency')())],
];

async function timeToInteractive(page, path, ready) {
  await page.goto(base + path, { waitUntil: 'commit' });
  await waitFor(`${path} interactive`, ready(page));
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { interactive: Math.round(performance.now()), dcl: Math.round(nav?.domContentLoadedEventEnd ?? -1) };
  });
  log(`TIME TO INTERACTIVE ${path}: ${t.interactive} ms (DOMContentLoaded ${t.dcl} ms)`);
  if (t.interactive > TTI_LIMIT_MS) throw new Error(`${path} took ${t.interactive} ms to become interactive (> ${TTI_LIMIT_MS})`);
  return t.interactive;
}

/** The visible, enabled, tabbable elements in DOM order, as "tag#id" (or tag with its text). */
function expectedOrder(page) {
  return page.evaluate(() => {
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : `[${(el.textContent ?? '').trim().slice(0, 24)}]`}`;
    const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    const tabbable = [...all].filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({ visibilityProperty: true })
      && el.getClientRects().length > 0);
    // numbered, so that two links with the same text (top bar and footer) stay apart
    tabbable.forEach((el, i) => { el.dataset.e2eTab = String(i); });
    return tabbable.map((el, i) => `${i}:${name(el)}`);
  });
}

/** Presses Tab from the top of the page until focus leaves the page; returns each element focused, once. */
async function tabWalk(page, max) {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  const seen = [];
  const focusedName = () => page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return null;
    return `${el.dataset.e2eTab ?? '?'}:${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : `[${(el.textContent ?? '').trim().slice(0, 24)}]`}`;
  });
  // Whether the focused element shows it: an outline, or (a text field, select or text area) a border that
  // differs from its unfocused one.
  const focusShown = () => page.evaluate(() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) return true;
    if (!el.matches('input:not([type=checkbox]):not([type=radio]), select, textarea')) return false;
    const focusedBorder = s.borderColor;
    el.blur();
    const plain = getComputedStyle(el).borderColor;
    el.focus();
    return plain !== focusedBorder;
  });
  for (let i = 0; i < max * 3 + 5; i++) {
    await page.keyboard.press('Tab');
    const name = await focusedName();
    if (name === null) break;
    if (seen.at(-1) === name) continue; // a date input's day, month and year parts
    if (seen.includes(name)) break; // wrapped round to the top
    if (!(await focusShown())) throw new Error(`${name} takes focus without a visible focus indicator`);
    seen.push(name);
  }
  return seen;
}

async function focusOrder(page, path) {
  const expected = await expectedOrder(page);
  const walked = await tabWalk(page, expected.length);
  if (JSON.stringify(walked) !== JSON.stringify(expected)) {
    throw new Error(`${path}: Tab order ${JSON.stringify(walked)}\n differs from the reading order ${JSON.stringify(expected)}`);
  }
  log(`keyboard ${path}: Tab visits all ${walked.length} controls in reading order`);
}

async function labelled(page, path) {
  const missing = await page.evaluate(() => {
    const bad = [];
    for (const el of document.querySelectorAll('main input, main select, main textarea, main button')) {
      if (!el.checkVisibility() || el.type === 'hidden') continue;
      const aria = (el.getAttribute('aria-label') ?? '').trim() !== ''
        || (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '');
      const ok = el.tagName === 'BUTTON'
        ? aria || (el.textContent ?? '').trim() !== ''
        : aria || [...(el.labels ?? [])].some((l) => (l.textContent ?? '').trim() !== '');
      if (!ok) bad.push(el.id || el.outerHTML.slice(0, 60));
    }
    return bad;
  });
  if (missing.length > 0) throw new Error(`${path}: controls without a label or name: ${missing.join(', ')}`);
  log(`keyboard ${path}: every field has a label and every button a name`);
}

async function keyboardAccount(page) {
  await page.locator('#key-label').focus();
  await page.keyboard.type('keyboard bot');
  await page.keyboard.press('Enter');
  await page.locator('#new-secret').waitFor({ state: 'visible' });
  const focused = await page.evaluate(() => document.activeElement?.id);
  if (focused !== 'key-secret-done') throw new Error(`after a new key the focus is on "${focused}", not "I have saved it"`);
  await page.keyboard.press('Enter');
  await waitFor('secret hidden by Enter', async () => (await page.locator('#new-secret').count()) === 0);
  await waitFor('key listed', async () => ((await text(page, '#keys')) ?? '').includes('keyboard bot'));
  log('keyboard /account.html: Enter in the label field creates the key; Enter on "I have saved it" hides the secret');
}

async function keyboardWallet(page) {
  await page.locator('#wd-address').focus();
  await page.keyboard.type('bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await waitFor('Enter submits the withdraw form, refused beside the amount', async () =>
    (await text(page, '#wd-amount-error')) === 'Enter an amount');
  log('keyboard /wallet.html: Enter in the amount field submits the withdraw form (its check beside the amount)');
}

async function keyboardRelays(page) {
  await page.locator('#relay-key').focus();
  await page.keyboard.type('02' + 'ab'.repeat(32));
  await page.keyboard.press('Enter');
  await waitFor('Enter shows the relay', async () => ((await text(page, '#relay-reports')) ?? '').includes('No reports yet'));
  log('keyboard /relays.html: Enter in the key field shows the relay');
}

const KEYBOARD = { '/account.html': keyboardAccount, '/wallet.html': keyboardWallet, '/relays.html': keyboardRelays };

const browser = await launch();
let user = null;
try {
  user = await openUser(browser, base, 'pages');
  await signUp(user, `pages-${Date.now().toString(36)}@example.com`);
  const { page } = user;
  const figures = [];
  for (const [path, ready] of PAGES) {
    figures.push(`${path} ${await timeToInteractive(page, path, ready)} ms`);
    const keyboard = KEYBOARD[path];
    if (keyboard === undefined) continue;
    await focusOrder(page, path);
    await labelled(page, path);
    await keyboard(page);
  }
  assertNoProblems(user, 'every page: console errors/warnings and failed requests');
  console.log(`PASS: time to interactive ${figures.join(', ')}; keyboard on Account, Wallet and Relays`);
} catch (e) {
  console.error(`FAIL: ${e.stack ?? e}`);
  if (user && shotDir) await shot([user], shotDir, 'pages-fail').catch(() => undefined);
  process.exitCode = 1;
} finally {
  await browser.close();
}
