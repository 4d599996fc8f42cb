// The demo market maker of the local platform, written on the SkyX CCXT class (the example bot of the docs).
// One account quotes a ladder of post-only orders around a slowly moving fair price; a second account sends a
// small IOC order now and then, so a new user sees a moving book, trades and candles within seconds.
// Local test funds only (the faucet). Usage: node market-maker.mjs http://127.0.0.1:8080 [state-dir]
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ccxt from 'ccxt';
import skyx from './skyx.js';
import { createApiKey, randomPassword } from './account.mjs';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const stateDir = process.argv[3] ?? './data/market-maker';
const symbol = 'SKY/BTC';
const tick = 1e-8;
const urls = { api: { rest: base + '/api/v1', ws: base.replace(/^http/, 'ws') + '/ws' } };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Keys survive restarts (state-dir/keys.json), so the bot keeps its accounts and balances. */
async function keys() {
  mkdirSync(stateDir, { recursive: true });
  const file = join(stateDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const quoter = await createApiKey(base, 'demo-market-maker@skyx.local', randomPassword(), 'demo quotes');
  const flow = await createApiKey(base, 'demo-flow@skyx.local', randomPassword(), 'demo flow');
  const k = { quoter, flow };
  writeFileSync(file, JSON.stringify(k), { mode: 0o600 });
  return k;
}

async function topUp(ex, name) {
  const b = await ex.fetchBalance();
  if ((b.SKY?.free ?? 0) < 500 || (b.BTC?.free ?? 0) < 0.002) {
    await ex.privatePostFaucet();
    console.log(`${name}: asked the faucet for test funds`);
  }
}

async function main() {
  for (let i = 0; ; i++) {
    try {
      await fetch(base + '/api/v1/markets');
      break;
    } catch {
      if (i > 900) throw new Error('the platform did not come up at ' + base + ' within 15 minutes');
      await sleep(1000);
    }
  }
  const k = await keys();
  const quoter = new skyx({ ...k.quoter, urls });
  const flow = new skyx({ ...k.flow, urls });
  await quoter.loadMarkets();
  await flow.loadMarkets();
  let fair = 50 * tick;
  console.log(`demo market maker quoting ${symbol} on ${base}`);
  let lastAnswer = Date.now();
  for (let round = 0; ; round++) {
    try {
      if (round % 30 === 0) {
        await topUp(quoter, 'quoter');
        await topUp(flow, 'flow');
      }
      fair = Math.max(20 * tick, Math.round((fair + (Math.random() - 0.5) * 2 * tick) / tick) * tick);
      await quoter.cancelAllOrders(symbol);
      for (let level = 1; level <= 5; level++) {
        const size = 5 + Math.floor(Math.random() * 45);
        await quoter.createOrder(symbol, 'limit', 'buy', size, fair - level * tick, { postOnly: true });
        await quoter.createOrder(symbol, 'limit', 'sell', size, fair + level * tick, { postOnly: true });
      }
      if (Math.random() < 0.6) {
        const side = Math.random() < 0.5 ? 'buy' : 'sell';
        const price = side === 'buy' ? fair + 2 * tick : fair - 2 * tick;
        await flow.createOrder(symbol, 'limit', side, 1 + Math.floor(Math.random() * 10), price, { timeInForce: 'IOC' });
      }
      lastAnswer = Date.now();
    } catch (e) {
      console.log(`round ${round}: ${e.constructor.name}: ${e.message}`);
      if (e instanceof ccxt.NetworkError && Date.now() - lastAnswer > 30_000) {
        console.log('the platform has not answered for 30 s: stopping');
        process.exit(0);
      }
      if (!(e instanceof ccxt.NetworkError)) lastAnswer = Date.now();
    }
    await sleep(2000);
  }
}

main().catch((e) => {
  console.error('demo market maker stopped: ' + (e.stack ?? e));
  process.exit(1);
});
