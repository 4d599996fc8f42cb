// Browser test of the page itself: an anonymous visit is clean (no 401, no console noise) and fits 1440x900 with the
// footer in view; a refused log-in or sign-up keeps what was typed and shows the message beside the field; candles
// switch intervals; order errors sit beside their field; keyboard use; cancel-all feedback; a phone shows every
// My-trades column; logging out stops private requests. Reports the time to interactive.
// Usage: node web-ui/e2e/ui.mjs <baseUrl> [screenshotDir]   (exit code 0 = pass)
import { apiUser, assertNoProblems, expectProblem, expectText, launch, log, openUser, PASSWORD, shot, signUp, testFunds, text, waitFor } from './lib.mjs';

const base = process.argv[2];
const shotDir = process.argv[3] ?? null;
if (!base || !/^https?:\/\//.test(base)) {
  console.error('usage: node ui.mjs <baseUrl> [screenshotDir]');
  process.exit(2);
}
const PRIVATE = /\/api\/v1\/(balances|orders|my-trades|ledger|auth\/me|faucet)/;

/**
 * One trade between two API users at a price inside the spread, so that the chart has a candle, and a resting
 * ask of 1 SKY just above it that the trader's market buy takes later (the book is left as it was found).
 */
async function makeTrade(run) {
  const a = await apiUser(base, `ui-maker-${run}@example.com`);
  const b = await apiUser(base, `ui-taker-${run}@example.com`);
  const book = await a.get('/api/v1/markets/SKY-BTC/orderbook?limit=1');
  const sat = (p) => { const [w, f = ''] = p.split('.'); return BigInt(w + f.padEnd(8, '0')); };
  const bid = book.bids.length ? sat(book.bids[0][0]) : 0n;
  const ask = book.asks.length ? sat(book.asks[0][0]) : bid + 20_000n;
  if (ask - bid < 3n) throw new Error(`no room in the spread ${bid}..${ask} satoshis`);
  const fmt = (v) => `0.${v.toString().padStart(8, '0')}`;
  const p = bid + (ask - bid) / 3n;
  await a.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'sell', type: 'limit', price: fmt(p), amount: '3' });
  await b.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'buy', type: 'limit', price: fmt(p), amount: '3' });
  await a.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'sell', type: 'limit', price: fmt(p + 1n), amount: '1' });
  await a.dispose();
  await b.dispose();
  log(`prepared a trade of 3 SKY at ${fmt(p)} and an ask of 1 SKY at ${fmt(p + 1n)}`);
}

async function anonymousVisit(browser) {
  const u = await openUser(browser, base, 'anon');
  await expectText(u.page, u.who, '#conn', 'Live');
  await waitFor('anon: book shown', async () => !((await text(u.page, '#book')) ?? 'Waiting').includes('Waiting'));
  const tti = await u.page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return { interactive: Math.round(performance.now()), domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
  });
  log(`TIME TO INTERACTIVE (stream live, book drawn): ${tti.interactive} ms after navigation start (DOMContentLoaded ${tti.domContentLoaded} ms, load ${tti.load} ms)`);
  await u.page.waitForTimeout(1500);
  const box = await u.page.locator('footer').boundingBox();
  if (box === null || box.y < 0 || box.y + box.height > 900) throw new Error(`footer not within the 1440x900 window: ${JSON.stringify(box)}`);
  log(`anon: footer in view at y=${Math.round(box.y)}..${Math.round(box.y + box.height)}`);
  const privateCalls = u.requests.filter((r) => PRIVATE.test(r.url));
  if (privateCalls.length > 0) throw new Error(`anonymous page asked for private data: ${privateCalls.map((r) => r.url).join(', ')}`);
  assertNoProblems(u, 'anonymous load: console errors/warnings and failed requests');
  return u;
}

async function refusedAttempts(u, run) {
  const { page } = u;
  const email = `nobody-${run}@example.com`;
  await page.locator('#auth-email').fill(email);
  await page.locator('#auth-password').fill('wrong-password-123456');
  await page.locator('#login-btn').click();
  await expectText(page, u.who, '#auth-error', 'Email or password is wrong');
  for (const [id, value] of [['#auth-email', email], ['#auth-password', 'wrong-password-123456']]) {
    const kept = await page.locator(id).inputValue();
    if (kept !== value) throw new Error(`a failed log-in cleared ${id}: "${kept}"`);
  }
  expectProblem(u, 401, '/api/v1/auth/login');
  log('anon: failed log-in kept the email and the password');
  await page.locator('#auth-password').fill('short');
  await page.locator('#signup-btn').click();
  await waitFor('weak password message beside the field', async () => {
    const t = await text(page, '#auth-password-error');
    return t !== null && /^Password must have at least \d+ characters$/.test(t) ? true : t;
  });
  if ((await page.locator('#auth-email').inputValue()) !== email) throw new Error('a refused sign-up cleared the email');
  if ((await text(page, '#auth-error')) !== '') throw new Error('the password error was also shown for the whole form');
  expectProblem(u, 400, '/api/v1/auth/signup');
  log('anon: refused sign-up kept the email; message beside the password field');
}

