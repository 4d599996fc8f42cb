// Browser test of the Account and Wallet pages against a local platform with the BTC regtest node: 2FA enrolment
// (the code computed here from the secret the page shows, RFC 6238), an API key with permissions, an IP
// allow-list and an expiry (secret shown once, then revoked), the whitelist cool-off shown, a deposit through
// the local faucet seen on the Wallet page with its confirmations, a refused withdrawal with its message beside
// the field, a BTC withdrawal with 2FA to an outside regtest address until it completes, SKY's deposit address
// with its QR code (SKY custody on the embedded node), the phone layout of the new pages, and no console errors.
// Usage: node web-ui/e2e/wallet.mjs <baseUrl> <screenshotDir> <outsideRegtestAddress> [relayKey relayDay]
// (exit code 0 = pass). The caller mines regtest blocks while it runs and may seed a settled relay whose
// receipts, payouts, claims, reports and refusals the Relays page must then show (BrowserWalletIT does both).
import { createHmac } from 'node:crypto';
import { assertNoProblems, expectProblem, launch, log, openUser, shot, signUp, text, waitFor } from './lib.mjs';

const [base, shotDir, outside, relayKey, relayDay] = process.argv.slice(2);
if (!base || !/^https?:\/\//.test(base) || !outside) {
  console.error('usage: node wallet.mjs <baseUrl> <screenshotDir> <outsideRegtestAddress>');
  process.exit(2);
}

/** RFC 4648 base32 (no padding) to bytes. */
function base32(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    bits += v.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

/** RFC 6238 TOTP (HMAC-SHA-1, 30 s, 6 digits) for the step of `atMs`. */
export function totp(secret, atMs = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30000)));
  const mac = createHmac('sha1', base32(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, '0');
}

/** A code of a later 30 s step than `usedStep` (each code is accepted once), waiting for that step if needed. */
async function freshCode(secret, usedStep) {
  while (Math.floor(Date.now() / 30000) <= usedStep) await new Promise((r) => setTimeout(r, 500));
  return { code: totp(secret), step: Math.floor(Date.now() / 30000) };
}

async function phoneFits(browser, state, path, mustSee) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, storageState: state });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  await page.goto(base + path, { waitUntil: 'domcontentloaded' });
  await page.locator(mustSee).first().waitFor({ state: 'visible' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 391) throw new Error(`${path} on a 390 px phone is ${width} px wide (horizontal scrolling)`);
  const box = await page.locator(mustSee).first().boundingBox();
  if (box === null || box.x < 0 || box.x + box.width > 391) throw new Error(`${path}: ${mustSee} does not fit 390 px: ${JSON.stringify(box)}`);
  if (shotDir) await page.screenshot({ path: `${shotDir}/phone-${path.replace(/\W/g, '')}.png`, fullPage: true });
  if (problems.length > 0) throw new Error(`${path} on a phone logged: ${JSON.stringify(problems)}`);
  log(`phone 390x844: ${path} fits (${width} px), ${mustSee} in view`);
  await context.close();
}

