/** Recent trades, balances, and the tabs: open orders, order history, my trades, ledger. Plain tables from state. */
import type { OrderDto } from '../api';
import type { AppState, Tab } from '../store';
import { amountOf, esc, timeOf } from './format';

export function renderTrades(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  root.innerHTML = s.trades.length === 0
    ? '<p class="empty">No trades yet</p>'
    : `<table class="grid"><thead><tr><th scope="col">Price</th><th scope="col">Amount</th><th scope="col">Time</th></tr></thead><tbody id="trades-body">${s.trades
        .map((t) => `<tr data-trade-id="${esc(t.id)}" class="${t.side === 'sell' ? 'ask' : 'bid'}">
          <td class="num price">${esc(amountOf(quote, t.price))}</td><td class="num">${esc(amountOf(base, t.amount))}</td>
          <td class="num dim">${esc(timeOf(t.timestamp))}</td></tr>`)
        .join('')}</tbody></table>`;
}

export function renderBalances(root: HTMLElement, s: AppState): void {
  if (s.me === null) {
    root.innerHTML = '<p class="empty">Log in to see your balances</p>';
    return;
  }
  const assets = [s.spec.base, s.spec.quote, ...Object.keys(s.balances).filter((a) => a !== s.spec.base && a !== s.spec.quote)];
  root.innerHTML = `<table class="grid balances"><thead><tr><th scope="col">Asset</th><th scope="col">Free</th><th scope="col">In orders</th></tr></thead><tbody>${assets
    .map((a) => {
      const b = s.balances[a];
      return `<tr data-asset="${esc(a)}"><td>${esc(a)}</td>
        <td class="num" data-testid="bal-${esc(a)}-free">${esc(amountOf(a, b?.free ?? '0'))}</td>
        <td class="num dim" data-testid="bal-${esc(a)}-used">${esc(amountOf(a, b?.used ?? '0'))}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

const TIF_SHORT: Record<string, string> = { GTC: '', PO: ' post-only', IOC: ' IOC', FOK: ' FOK' };

function kind(o: OrderDto): string {
  return `${esc(o.side)} ${esc(o.type)}${o.type === 'limit' ? esc(TIF_SHORT[o.timeInForce ?? 'GTC'] ?? '') : ''}`;
}

/** Shows the active tab's panel and marks its button; only the active tab is in the Tab order (arrow keys move). */
export function renderTabs(s: AppState): void {
  const panels: Record<Tab, string> = { open: 'open-orders', history: 'order-history', trades: 'my-trades', ledger: 'ledger' };
  for (const [tab, panel] of Object.entries(panels) as Array<[Tab, string]>) {
    const button = document.getElementById(`tab-${tab}`);
    const body = document.getElementById(panel);
    button?.setAttribute('aria-selected', String(tab === s.tab));
    button?.setAttribute('tabindex', tab === s.tab ? '0' : '-1');
    button?.classList.toggle('active', tab === s.tab);
    if (body !== null) body.hidden = tab !== s.tab;
  }
  const cancelAll = document.getElementById('cancel-all-btn') as HTMLButtonElement | null;
  if (cancelAll !== null) {
    cancelAll.hidden = s.me === null || s.openOrders.length === 0 || s.tab !== 'open';
    cancelAll.disabled = s.cancelling.includes('*');
    cancelAll.textContent = s.cancelling.includes('*') ? 'Cancelling…' : 'Cancel all';
  }
}

function signedOut(what: string): string {
  return `<p class="empty">Log in to see your ${what}</p>`;
}

export function renderOpenOrders(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  if (s.me === null) {
    root.innerHTML = signedOut('orders');
    return;
  }
  root.innerHTML = s.openOrders.length === 0
    ? '<p class="empty">No open orders</p>'
    : `<table class="grid"><thead><tr><th scope="col">Time</th><th scope="col">Side</th><th scope="col">Price</th><th scope="col">Amount</th><th scope="col">Filled</th><th scope="col"><span class="sr-only">Action</span></th></tr></thead>
      <tbody id="open-orders-body">${s.openOrders
        .map((o) => {
          const busy = s.cancelling.includes(String(o.id)) || s.cancelling.includes('*');
          return `<tr data-order-id="${esc(o.id)}">
          <td class="dim">${esc(timeOf(o.timestamp))}</td><td class="${o.side === 'sell' ? 'neg' : 'pos'} wrap">${kind(o)}</td>
          <td class="num">${esc(amountOf(quote, o.price))}</td><td class="num">${esc(amountOf(base, o.amount))}</td>
          <td class="num">${esc(amountOf(base, o.filled))}</td>
          <td><button type="button" class="link cancel-btn" data-cancel="${esc(o.id)}" ${busy ? 'disabled' : ''}
            aria-label="Cancel order ${esc(o.id)}">${busy ? '…' : 'Cancel'}</button></td></tr>`;
        })
        .join('')}</tbody></table>`;
}

export function renderOrderHistory(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  if (s.me === null) {
    root.innerHTML = signedOut('order history');
    return;
  }
  root.innerHTML = s.orderHistory.length === 0
    ? '<p class="empty">No closed orders yet</p>'
    : `<table class="grid"><thead><tr><th scope="col">Time</th><th scope="col">Side</th><th scope="col">Price</th><th scope="col">Filled</th><th scope="col">Status</th></tr></thead>
      <tbody id="order-history-body">${s.orderHistory
        .map((o) => `<tr data-order-id="${esc(o.id)}">
          <td class="dim">${esc(timeOf(o.timestamp))}</td><td class="${o.side === 'sell' ? 'neg' : 'pos'} wrap">${kind(o)}</td>
          <td class="num">${esc(o.price === null || o.price === undefined ? 'market' : amountOf(quote, o.price))}</td>
          <td class="num wrap">${esc(amountOf(base, o.filled))} / ${esc(amountOf(base, o.amount))}</td>
          <td class="dim">${esc(o.status)}</td></tr>`)
        .join('')}</tbody></table>`;
}

export function renderMyTrades(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  if (s.me === null) {
    root.innerHTML = signedOut('trades');
    return;
  }
  root.innerHTML = s.myTrades.length === 0
    ? '<p class="empty">No trades yet</p>'
    : `<table class="grid"><thead><tr><th scope="col">Time</th><th scope="col">Side</th><th scope="col">Price</th><th scope="col">Amount</th><th scope="col">Fee</th><th scope="col">Role</th></tr></thead>
      <tbody id="my-trades-body">${s.myTrades
        .map((t) => `<tr data-trade-id="${esc(t.id)}">
          <td class="dim">${esc(timeOf(t.timestamp))}</td><td class="${t.side === 'sell' ? 'neg' : 'pos'}">${esc(t.side)}</td>
          <td class="num">${esc(amountOf(quote, t.price))}</td><td class="num">${esc(amountOf(base, t.amount))}</td>
          <td class="num dim wrap">${esc(amountOf(t.feeAsset, t.fee))} ${esc(t.feeAsset)}</td><td class="dim">${esc(t.role)}</td></tr>`)
        .join('')}</tbody></table>`;
}

export function renderLedger(root: HTMLElement, s: AppState): void {
  if (s.me === null) {
    root.innerHTML = signedOut('ledger');
    return;
  }
  root.innerHTML = s.ledger.length === 0
    ? '<p class="empty">No balance changes yet</p>'
    : `<table class="grid"><thead><tr><th scope="col">Time</th><th scope="col">Type</th><th scope="col">Change</th><th scope="col">Balance</th></tr></thead>
      <tbody id="ledger-body">${s.ledger
        .map((l) => `<tr data-ledger-id="${esc(l.id)}">
          <td class="dim">${esc(timeOf(l.timestamp))}</td><td class="wrap">${esc(l.type)}</td>
          <td class="num ${l.amount.startsWith('-') ? 'neg' : 'pos'} wrap">${esc(amountOf(l.asset, l.amount))} ${esc(l.asset)}</td>
          <td class="num wrap">${esc(amountOf(l.asset, l.balance))}</td></tr>`)
        .join('')}</tbody></table>`;
}