async function chartIntervals(u) {
  const { page } = u;
  await waitFor('candles drawn', async () => (await page.locator('#chart-empty').isHidden()) && (await page.locator('#chart canvas').count()) > 0);
  for (const tf of ['5m', '15m', '1h', '4h', '1d', '1m']) {
    const answer = page.waitForResponse((r) => r.url().includes(`/candles?timeframe=${tf}&`));
    await page.locator(`[data-timeframe="${tf}"]`).click();
    const res = await answer;
    const candles = await res.json();
    if (res.status() !== 200 || candles.length < 1) throw new Error(`${tf} candles: HTTP ${res.status()}, ${candles.length} candles`);
    await waitFor(`${tf} button pressed and candles shown`, async () =>
      (await page.locator(`[data-timeframe="${tf}"]`).getAttribute('aria-pressed')) === 'true' && (await page.locator('#chart-empty').isHidden()));
    log(`chart: ${tf} shows ${candles.length} candle(s), last open ${candles.at(-1).open}`);
  }
  await page.locator('[data-chart="depth"]').click();
  await waitFor('depth chart drawn', async () => (await page.locator('#depth-chart svg path.depth-bid, #depth-chart .empty').count()) > 0);
  if (shotDir) await page.screenshot({ path: `${shotDir}/depth-chart.png` });
  await page.locator('[data-chart="candles"]').click();
}

async function orderErrors(u) {
  const { page } = u;
  await page.locator('#side-sell').click();
  await page.locator('#order-price').fill('0.00010000');
  await page.locator('#order-amount').fill('1.5');
  await expectText(page, u.who, '#order-amount-error', 'Amount must be a multiple of 1 SKY');
  await page.locator('#order-amount').fill('100000');
  await page.locator('#order-submit').click();
  await expectText(page, u.who, '#order-amount-error', 'Not enough available balance for this order');
  if ((await text(page, '#order-error')) !== '') throw new Error('the amount error was also shown for the whole form');
  expectProblem(u, 422, '/api/v1/orders');
  // Presets: 50 % of the free SKY, in whole SKY.
  await page.locator('[data-preset="50"]').click();
  await expectText(page, u.who, '#order-amount-error', '');
  const half = await page.locator('#order-amount').inputValue();
  if (half !== '500') throw new Error(`50 % of 1000 SKY should be 500, the form has "${half}"`);
  await page.locator('#order-amount').fill('');
}

async function keyboardAndCancelAll(u) {
  const { page } = u;
  // The optional confirmation: dismissing it sends nothing.
  await page.locator('#order-confirm').check();
  await page.locator('#order-price').fill('0.00900000');
  await page.locator('#order-amount').fill('1');
  await page.locator('#order-tif').selectOption('PO');
  const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.message()); void d.dismiss(); }));
  await page.locator('#order-submit').click();
  const question = await asked;
  if (!question.startsWith('Sell 1 SKY at 0.00900000 BTC (PO)?')) throw new Error(`confirmation text: ${question}`);
  await page.waitForTimeout(500);
  if ((await page.locator('#open-orders-body tr').count()) !== 0) throw new Error('a dismissed confirmation placed the order');
  await page.locator('#order-confirm').uncheck();
  log(`confirmation asked "${question.replace(/\n/g, ' / ')}"; dismissed, nothing sent`);
  // Two resting sells far above the market, then cancel-all with feedback.
  for (const price of ['0.00900000', '0.00910000']) {
    await page.locator('#order-price').fill(price);
    await page.locator('#order-amount').fill('1');
    await page.locator('#order-tif').selectOption('PO');
    await page.locator('#order-submit').click();
    await waitFor('form cleared', async () => (await page.locator('#order-amount').inputValue()) === '');
  }
  await waitFor('two open orders', async () => (await page.locator('#open-orders-body tr').count()) === 2);
  if (!/post-only/.test(await text(page, '#open-orders-body tr'))) throw new Error('open order does not show post-only');
  await page.locator('#cancel-all-btn').click();
  await expectText(page, u.who, '#notice', 'Cancelled 2 orders');
  await waitFor('no open orders', async () => (await page.locator('#open-orders-body tr').count()) === 0);
  // Keyboard: arrow keys move between tabs; Enter on a book row copies its price.
  await page.locator('#tab-open').focus();
  await page.keyboard.press('ArrowRight');
  await waitFor('order history tab selected by keyboard', async () =>
    (await page.locator('#tab-history').getAttribute('aria-selected')) === 'true' && (await page.locator('#order-history').isVisible()));
  await waitFor('order history lists the cancelled orders', async () => (await page.locator('#order-history-body tr').count()) >= 2);
  const row = page.locator('#book-bids tr[data-price], #book-asks tr[data-price]').first();
  const price = await row.getAttribute('data-price');
  await row.focus();
  await page.keyboard.press('Enter');
  if ((await page.locator('#order-price').inputValue()) !== price) throw new Error('Enter on a book row did not copy its price');
  log('keyboard: tabs move with arrow keys, Enter on a book row fills the price');
}

