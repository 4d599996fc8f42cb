// Browser test of the one WebSocket provider: the page's stream is cut (Playwright's WebSocket routing closes it
// and holds the reconnect silent) while two users trade and quote over REST; once the stream comes back the page
// must show every trade exactly once (none lost, none twice) and the same book as the REST snapshot.
// Usage: node web-ui/e2e/resume.mjs <baseUrl> [screenshotDir]   (exit code 0 = pass)
import { apiUser, assertNoProblems, expectText, launch, log, shot, TIMEOUT, waitFor } from './lib.mjs';

const base = process.argv[2];
const shotDir = process.argv[3] ?? null;
if (!base || !/^https?:\/\//.test(base)) {
  console.error('usage: node resume.mjs <baseUrl> [screenshotDir]');
  process.exit(2);
}

const sat = (p) => { const [w, f = ''] = p.split('.'); return BigInt(w + f.padEnd(8, '0')); };
const droplets = (a) => { const [w, f = ''] = a.split('.'); return BigInt(w + f.padEnd(6, '0')); };
const fmt = (v) => `0.${v.toString().padStart(8, '0')}`;

async function tradeIds(page) {
  return page.locator('#trades-body tr[data-trade-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-trade-id')));
}

const browser = await launch();
const run = Date.now().toString(36);
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await context.newPage();
const user = { who: 'resume', context, page, problems: [], requests: [] };
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') user.problems.push(`console.${m.type()}: ${m.text()}`); });
page.on('pageerror', (e) => user.problems.push(`pageerror: ${e.message}`));
page.on('response', (r) => { if (r.status() >= 400) user.problems.push(`HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`); });
page.setDefaultTimeout(TIMEOUT);

const routes = [];
let hold = false;
await context.routeWebSocket(/\/ws$/, (ws) => {
  routes.push(ws);
  if (!hold) ws.connectToServer();
});

try {
  const maker = await apiUser(base, `resume-maker-${run}@example.com`);
  const taker = await apiUser(base, `resume-taker-${run}@example.com`);
  await page.goto(base + '/', { waitUntil: 'domcontentloaded' });
  await expectText(page, user.who, '#conn', 'Live');

  const book = await maker.get('/api/v1/markets/SKY-BTC/orderbook?limit=1');
  const bid = book.bids.length ? sat(book.bids[0][0]) : 0n;
  const ask = book.asks.length ? sat(book.asks[0][0]) : bid + 30_000n;
  if (ask - bid < 10n) throw new Error(`no room in the spread ${bid}..${ask}`);
  const p = bid + (ask - bid) / 2n;
  const trade = async (amount) => {
    await maker.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'sell', type: 'limit', price: fmt(p), amount });
    await taker.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'buy', type: 'limit', price: fmt(p), amount });
    return (await maker.get('/api/v1/markets/SKY-BTC/trades?limit=1'))[0].id;
  };
  const before = await trade('2');
  await waitFor('the first trade on the page', async () => (await tradeIds(page)).includes(String(before)));
  log(`trade ${before} shown live`);

  // Cut the stream; the page's reconnect is held open but silent, so nothing reaches it while we trade.
  hold = true;
  const live = routes.length;
  for (const r of routes) await r.close({ code: 4000, reason: 'test: cut' });
  await waitFor('the page reconnected into the held socket', async () => routes.length > live);
  // A reconnect reloads the REST state; let that finish before trading, so only the stream could bring news.
  await page.waitForLoadState('networkidle');
  await new Promise((r) => setTimeout(r, 1500));
  const during = [await trade('3'), await trade('4')];
  await maker.call('POST', '/api/v1/orders', { market: 'SKY-BTC', side: 'sell', type: 'limit', price: fmt(p + 3n), amount: '5' });
  await new Promise((r) => setTimeout(r, 1000));
  const seen = await tradeIds(page);
  if (during.some((id) => seen.includes(String(id)))) throw new Error('a trade reached the page while its stream was cut');
  log(`trades ${during.join(', ')} and an ask at ${fmt(p + 3n)} made while the stream was cut`);

  // Let the stream back: close the held socket; the next one connects and resumes.
  hold = false;
  const held = routes.length;
  for (const r of routes.slice(live)) await r.close({ code: 4000, reason: 'test: resume' });
  await waitFor('a new connection to the server', async () => routes.length > held);
  await expectText(page, user.who, '#conn', 'Live');
  await waitFor('the trades made during the cut shown', async () => {
    const ids = await tradeIds(page);
    return during.every((id) => ids.includes(String(id))) ? true : ids.slice(0, 5);
  });
  await new Promise((r) => setTimeout(r, 2000));
  const ids = await tradeIds(page);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length > 0) throw new Error(`trades shown twice after the resume: ${dupes.join(', ')}`);
  for (const id of [before, ...during]) if (ids.filter((x) => x === String(id)).length !== 1) throw new Error(`trade ${id} not shown exactly once`);
  log(`after the resume every trade is shown exactly once (${ids.length} rows)`);

  const rest = await maker.get('/api/v1/markets/SKY-BTC/orderbook?limit=20');
  const shown = await page.locator('#book tr.ask[data-price]').evaluateAll((rows) =>
    rows.map((r) => [r.getAttribute('data-price'), r.children[1]?.textContent?.trim() ?? '']));
  const want = new Map(rest.asks.map(([pr, a]) => [sat(pr), droplets(a)]));
  const got = new Map(shown.map(([pr, a]) => [sat(pr), droplets(a)]));
  for (const [pr, a] of want) if (got.get(pr) !== a) throw new Error(`ask ${fmt(pr)}: page ${got.get(pr)} droplets, REST ${a}`);
  if (got.size !== want.size) throw new Error(`page shows ${got.size} ask levels, REST ${want.size}`);
  log(`the page's asks equal the REST book (${want.size} levels, including ${fmt(p + 3n)})`);

  await maker.call('DELETE', '/api/v1/orders?market=SKY-BTC');
  await maker.dispose();
  await taker.dispose();
  assertNoProblems(user, 'WebSocket cut and resume: console errors/warnings and failed requests');
  console.log('PASS: the stream was cut and resumed without losing or duplicating a trade; the book matches REST');
} catch (e) {
  console.error(`FAIL: ${e.stack ?? e}`);
  if (shotDir) await shot([user], shotDir, 'resume-fail').catch(() => undefined);
  process.exitCode = 1;
} finally {
  await browser.close();
}
