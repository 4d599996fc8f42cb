/** Wires the page: one store, one feed (WebSocket + REST), actions, and render-only components. */
import './style.css';
import { Actions } from './actions';
import { Feed } from './feed';
import { checkOrderForm } from './lib/orderform';
import { presetAmount } from './lib/presets';
import { initialState, Store, TIMEFRAMES, type AppState, type Tab, type Timeframe } from './store';
import { renderBook, renderGroupSelect } from './ui/book';
import { CandleChart } from './ui/chart';
import { renderDepth } from './ui/depth';
import { el } from './ui/format';
import { renderAccount, renderConnection, renderTicker } from './ui/header';
import { confirmText, mountOrderForm, readOrderForm, renderOrderForm } from './ui/orderform';
import { renderBalances, renderLedger, renderMyTrades, renderOpenOrders, renderOrderHistory, renderTabs, renderTrades } from './ui/tables';

const store = new Store(initialState);
const feed = new Feed(store);
const actions = new Actions(store, feed);

mountOrderForm(el('order-form-panel'));
el('timeframes').innerHTML = TIMEFRAMES.map((t) =>
  `<button type="button" class="chip" data-timeframe="${t}" aria-pressed="false">${t}</button>`).join('');
const chart = new CandleChart(el('chart'));

function renderChartFrame(s: AppState): void {
  for (const b of document.querySelectorAll<HTMLElement>('[data-timeframe]')) {
    const on = b.dataset.timeframe === s.timeframe;
    b.classList.toggle('active', on);
    b.setAttribute('aria-pressed', String(on));
  }
  for (const b of document.querySelectorAll<HTMLElement>('[data-chart]')) {
    const on = b.dataset.chart === s.chartMode;
    b.classList.toggle('active', on);
    b.setAttribute('aria-pressed', String(on));
  }
  el('chart').hidden = s.chartMode !== 'candles';
  el('timeframes').hidden = s.chartMode !== 'candles';
  el('depth-chart').hidden = s.chartMode !== 'depth';
  el('chart-empty').hidden = s.chartMode !== 'candles' || s.candles.length > 0;
}

type Part = (s: AppState) => void;
/** Each part re-renders only when the slices of state it reads have changed. */
const parts: Array<[Array<keyof AppState>, Part]> = [
  [['book', 'spec', 'groupStep'], (s) => renderBook(el('book'), s)],
  [['spec', 'groupStep'], (s) => renderGroupSelect(el<HTMLSelectElement>('group-select'), s)],
  [['trades', 'spec'], (s) => renderTrades(el('trades'), s)],
  [['ticker', 'trades', 'spec', 'dayCandles'], (s) => renderTicker(el('ticker'), s)],
  [['connection'], (s) => renderConnection(el('conn'), s)],
  [['me', 'authChecked', 'authError'], (s) => renderAccount(el('account'), s)],
  [['me', 'balances', 'spec'], (s) => renderBalances(el('balances'), s)],
  [['me', 'openOrders', 'spec', 'cancelling'], (s) => renderOpenOrders(el('open-orders'), s)],
  [['me', 'orderHistory', 'spec'], (s) => renderOrderHistory(el('order-history'), s)],
  [['me', 'myTrades', 'spec'], (s) => renderMyTrades(el('my-trades'), s)],
  [['me', 'ledger'], (s) => renderLedger(el('ledger'), s)],
  [['me', 'tab', 'openOrders', 'cancelling'], (s) => renderTabs(s)],
  [['me', 'balances', 'book', 'spec', 'orderError'], (s) => renderOrderForm(s)],
  [['candles', 'timeframe'], (s) => chart.render(s)],
  [['candles', 'timeframe', 'chartMode'], (s) => renderChartFrame(s)],
  [['book', 'chartMode'], (s) => { if (s.chartMode === 'depth') renderDepth(el('depth-chart'), s); }],
  [['notice'], (s) => renderNotice(s)],
];

let noticeTimer: ReturnType<typeof setTimeout> | null = null;
function renderNotice(s: AppState): void {
  const box = el('notice');
  box.textContent = s.notice?.text ?? '';
  box.className = `notice ${s.notice?.kind ?? ''} ${s.notice ? 'show' : ''}`;
  if (noticeTimer !== null) clearTimeout(noticeTimer);
  if (s.notice) noticeTimer = setTimeout(() => store.update({ notice: null }), 4000);
}

store.subscribe((s, prev) => {
  for (const [keys, render] of parts) if (keys.some((k) => s[k] !== prev[k])) render(s);
});
for (const [, render] of parts) render(store.state);