async function phone(browser, email) {
  const u = await openUser(browser, base, 'phone', { width: 390, height: 844 });
  await u.page.locator('#auth-email').fill(email);
  await u.page.locator('#auth-password').fill(PASSWORD);
  await u.page.locator('#login-btn').click();
  await expectText(u.page, u.who, '#account-email', email);
  await u.page.locator('#tab-trades').click();
  await waitFor('phone: my trades listed', async () => (await u.page.locator('#my-trades-body tr').count()) > 0);
  const heads = await u.page.locator('#my-trades thead th').evaluateAll((ths) => ths.map((th) => {
    const r = th.getBoundingClientRect();
    return { text: th.textContent.trim(), right: r.right };
  }));
  const fit = await u.page.locator('#my-trades').evaluate((d) => ({ scroll: d.scrollWidth, client: d.clientWidth }));
  const names = heads.map((h) => h.text);
  if (!names.includes('Fee') || !names.includes('Role')) throw new Error(`my trades columns: ${names}`);
  const cut = heads.filter((h) => h.right > 390);
  if (cut.length > 0 || fit.scroll > fit.client) throw new Error(`phone: columns cut off: ${JSON.stringify({ cut, fit })}`);
  log(`phone: all my-trades columns visible (${names.join(', ')}), widest right edge ${Math.round(Math.max(...heads.map((h) => h.right)))} px`);
  if (shotDir) await shot([u], shotDir, 'phone');
  assertNoProblems(u, 'phone page: console errors/warnings and failed requests');
  return u;
}

async function logout(u) {
  await u.page.locator('#logout-btn').click();
  await waitFor('logged out', async () => (await u.page.locator('#auth-email').count()) === 1);
  const since = Date.now();
  await u.page.waitForTimeout(4000);
  const late = u.requests.filter((r) => r.at >= since && PRIVATE.test(r.url));
  if (late.length > 0) throw new Error(`private requests after log-out: ${late.map((r) => r.url).join(', ')}`);
  await expectText(u.page, u.who, '#conn', 'Live');
  assertNoProblems(u, 'after log-out: console errors/warnings and failed requests');
}

async function main() {
  const browser = await launch();
  const users = [];
  try {
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    await makeTrade(run);
    const anon = await anonymousVisit(browser);
    users.push(anon);
    await refusedAttempts(anon, run);
    const email = `ui-${run}@example.com`;
    await anon.page.locator('#auth-email').fill('');
    await signUp(anon, email);
    anon.who = 'trader';
    await testFunds(anon);
    await expectText(anon.page, anon.who, '[data-testid="bal-SKY-free"]', '1000.000000');
    await chartIntervals(anon);
    await orderErrors(anon);
    await keyboardAndCancelAll(anon);
    // A trade of the trader's own, for the phone's My trades: a market buy takes the 1 SKY ask (the rest of
    // the budget is not spent, a market order being immediate-or-cancel).
    await anon.page.locator('#side-buy').click();
    await anon.page.locator('#type-market').click();
    await anon.page.locator('#order-amount').fill('0.001');
    await anon.page.locator('#order-submit').click();
    await waitFor('market buy filled', async () => (await anon.page.locator('#my-trades-body tr').count()) > 0);
    if (shotDir) await shot([anon], shotDir, 'desktop');
    assertNoProblems(anon, 'desktop session: console errors/warnings and failed requests');
    users.push(await phone(browser, email));
    await logout(anon);
    log('PASS: page checks');
  } catch (e) {
    console.error(`FAIL: ${e.message}`);
    if (shotDir) await shot(users, shotDir, 'ui-fail').catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
