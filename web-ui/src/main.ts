/** Wires the page: one store, one feed (WebSocket + REST), actions, and render-only components. */
import './style.css';
import { Actions } from './actions';
import { Feed } from './feed';
import { checkOrderForm } from './lib/orderform';
import { initialState, Store, type AppState } from './store';
import { renderBook } from './ui/book';
import { CandleChart } from './ui/chart';
import { el } from './ui/format';
import { renderAccount, renderConnection, renderTicker } from './ui/header';
import { mountOrderForm, readOrderForm, renderOrderForm } from './ui/orderform';
import { renderBalances, renderMyTrades, renderOpenOrders, renderTrades } from './ui/tables';

const store = new Store(initialState);
const feed = new Feed(store);
const actions = new Actions(store, feed);

mountOrderForm(el('order-form-panel'));
const chart = new CandleChart(el('chart'));

type Part = (s: AppState) => void;
/** Each part re-renders only when the slices of state it reads have changed. */
const parts: Array<[Array<keyof AppState>, Part]> = [
  [['book', 'spec'], (s) => renderBook(el('book'), s)],
  [['trades', 'spec'], (s) => renderTrades(el('trades'), s)],
  [['ticker', 'trades', 'spec'], (s) => renderTicker(el('ticker'), s)],
  [['connection'], (s) => renderConnection(el('conn'), s)],
  [['me', 'authChecked', 'authError'], (s) => renderAccount(el('account'), s)],
  [['me', 'balances', 'spec'], (s) => renderBalances(el('balances'), s)],
  [['me', 'openOrders', 'spec'], (s) => renderOpenOrders(el('open-orders'), s)],
  [['me', 'myTrades', 'spec'], (s) => renderMyTrades(el('my-trades'), s)],
  [['me', 'balances', 'book', 'spec', 'orderError'], (s) => renderOrderForm(s)],
  [['candles'], (s) => chart.render(s)],
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
      store.update({ orderError: { code: null, text: check.error?.message ?? 'Check the order' } });
      return;
    }
    const submit = el<HTMLButtonElement>('order-submit');
    submit.disabled = true;
    void actions.placeOrder(check.request).then((ok) => {
      submit.disabled = false;
      if (ok) el<HTMLInputElement>('order-amount').value = '';
      renderOrderForm(store.state);
    });
  }
});

document.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('button, tr[data-price]');
  if (target === null) return;
  const orderForm = el<HTMLFormElement>('order-form');
  if (target.id === 'faucet-btn') void actions.faucet();
  else if (target.id === 'logout-btn') void actions.logout();
  else if (target.id === 'cancel-all-btn') void actions.cancelAll();
  else if (target.dataset.cancel !== undefined) void actions.cancel(target.dataset.cancel);
  else if (target.dataset.side !== undefined || target.dataset.type !== undefined) {
    const group = target.dataset.side !== undefined ? 'side' : 'type';
    orderForm.dataset[group] = target.dataset[group];
    for (const b of orderForm.querySelectorAll<HTMLElement>(`[data-${group}]`)) b.classList.toggle('active', b === target);
    store.update({ orderError: null });
    renderOrderForm(store.state);
  } else if (target.dataset.price !== undefined) {
    el<HTMLInputElement>('order-price').value = target.dataset.price;
    renderOrderForm(store.state);
  }
});

document.addEventListener('input', (ev) => {
  if ((ev.target as HTMLElement).closest('#order-form')) {
    if (store.state.orderError !== null) store.update({ orderError: null });
    renderOrderForm(store.state);
  }
});

void feed.start();
void actions.restoreSession();
