/**
 * The Wallet page: "send to my own wallet" first, balances, the deposit address with its QR code (and the local
 * faucet), deposits and withdrawals with their confirmations. An asset whose custody the server does not offer
 * shows the server's message instead of an address.
 */
import '../style.css';
import { accountApi, api, ApiError, type Balances, type DepositDto, type SecurityDto, type SweepDto, type WhitelistEntryDto, type WithdrawalDto, type WithdrawalFeeDto } from '../api';
import { checkWithdraw, confirmationsText, paymentUri, requestKey, withdrawalStep, type WithdrawField } from '../lib/wallet';
import { amountOf } from '../ui/format';
import { byId, h, table } from '../ui/dom';
import { errorText, FormErrors, renderWho, say, short, signedInUser, when } from './common';

const ASSETS = ['BTC', 'SKY'] as const;
const POLL_MS = 4000;

interface WalletState {
  asset: string;
  balances: Balances;
  security: SecurityDto | null;
  whitelist: { enabled: boolean; entries: WhitelistEntryDto[] };
  sweeps: SweepDto[];
  /** Assets whose custody endpoints answered with a refusal, with the server's message. */
  unavailable: Map<string, string>;
  /** Assets whose deposit address the server gave: only their history is asked for. */
  available: Set<string>;
  /** The withdrawal fee quoted per asset (shown before confirming). */
  fees: Map<string, WithdrawalFeeDto>;
}

const state: WalletState = { asset: 'BTC', balances: {}, security: null, whitelist: { enabled: false, entries: [] }, sweeps: [], unavailable: new Map(), available: new Set(), fees: new Map() };
const errors = new FormErrors<WithdrawField>('wd', ['address', 'amount', 'code']);

function unavailableText(asset: string, message: string): string {
  return `${asset} deposits and withdrawals are not available on this platform yet (${message}).`;
}

function renderBalances(): void {
  const rows = ASSETS.map((a) => {
    const b = state.balances[a];
    return [a, amountOf(a, b?.free ?? '0'), amountOf(a, b?.used ?? '0'), amountOf(a, b?.total ?? '0')];
  });
  const t = table(['Asset', 'Available', 'In orders', 'Total'], rows);
  t.id = 'balances-table';
  byId('wallet-balances').replaceChildren(t);
  const free = state.balances[state.asset]?.free ?? null;
  const fee = state.fees.get(state.asset);
  const feeText = fee ? `network fee ${amountOf(state.asset, fee.fee)} ${state.asset}, added on top` : 'the network fee is added on top';
  byId('wd-free').textContent = free === null ? '' : `Available: ${amountOf(state.asset, free)} ${state.asset} (${feeText})`;
}

function renderOwnAddresses(): void {
  const own: { label: string; address: string }[] = [];
  for (const s of state.sweeps) if (s.asset === state.asset) own.push({ label: 'My auto-sweep address', address: s.address });
  for (const e of state.whitelist.entries) {
    if (e.asset === state.asset && e.usable) own.push({ label: e.label ?? short(e.address, 6).textContent ?? e.address, address: e.address });
  }
  byId('own-addresses').replaceChildren(...own.map((o) => {
    const b = h('button', { type: 'button', class: 'chip', title: o.address }, o.label);
    b.addEventListener('click', () => {
      byId<HTMLInputElement>('wd-address').value = o.address;
      byId<HTMLInputElement>('wd-amount').focus();
    });
    return b;
  }));
  byId('wd-code-box').hidden = state.security?.twoFactor !== 'on';
  byId('wd-unit').textContent = `(${state.asset})`;
}

async function renderDepositAddress(): Promise<void> {
  const box = byId('deposit-address');
  const asset = state.asset;
  try {
    const d = await accountApi.depositAddress(asset);
    state.unavailable.delete(asset);
    state.available.add(asset);
    const uri = paymentUri(asset, d.address);
    const qr = await accountApi.qr(uri);
    if (asset !== state.asset) return;
    box.replaceChildren(
      h('p', null, `Send only ${asset} (${d.network}) to this address; it is credited after its confirmations.`),
      h('img', { src: qr.qrPng, alt: `QR code of ${uri}`, width: '180', height: '180', class: 'qr', id: 'deposit-qr' }),
      h('p', null, h('code', { id: 'deposit-addr', class: 'break' }, d.address)));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    state.unavailable.set(asset, errorText(e));
    state.available.delete(asset);
    box.replaceChildren(h('p', { id: 'deposit-unavailable', class: 'bad' }, unavailableText(asset, errorText(e))));
  }
}

function renderDeposits(list: readonly DepositDto[]): void {
  const asset = state.asset;
  byId('deposits').replaceChildren(list.length === 0 ? h('p', { class: 'empty' }, `No ${asset} deposits yet.`)
    : table(['Time', 'Amount', 'Confirmations', 'Status', 'Transaction'], list.map((d) => [
      when(d.timestamp), `${amountOf(asset, d.amount)} ${asset}`,
      h('span', { 'data-confirmations': String(d.confirmations) }, confirmationsText(d.confirmations, d.requiredConfirmations)),
      h('span', { class: d.status === 'ok' ? 'ok' : 'dim' }, d.status === 'ok' ? 'Credited' : 'Confirming'),
      short(`${d.txid}:${d.vout}`, 8)])));
}