const browser = await launch();
const run = Date.now().toString(36);
let user = null;
try {
  user = await openUser(browser, base, 'wallet');
  const { page } = user;
  page.on('dialog', (d) => void d.accept());
  await signUp(user, `wallet-${run}@example.com`);

  // ---- Account: 2FA enrolment ----
  await page.goto(base + '/account.html');
  await waitFor('2FA state shown', async () => ((await text(page, '#twofa-state')) ?? '').startsWith('2FA is off'));
  await page.locator('#twofa-enrol').click();
  await page.locator('#twofa-qr').waitFor({ state: 'visible' });
  const qrOk = await page.locator('#twofa-qr').evaluate((img) => img.complete && img.naturalWidth > 0);
  if (!qrOk) throw new Error('the 2FA QR code image did not load');
  const secret = await text(page, '#twofa-secret');
  if (!/^[A-Z2-7]{32}$/.test(secret ?? '')) throw new Error(`unexpected 2FA secret ${secret}`);
  await page.locator('#tfa-code').fill('000000' === totp(secret) ? '111111' : '000000');
  await page.locator('#tfa-confirm').click();
  await waitFor('a wrong code is refused beside the field', async () => ((await text(page, '#tfa-code-error')) ?? '') !== '');
  log(`wrong 2FA code: "${await text(page, '#tfa-code-error')}"`);
  expectProblem(user, 403, '/api/v1/account/2fa/confirm');
  let step = Math.floor(Date.now() / 30000);
  await page.locator('#tfa-code').fill(totp(secret));
  await page.locator('#tfa-confirm').click();
  await waitFor('2FA on', async () => ((await text(page, '#twofa-state')) ?? '').startsWith('2FA is on'));
  log('2FA enrolled with a code computed from the secret the page showed');

  // ---- Account: API key with permissions, IP allow-list and expiry; secret shown once; revoke ----
  await page.locator('#key-label').fill('e2e bot');
  await page.locator('#key-withdraw').check();
  await page.locator('#key-ips').fill('127.0.0.1, 10.0.0.0/8');
  await page.locator('#key-expiry').fill('2099-12-31');
  await page.locator('#key-create').click();
  await page.locator('#new-secret').waitFor({ state: 'visible' });
  if (!/^[0-9a-f]{64}$/.test((await text(page, '#new-secret')) ?? '')) throw new Error('no 64-hex secret shown');
  await waitFor('key listed', async () => {
    const t = (await text(page, '#keys')) ?? '';
    return t.includes('read, trade, withdraw') && t.includes('127.0.0.1, 10.0.0.0/8') && t.includes('2099-12-31') ? true : t;
  });
  await page.locator('#key-secret-done').click();
  if ((await page.locator('#new-secret').count()) !== 0) throw new Error('the secret is still on the page');
  await page.locator('#key-ips').fill('not-an-ip');
  await page.locator('#key-create').click();
  await waitFor('a bad allow-list is refused beside its field', async () => ((await text(page, '#key-ips-error')) ?? '') !== '');
  await page.locator('[data-revoke]').first().click();
  await waitFor('key revoked', async () => ((await text(page, '#keys')) ?? '').includes('No API keys yet'));
  log('API key created with permissions, allow-list and expiry, secret shown once, revoked');

  // ---- Account: whitelist cool-off shown, auto-sweep needs the 2FA code ----
  await waitFor('cool-off shown', async () => /cool-off of \S/.test((await text(page, '#wl-state')) ?? ''));
  log(`whitelist: "${await text(page, '#wl-state')}"`);
  await page.locator('#sweep-address').fill(outside);
  await page.locator('#sweep-save').click();
  await waitFor('auto-sweep without a code is refused beside the code', async () => ((await text(page, '#sweep-code-error')) ?? '') !== '');
  expectProblem(user, 403, '/api/v1/account/auto-sweep');

  // ---- Wallet: deposit address with QR, the faucet's on-chain deposit with confirmations ----
  await page.goto(base + '/wallet.html');
  await waitFor('BTC deposit address', async () => ((await text(page, '#deposit-addr')) ?? '').startsWith('bcrt1'));
  if (!(await page.locator('#deposit-qr').evaluate((img) => img.complete && img.naturalWidth > 0))) throw new Error('no deposit QR');
  const firstAction = await page.locator('main > section:not([hidden])').first().getAttribute('id');
  if (firstAction !== 'send-panel') throw new Error(`the first section is ${firstAction}, not "Send to my own wallet"`);
  await page.locator('#faucet-btn').click();
  await waitFor('faucet deposit credited', async () => {
    const t = (await text(page, '#deposits')) ?? '';
    return t.includes('0.01000000 BTC') && t.includes('Credited') ? true : t;
  }, 90000);
  log(`deposit shown: "${await text(page, '#deposits tbody tr')}"`);
  await waitFor('balance shown', async () => ((await text(page, '#balances-table')) ?? '').includes('0.01000000'));

  // ---- Wallet: withdraw form errors beside the field, then a 2FA withdrawal to an outside address ----
  await page.locator('#wd-address').fill(outside);
  await page.locator('#wd-amount').fill('0.003');
  await page.locator('#wd-submit').click();
  await waitFor('2FA code asked beside its field', async () => ((await text(page, '#wd-code-error')) ?? '') !== '');
  await page.locator('#wd-amount').fill('5');
  await page.locator('#wd-submit').click();
  await waitFor('too much refused beside the amount', async () => ((await text(page, '#wd-amount-error')) ?? '').startsWith('More than'));
  let fresh = await freshCode(secret, step);
  step = fresh.step;
  await page.locator('#wd-address').fill('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
  await page.locator('#wd-amount').fill('0.003');
  await page.locator('#wd-code').fill(fresh.code);
  await page.locator('#wd-submit').click();
  await waitFor('a mainnet address refused beside the address', async () => ((await text(page, '#wd-address-error')) ?? '').includes('mainnet'));
  log(`refused: "${await text(page, '#wd-address-error')}"`);
  expectProblem(user, 400, '/api/v1/withdrawals');
  await page.locator('#wd-address').fill(outside);
  await page.locator('#wd-code').fill(fresh.code);
  await page.locator('#wd-submit').click();
  await waitFor('withdrawal requested', async () => ((await text(page, '#notice')) ?? '').startsWith('Withdrawal of 0.003 BTC'));
  await waitFor('withdrawal completed', async () => {
    const t = (await text(page, '#withdrawals')) ?? '';
    return t.includes('Completed') && t.includes('0.00300000 BTC') ? true : t;
  }, 120000);
  await waitFor('balance after the withdrawal and its fee', async () => ((await text(page, '#balances-table')) ?? '').includes('0.00697790'));
  log(`withdrawal shown: "${await text(page, '#withdrawals tbody tr')}"`);

  // ---- Wallet: SKY has its own deposit address (on the embedded node's private chain) with its QR code ----
  await page.locator('[data-asset="SKY"]').click();
  await waitFor('SKY deposit address', async () => {
    const addr = (await text(page, '#deposit-addr')) ?? '';
    return /^[1-9A-HJ-NP-Za-km-z]{25,36}$/.test(addr) && ((await text(page, '#deposit-address')) ?? '').includes('SKY') ? true : addr;
  });
  if (!(await page.locator('#deposit-qr').evaluate((img) => img.complete && img.naturalWidth > 0))) throw new Error('no SKY deposit QR');
  const skyAddr = await text(page, '#deposit-addr');
  await page.locator('[data-asset="BTC"]').click();
  await waitFor('back to the BTC address', async () => ((await text(page, '#deposit-addr')) ?? '').startsWith('bcrt1'));
  await page.locator('[data-asset="SKY"]').click();
  await waitFor('the same SKY address again', async () => (await text(page, '#deposit-addr')) === skyAddr);
  log(`SKY deposit address: ${skyAddr} (with its QR code; the same on a second look)`);

  // ---- Relays page: a bad key is refused beside the field; an unknown relay shows empty sections; runs ----
  await page.goto(base + '/relays.html');
  await page.locator('#relay-key').fill('12345');
  await page.locator('#relay-show').click();
  await waitFor('bad relay key refused', async () => ((await text(page, '#relay-key-error')) ?? '') !== '');
  await page.locator('#relay-key').fill('02' + 'ab'.repeat(32));
  await page.locator('#relay-show').click();
  await waitFor('relay sections shown', async () => ((await text(page, '#relay-reports')) ?? '').includes('No reports yet'));
  await page.locator('#runs-load').click();
  await waitFor('settlement runs shown', async () => ((await text(page, '#runs')) ?? '') !== '');
  if (relayKey) {
    await page.locator('#relay-key').fill(relayKey);
    await page.locator('#relay-show').click();
    const shows = async (id, ...parts) => waitFor(`${id} shows ${parts.join(', ')}`, async () => {
      const t = (await text(page, id)) ?? '';
      return parts.every((p) => t.includes(p)) ? true : t;
    });
    await shows('#relay-receipts', relayDay, '3.00 MB', ' SKY', 'ledger');
    await shows('#relay-payouts', relayDay, 'SkyX account', 'done');
    await shows('#relay-claims', relayDay);
    await shows('#relay-reports', relayDay, 'stcpr', '3.00 MB', '2.00 MB');
    await shows('#relay-refusals', 'BAD_SIGNATURE');
    await page.locator('#runs-load').click();
    // done / pending / refused: the relay with an account is paid in the ledger (done); the one without is paid on
    // chain when SKY custody runs (batched, then done once mined), so it may not be counted yet
    await waitFor(`#runs shows ${relayDay} with a payout done and none refused`, async () => {
      const row = page.locator('#runs tbody tr', { hasText: relayDay });
      if ((await row.count()) !== 1) return (await text(page, '#runs')) ?? '';
      const cell = ((await row.locator('td').nth(5).textContent()) ?? '').trim();
      return /^[1-9]\d* \/ \d+ \/ 0$/.test(cell) ? true : `payouts cell "${cell}"`;
    });
    log(`relay ${relayKey.slice(0, 10)}…: receipt "${await text(page, '#relay-receipts tbody tr')}", run "${await text(page, '#runs tbody tr')}"`);
    if (shotDir) await shot([user], shotDir, 'relays');
  }

  // ---- phone layout of the new pages ----
  const state = await user.context.storageState();
  await phoneFits(browser, state, '/wallet.html', '#wd-submit');
  await phoneFits(browser, state, '/account.html', '#key-create');
  await phoneFits(browser, state, '/relays.html', '#relay-show');

  assertNoProblems(user, 'Account, Wallet and Relays pages: console errors/warnings and unexpected failed requests');
  if (shotDir) await shot([user], shotDir, 'wallet-pass');
  console.log('PASS: 2FA enrolment, API key, whitelist cool-off, faucet deposit, 2FA withdrawal to an outside address, phone layout');
} catch (e) {
  console.error(`FAIL: ${e.stack ?? e}`);
  if (user && shotDir) await shot([user], shotDir, 'wallet-fail').catch(() => undefined);
  process.exitCode = 1;
} finally {
  await browser.close();
}
