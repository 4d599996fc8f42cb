// An ordinary CCXT script against SkyX (the exchange class in skyx.js, the real ccxt package): two bots fund
// their accounts with the local faucet, trade with each other and watch the book. Exits 0 when every unified
// method answered as expected, 1 otherwise. Usage: node smoke.mjs http://127.0.0.1:8080
import skyx from './skyx.js';
import { createApiKey, randomPassword } from './account.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const urls = { api: { rest: base + '/api/v1', ws: base.replace(/^http/, 'ws') + '/ws' } };
const run = Date.now().toString(36);

function check(condition, what) {
  if (!condition) throw new Error('check failed: ' + what);
  console.log('ok  ' + what);
}

// The local faucet pays on chain. The app of the test suite (CcxtIT) runs without chains: its faucet refuses
// (FAUCET_UNAVAILABLE) and its test classpath serves a test-only credit instead.
async function funded(ex) {
  try {
    await ex.privatePostFaucet();
  } catch (e) {
    if (!String(e.message).includes('FAUCET_UNAVAILABLE')) throw e;
    await ex.privatePostTestFunds();
    console.log('no chain here: test-only credit');
  }
  for (let i = 0; i < 120; i++) {
    const b = await ex.fetchBalance();
    if ((b.SKY?.free ?? 0) > 0 && (b.BTC?.free ?? 0) > 0) return b;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('faucet funds did not arrive within 120 s');
}

async function main() {
  const maker = new skyx({ ...(await createApiKey(base, `ccxt-maker-${run}@example.com`, randomPassword())), urls });
  const taker = new skyx({ ...(await createApiKey(base, `ccxt-taker-${run}@example.com`, randomPassword())), urls });
  const markets = await maker.fetchMarkets();
  check(markets.some((m) => m.symbol === 'SKY/BTC'), 'fetchMarkets lists SKY/BTC');
  const ticker = await maker.fetchTicker('SKY/BTC');
  check(ticker.symbol === 'SKY/BTC', 'fetchTicker');
  const balance = await funded(maker);
  await funded(taker);
  check(balance.SKY.free > 0, 'fetchBalance shows faucet SKY');

  const book = maker.watchOrderBook('SKY/BTC');
  const first = await book;
  check(Array.isArray(first.bids), 'watchOrderBook snapshot');

  // our ask goes one tick under the best ask (others may be trading here too), so the taker meets it first
  const tick = 1e-8;
  const before = await maker.fetchOrderBook('SKY/BTC', 5);
  const bestAsk = before.asks.length ? before.asks[0][0] : 0.001;
  const bestBid = before.bids.length ? before.bids[0][0] : 0;
  const price = Math.round((bestAsk - tick) / tick) * tick;
  check(price > bestBid, 'there is room for a new best ask');
  const ask = await maker.createOrder('SKY/BTC', 'limit', 'sell', 5, price, { clientOrderId: 'smoke-' + run });
  check(ask.status === 'open' && ask.clientOrderId === 'smoke-' + run, 'createOrder rests a limit sell');
  let seen = false;
  for (let i = 0; i < 100 && !seen; i++) {
    // the watched book is updated in place by every delta; the ask's delta may already have arrived
    seen = maker.orderbooks['SKY/BTC'].asks.some(([p]) => Math.abs(p - price) < tick / 2);
    if (!seen) await new Promise((r) => setTimeout(r, 100));
  }
  check(seen, 'watchOrderBook shows the new ask');
  const ob = await taker.fetchOrderBook('SKY/BTC', 10);
  check(ob.asks.length > 0 && Number.isInteger(ob.nonce), 'fetchOrderBook with its sequence number');
  const buy = await taker.createOrder('SKY/BTC', 'limit', 'buy', 2, price, { timeInForce: 'IOC' });
  check(buy.filled === 2, 'createOrder fills an IOC buy against the ask');
  const trades = await taker.fetchMyTrades('SKY/BTC', undefined, 5);
  check(trades.length > 0 && trades[0].amount === 2, 'fetchMyTrades');
  const open = await maker.fetchOpenOrders('SKY/BTC');
  check(open.some((o) => o.id === ask.id && o.remaining === 3), 'fetchOpenOrders shows the partly filled ask');
  const canceled = await maker.cancelOrder(ask.id, 'SKY/BTC');
  check(canceled.status === 'canceled', 'cancelOrder');
  await maker.createOrder('SKY/BTC', 'limit', 'sell', 1, price + 10 * tick, { postOnly: true });
  const all = await maker.cancelAllOrders('SKY/BTC');
  check(all.length >= 1 && all.every((o) => o.status === 'canceled'), 'cancelAllOrders');
  const candles = await maker.fetchOHLCV('SKY/BTC', '1m', undefined, 10);
  check(candles.length > 0 && candles.at(-1).length === 6, 'fetchOHLCV');
  try {
    await taker.createOrder('SKY/BTC', 'limit', 'buy', 1_000_000_000, price);
    check(false, 'an unaffordable order is refused');
  } catch (e) {
    check(e.constructor.name === 'InsufficientFunds' || e.constructor.name === 'InvalidOrder',
      `an unaffordable order is refused (${e.constructor.name})`);
  }
  await maker.close();
  await taker.close();
  console.log('CCXT smoke: all checks passed');
}

main().then(() => process.exit(0), (e) => {
  console.error('CCXT smoke FAILED: ' + (e.stack ?? e));
  process.exit(1);
});