// Events are delegated from the document so that re-rendered markup needs no re-binding.
document.addEventListener('submit', (ev) => {
  const form = ev.target as HTMLFormElement;
  if (form.id === 'auth-form') {
    ev.preventDefault();
    const mode = (ev as SubmitEvent).submitter?.dataset.mode === 'signup' ? 'signup' : 'login';
    void actions.authenticate(mode, el<HTMLInputElement>('auth-email').value, el<HTMLInputElement>('auth-password').value);
  } else if (form.id === 'order-form') {
    ev.preventDefault();
    const check = checkOrderForm(readOrderForm(), store.state.spec, store.state.book);
    if (check.request === null) {
      store.update({ orderError: { code: null, field: check.error?.field ?? null, text: check.error?.message ?? 'Check the order' } });
      return;
    }
    if (el<HTMLInputElement>('order-confirm').checked && !window.confirm(confirmText(store.state))) return;
    const submit = el<HTMLButtonElement>('order-submit');
    submit.disabled = true;
    void actions.placeOrder(check.request).then((ok) => {
      submit.disabled = false;
      if (ok) el<HTMLInputElement>('order-amount').value = '';
      renderOrderForm(store.state);
    });
  }
});

function pick(group: 'side' | 'type', target: HTMLElement): void {
  const orderForm = el<HTMLFormElement>('order-form');
  orderForm.dataset[group] = target.dataset[group];
  for (const b of orderForm.querySelectorAll<HTMLElement>(`[data-${group}]`)) {
    b.classList.toggle('active', b === target);
    b.setAttribute('aria-pressed', String(b === target));
  }
  store.update({ orderError: null });
  renderOrderForm(store.state);
}

function usePreset(percent: number): void {
  const s = store.state;
  const form = readOrderForm();
  const free = { base: s.balances[s.spec.base]?.free ?? '0', quote: s.balances[s.spec.quote]?.free ?? '0' };
  const amount = presetAmount(form, percent, s.spec, free, s.book);
  el<HTMLInputElement>('order-amount').value = amount ?? '';
  store.update({ orderError: amount === null ? { code: null, field: 'amount', text: 'Not enough available balance (or no price) for this share' } : null });
  renderOrderForm(store.state);
}

function fillPrice(price: string): void {
  el<HTMLInputElement>('order-price').value = price;
  renderOrderForm(store.state);
}

document.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('button, tr[data-price]');
  if (target === null) return;
  const d = target.dataset;
  if (target.id === 'faucet-btn') void actions.faucet();
  else if (target.id === 'logout-btn') void actions.logout();
  else if (target.id === 'cancel-all-btn') void actions.cancelAll();
  else if (d.cancel !== undefined) void actions.cancel(d.cancel);
  else if (d.side !== undefined) pick('side', target);
  else if (d.type !== undefined) pick('type', target);
  else if (d.preset !== undefined) usePreset(Number(d.preset));
  else if (d.timeframe !== undefined) void feed.setTimeframe(d.timeframe as Timeframe);
  else if (d.chart !== undefined) store.update({ chartMode: d.chart === 'depth' ? 'depth' : 'candles' });
  else if (d.tab !== undefined) store.update({ tab: d.tab as Tab });
  else if (d.price !== undefined) fillPrice(d.price);
});

const TAB_ORDER: Tab[] = ['open', 'history', 'trades', 'ledger'];
document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement;
  if ((ev.key === 'Enter' || ev.key === ' ') && target.matches('tr[data-price]')) {
    ev.preventDefault();
    fillPrice(target.dataset.price ?? '');
    el<HTMLInputElement>('order-amount').focus();
  } else if ((ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') && target.matches('[role="tab"]')) {
    const i = TAB_ORDER.indexOf(store.state.tab);
    const next = TAB_ORDER[(i + (ev.key === 'ArrowRight' ? 1 : TAB_ORDER.length - 1)) % TAB_ORDER.length];
    store.update({ tab: next });
    el(`tab-${next}`).focus();
  }
});

document.addEventListener('change', (ev) => {
  const target = ev.target as HTMLElement;
  if (target.id === 'group-select') store.update({ groupStep: BigInt((target as HTMLSelectElement).value) });
  else if (target.id === 'order-tif') renderOrderForm(store.state);
});

document.addEventListener('input', (ev) => {
  const target = ev.target as HTMLElement;
  if (target.closest('#order-form')) {
    if (store.state.orderError !== null) store.update({ orderError: null });
    renderOrderForm(store.state);
  } else if (target.closest('#auth-form') && store.state.authError !== null) {
    store.update({ authError: null });
  }
});

void feed.start();
void actions.restoreSession();