function renderWithdrawals(list: readonly WithdrawalDto[]): void {
  const asset = state.asset;
  byId('withdrawals').replaceChildren(list.length === 0 ? h('p', { class: 'empty' }, `No ${asset} withdrawals yet.`)
    : table(['Time', 'Amount', 'Fee', 'To', 'Step', 'Confirmations', 'Transaction'], list.map((w) => [
      when(w.timestamp), `${amountOf(asset, w.amount)} ${asset}`, amountOf(asset, w.fee), short(w.address, 8),
      h('span', { class: w.status === 'ok' ? 'ok' : w.status === 'failed' ? 'bad' : 'dim', 'data-state': w.state }, withdrawalStep(w.state)),
      String(w.confirmations), (w.txid ?? null) === null ? '—' : short(w.txid ?? '', 8)])));
}

async function refreshHistory(): Promise<void> {
  const asset = state.asset;
  if (state.unavailable.has(asset)) {
    const text = h('p', { class: 'empty' }, unavailableText(asset, state.unavailable.get(asset) ?? ''));
    byId('deposits').replaceChildren(text);
    byId('withdrawals').replaceChildren(text.cloneNode(true));
    return;
  }
  if (!state.available.has(asset)) return;
  const [deposits, withdrawals, balances] = await Promise.all([accountApi.deposits(asset), accountApi.withdrawals(asset), api.balances()]);
  if (asset !== state.asset) return;
  state.balances = balances;
  renderDeposits(deposits);
  renderWithdrawals(withdrawals);
  renderBalances();
}

async function refreshAll(): Promise<void> {
  const [balances, security, whitelist, sweeps] = await Promise.all([api.balances(), accountApi.security(),
    accountApi.whitelist(), accountApi.sweeps()]);
  Object.assign(state, { balances, security, whitelist, sweeps });
  try {
    state.fees = new Map((await accountApi.withdrawalFees()).map((f) => [f.asset, f]));
  } catch {
    state.fees = new Map();
  }
  renderBalances();
  renderOwnAddresses();
  await renderDepositAddress();
  await refreshHistory();
}

function pickAsset(asset: string): void {
  state.asset = asset;
  for (const b of document.querySelectorAll<HTMLElement>('[data-asset]')) {
    const on = b.dataset.asset === asset;
    b.classList.toggle('active', on);
    b.setAttribute('aria-pressed', String(on));
  }
  errors.clear();
  renderBalances();
  renderOwnAddresses();
  void renderDepositAddress().then(refreshHistory).catch((e: unknown) => say('notice', errorText(e), 'bad'));
}

function mount(): void {
  for (const b of document.querySelectorAll<HTMLElement>('[data-asset]')) {
    b.addEventListener('click', () => pickAsset(b.dataset.asset ?? 'BTC'));
  }
  byId<HTMLFormElement>('wd').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const wl = state.whitelist;
    const check = checkWithdraw({
      asset: state.asset, address: byId<HTMLInputElement>('wd-address').value,
      amount: byId<HTMLInputElement>('wd-amount').value, code: byId<HTMLInputElement>('wd-code').value,
    }, {
      free: state.balances[state.asset]?.free ?? null, twoFactor: state.security?.twoFactor === 'on', whitelistOn: wl.enabled,
      usable: wl.entries.filter((e) => e.usable),
    });
    if (check.request === null) {
      errors.show(check.error?.field ?? null, check.error?.message ?? 'Check the form');
      return;
    }
    errors.clear();
    const submit = byId<HTMLButtonElement>('wd-submit');
    submit.disabled = true;
    accountApi.withdraw(check.request, requestKey(crypto.getRandomValues(new Uint8Array(16))))
      .then(async (w) => {
        say('notice', `Withdrawal of ${w.amount} ${w.asset} requested: ${withdrawalStep(w.state)}`, 'ok');
        byId<HTMLInputElement>('wd-amount').value = '';
        byId<HTMLInputElement>('wd-code').value = '';
        await refreshHistory();
      })
      .catch((e: unknown) => errors.fail(e))
      .finally(() => { submit.disabled = false; });
  });
  byId('faucet-btn').addEventListener('click', () => {
    const button = byId<HTMLButtonElement>('faucet-btn');
    button.disabled = true;
    say('faucet-status', 'Requesting test funds…');
    api.faucet()
      .then(async () => {
        say('faucet-status', 'Test funds sent: BTC arrives as an on-chain deposit, listed below with its confirmations.', 'ok');
        await refreshHistory();
      })
      .catch((e: unknown) => say('faucet-status', errorText(e), 'bad'))
      .finally(() => { button.disabled = false; });
  });
}

async function main(): Promise<void> {
  const me = await signedInUser();
  renderWho(byId('who'), me);
  if (me === null) {
    byId('signed-out').hidden = false;
    return;
  }
  for (const id of ['asset-pick', 'send-panel', 'balances-panel', 'deposit-panel', 'history-panel']) byId(id).hidden = false;
  mount();
  await refreshAll();
  setInterval(() => {
    if (document.visibilityState === 'visible') refreshHistory().catch(() => undefined);
  }, POLL_MS);
}

main().catch((e: unknown) => say('notice', `The wallet could not be loaded: ${errorText(e)}`, 'bad'));
