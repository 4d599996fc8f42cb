// Browser end-to-end test of the trading page: two users sign up in two browser contexts, take test funds
// from the faucet, place crossing limit orders, and the page must show the trade and the exact new balances.
// Usage: node web-ui/e2e/trade.mjs <baseUrl> [screenshotDir]   (exit code 0 = pass; output explains failures)
// Drives Debian's /usr/bin/chromium through playwright-core; no browser is downloaded.
import { assertNoProblems, expectProblem, expectText, launch, log, openUser, shot, signUp, testFunds, text, waitFor } from './lib.mjs';

const base = process.argv[2];
const shotDir = process.argv[3] ?? null;
if (!base || !/^https?:\/\//.test(base)) {
  console.error('usage: node trade.mjs <baseUrl> [screenshotDir]');
  process.exit(2);
}

const SKY = 6;
const BTC = 8;
/** The preferred test price in satoshis; another is picked if the book already holds orders there. */
const PREFERRED_PRICE = 10_000n;
const AMOUNT = '10';

// ---- integer decimal helpers (money is never a JS number) ----
function units(text, decimals) {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text).trim());
  if (!m || (m[3] ?? '').length > decimals) throw new Error(`not a decimal with <= ${decimals} places: ${text}`);
  const v = BigInt(m[2] + (m[3] ?? '').padEnd(decimals, '0'));
  return m[1] === '-' ? -v : v;
}
function fmt(v, decimals) {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(decimals + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
}
/** rate (decimal string such as "0.001") times units, exact or the test refuses to guess the rounding. */
function feeOf(rate, amountUnits) {
  const r = /^(\d+)\.?(\d*)$/.exec(rate);
  if (!r) throw new Error(`bad fee rate ${rate}`);
  const scale = 10n ** BigInt(r[2].length);
  const num = BigInt(r[1] + r[2]) * amountUnits;
  if (num % scale !== 0n) throw new Error(`fee ${rate} x ${amountUnits} is not a whole unit; pick other test numbers`);
  return num / scale;
}

/**
 * A price (satoshis per SKY) strictly between the best bid and the best ask, so that the test's two orders meet
 * only each other; a multiple of 100 satoshis so that the 0.1 % and 0.2 % fees on 10 SKY are whole satoshis; and
 * low enough that 10 SKY plus fees fit in the faucet's 0.01 BTC.
 */
function pickPrice(bids, asks) {
  const bestBid = bids.reduce((a, b) => (b > a ? b : a), 0n);
  const bestAsk = asks.reduce((a, b) => (a === null || b < a ? b : a), null);
  const fits = (p) => p > bestBid && (bestAsk === null || p < bestAsk);
  if (fits(PREFERRED_PRICE)) return PREFERRED_PRICE;
  for (let p = (bestBid / 100n + 1n) * 100n; p <= 90_000n; p += 100n) if (fits(p)) return p;
  throw new Error(`no room in the spread (best bid ${bestBid}, best ask ${bestAsk} satoshis) for the test's orders`);
}

async function placeLimit({ who, page }, side, price, amount) {
  await page.locator(`#side-${side}`).click();
  await page.locator('#type-limit').click();
  await page.locator('#order-price').fill(price);
  await page.locator('#order-amount').fill(amount);
  const total = await text(page, '#order-total');
  log(`${who}: ${side} ${amount} @ ${price}, total preview ${total}`);
  await submitOrder({ who, page });
}

async function submitOrder({ who, page }) {
  await page.locator('#order-submit').click();
  await waitFor(`${who}: order accepted`, async () => {
    const err = await text(page, '#order-error');
    if (err) throw new Error(`order refused: ${err}`);
    return (await page.locator('#order-amount').inputValue()) === '' ? true : 'form not cleared yet';
  });
}

async function main() {
  const browser = await launch();
  const users = [];
  try {
    const alice = await openUser(browser, base, 'alice');
    const bob = await openUser(browser, base, 'bob');
    users.push(alice, bob);
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    const password = 'Sky-Trader-2026-correct-horse';
    await signUp(alice, `alice-${run}@example.com`, password);
    const bobEmail = `bob-${run}@example.com`;
    await signUp(bob, bobEmail, password);

    // Everything below must arrive live: the page polls REST only while its WebSocket is down, so insist on it.
    for (const u of users) await expectText(u.page, u.who, '#conn', 'Live');

    const market = await alice.page.evaluate(async () => (await (await fetch('/api/v1/markets')).json()).find((m) => m.id === 'SKY-BTC'));
    if (!market) throw new Error('GET /api/v1/markets has no SKY-BTC');
    log(`market fees: maker ${market.makerFee}, taker ${market.takerFee}`);

    // Test funds (the ITs' test-only credit; the faucet button against the product), shown in the page.
    for (const u of users) {
      await testFunds(u);
      await expectText(u.page, u.who, '[data-testid="bal-SKY-free"]', '1000.000000');
      await expectText(u.page, u.who, '[data-testid="bal-BTC-free"]', '0.01000000');
    }
    await expectText(bob.page, 'bob', '#order-available', '0.01000000 BTC');

    // The crossing orders must meet each other only: the price must lie strictly inside the spread.
    const prices = async (side) => (await bob.page.locator(`#book-${side} tr[data-price]`).evaluateAll((rows) => rows.map((r) => r.dataset.price)));
    await waitFor('bob: book snapshot', async () => ((await text(bob.page, '#book')) ?? '').includes('seq') && !(await text(bob.page, '#book')).includes('Waiting'));
    const PRICE = fmt(pickPrice((await prices('bids')).map((p) => units(p, BTC)), (await prices('asks')).map((p) => units(p, BTC))), BTC);
    const sky = units(AMOUNT, SKY);
    const btc = units(PRICE, BTC) * sky / 10n ** BigInt(SKY);
    log(`test price ${PRICE} BTC, notional ${fmt(btc, BTC)} BTC`);

    // Alice rests a sell; her funds lock, and Bob sees the ask arrive live over the WebSocket.
    await placeLimit(alice, 'sell', PRICE, AMOUNT);
    await waitFor('alice: open order row', async () => (await alice.page.locator('#open-orders-body tr[data-order-id]').count()) === 1);
    await expectText(alice.page, 'alice', '[data-testid="bal-SKY-used"]', '10.000000');
    await expectText(alice.page, 'alice', '[data-testid="bal-SKY-free"]', '990.000000');
    await expectText(bob.page, 'bob', `#book-asks tr[data-price="${PRICE}"] td:nth-child(2)`, '10.000000');

    // Bob's crossing buy shows the exact total before it is sent.
    await bob.page.locator('#side-buy').click();
    await bob.page.locator('#order-price').fill(PRICE);
    await bob.page.locator('#order-amount').fill(AMOUNT);
    await expectText(bob.page, 'bob', '#order-total', `${fmt(btc, BTC)} BTC`);
    await placeLimit(bob, 'buy', PRICE, AMOUNT);

    // The trade appears in both pages: recent trades (public stream) and my trades.
    for (const u of users) {
      await waitFor(`${u.who}: recent trade row`, async () => {
        const row = u.page.locator('#trades-body tr').first();
        if ((await row.count()) === 0) return 'no trades';
        const cells = await row.locator('td').allTextContents();
        return cells[0] === PRICE && cells[1] === '10.000000' ? true : cells;
      });
      await waitFor(`${u.who}: my trade row`, async () => {
        const row = u.page.locator('#my-trades-body tr').first();
        if ((await row.count()) === 0) return 'no trades';
        const cells = await row.locator('td').allTextContents();
        return cells[2] === PRICE && cells[3] === '10.000000' ? true : cells;
      });
      await waitFor(`${u.who}: no open orders`, async () => (await u.page.locator('#open-orders-body tr').count()) === 0);
      log(`${u.who}: sees the trade in recent trades and my trades; no open orders left`);
    }
    await waitFor('the ask left the book', async () => (await bob.page.locator(`#book-asks tr[data-price="${PRICE}"]`).count()) === 0);

    // Exact balances. Fees are in the quote asset (BTC): Alice (maker) sold 10 SKY and receives 0.001 BTC less
    // the maker fee; Bob (taker) receives 10 SKY and pays 0.001 BTC plus the taker fee.
    const faucetSky = units('1000', SKY);
    const faucetBtc = units('0.01', BTC);
    const expected = {
      alice: { SKY: fmt(faucetSky - sky, SKY), BTC: fmt(faucetBtc + btc - feeOf(market.makerFee, btc), BTC) },
      bob: { SKY: fmt(faucetSky + sky, SKY), BTC: fmt(faucetBtc - btc - feeOf(market.takerFee, btc), BTC) },
    };
    for (const u of users) {
      for (const asset of ['SKY', 'BTC']) {
        await expectText(u.page, u.who, `[data-testid="bal-${asset}-free"]`, expected[u.who][asset]);
        await expectText(u.page, u.who, `[data-testid="bal-${asset}-used"]`, fmt(0n, asset === 'SKY' ? SKY : BTC));
      }
    }
    const fees = { alice: feeOf(market.makerFee, btc), bob: feeOf(market.takerFee, btc) };
    for (const u of users) {
      await waitFor(`${u.who}: fee in my trades`, async () => {
        const cells = await u.page.locator('#my-trades-body tr').first().locator('td').allTextContents();
        return cells[4] === `${fmt(fees[u.who], BTC)} BTC` ? true : cells;
      });
      log(`${u.who}: my trade shows fee ${fmt(fees[u.who], BTC)} BTC`);
    }
    // A market buy from the page: Bob spends what 2 SKY cost at Alice's new ask, taker fee included; then
    // Alice cancels the rest of her order from the open-orders list and gets the locked SKY back.
    const price2 = units(PRICE, BTC) * 2n;
    const notional2 = price2 * 2n;
    const spend = notional2 + feeOf(market.takerFee, notional2);
    const askRow = `#book-asks tr[data-price="${fmt(price2, BTC)}"] td:nth-child(2)`;
    await placeLimit(alice, 'sell', fmt(price2, BTC), '5');
    await expectText(alice.page, 'alice', '[data-testid="bal-SKY-used"]', '5.000000');
    await waitFor('alice: second open order', async () => (await alice.page.locator('#open-orders-body tr[data-order-id]').count()) === 1);
    await expectText(bob.page, 'bob', askRow, '5.000000');
    await bob.page.locator('#side-buy').click();
    await bob.page.locator('#type-market').click();
    await expectText(bob.page, 'bob', '#amount-label', 'Spend');
    await bob.page.locator('#order-amount').fill(fmt(spend, BTC));
    await expectText(bob.page, 'bob', '#order-total', '≈ 2.000000 SKY');
    await submitOrder(bob);
    await expectText(bob.page, 'bob', askRow, '3.000000');
    await bob.page.locator('#type-limit').click();
    await alice.page.locator('#open-orders-body .cancel-btn').first().click();
    await waitFor('alice: order cancelled', async () => (await alice.page.locator('#open-orders-body tr').count()) === 0);
    await waitFor('the rest of the ask left the book', async () => (await bob.page.locator(askRow).count()) === 0);
    const two = units('2', SKY);
    expected.alice = {
      SKY: fmt(units(expected.alice.SKY, SKY) - two, SKY),
      BTC: fmt(units(expected.alice.BTC, BTC) + notional2 - feeOf(market.makerFee, notional2), BTC),
    };
    expected.bob = { SKY: fmt(units(expected.bob.SKY, SKY) + two, SKY), BTC: fmt(units(expected.bob.BTC, BTC) - spend, BTC) };
    for (const u of users) {
      for (const asset of ['SKY', 'BTC']) {
        await expectText(u.page, u.who, `[data-testid="bal-${asset}-free"]`, expected[u.who][asset]);
        await expectText(u.page, u.who, `[data-testid="bal-${asset}-used"]`, fmt(0n, asset === 'SKY' ? SKY : BTC));
      }
    }

    // Bad input: the form refuses an over-precise amount; the server's error (one error shape) is shown for
    // an order the account cannot pay for; neither changes a balance.
    await bob.page.locator('#side-sell').click();
    await bob.page.locator('#order-price').fill('0.00010000');
    await bob.page.locator('#order-amount').fill('1.5');
    await expectText(bob.page, 'bob', '#order-amount-error', 'Amount must be a multiple of 1 SKY');
    await bob.page.locator('#order-amount').fill('100000');
    await bob.page.locator('#order-submit').click();
    await waitFor('bob: server refusal shown', async () => {
      const code = await bob.page.locator('#order-error').getAttribute('data-code', { timeout: 300 });
      return code === 'INSUFFICIENT_FUNDS' ? true : `${code}: ${await text(bob.page, '#order-error')}`;
    });
    log(`bob: server refusal shown beside the amount: ${await text(bob.page, '#order-amount-error')}`);
    expectProblem(bob, 422, '/api/v1/orders');
    await bob.page.locator('#order-amount').fill('');
    await expectText(bob.page, 'bob', '[data-testid="bal-SKY-free"]', expected.bob.SKY);

    // Log out and back in: the session and its balances come back.
    await bob.page.locator('#logout-btn').click();
    await waitFor('bob: logged out', async () => (await bob.page.locator('#auth-email').count()) === 1);
    await bob.page.locator('#auth-email').fill(bobEmail);
    await bob.page.locator('#auth-password').fill(password);
    await bob.page.locator('#login-btn').click();
    await expectText(bob.page, 'bob', '#account-email', bobEmail);
    await expectText(bob.page, 'bob', '[data-testid="bal-BTC-free"]', expected.bob.BTC);
    await waitFor('bob: my trades after login', async () => (await bob.page.locator('#my-trades-body tr').count()) === 2);

    for (const u of users) await expectText(u.page, u.who, '#conn', 'Live');
    for (const u of users) assertNoProblems(u, 'console errors/warnings and failed requests');
    if (shotDir) await shot(users, shotDir, 'pass');
    log('PASS: trade seen in both pages and balances exact');
  } catch (e) {
    console.error(`FAIL: ${e.message}`);
    for (const u of users) {
      const panels = await u.page.evaluate(() =>
        ['account', 'balances', 'book', 'trades', 'open-orders', 'my-trades', 'conn', 'order-error']
          .map((id) => `${id}: ${(document.getElementById(id)?.innerText ?? '').replace(/\s+/g, ' ').slice(0, 400)}`)
          .join('\n')).catch(() => 'page not readable');
      console.error(`--- ${u.who}'s page ---\n${panels}`);
    }
    if (shotDir) await shot(users, shotDir, 'fail').catch(() => {});
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
