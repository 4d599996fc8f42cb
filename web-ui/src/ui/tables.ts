/** Recent trades, balances, open orders and my trades: plain tables rendered from state. */
import type { AppState } from '../store';
import { amountOf, esc, timeOf } from './format';

export function renderTrades(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  root.innerHTML = s.trades.length === 0
    ? '<p class="empty">No trades yet</p>'
    : `<table class="grid"><thead><tr><th>Price</th><th>Amount</th><th>Time</th></tr></thead><tbody id="trades-body">${s.trades
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
  root.innerHTML = `<table class="grid balances"><thead><tr><th>Asset</th><th>Free</th><th>In orders</th></tr></thead><tbody>${assets
    .map((a) => {
      const b = s.balances[a];
      return `<tr data-asset="${esc(a)}"><td>${esc(a)}</td>
        <td class="num" data-testid="bal-${esc(a)}-free">${esc(amountOf(a, b?.free ?? '0'))}</td>
        <td class="num dim" data-testid="bal-${esc(a)}-used">${esc(amountOf(a, b?.used ?? '0'))}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

export function renderOpenOrders(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  const cancelAll = document.getElementById('cancel-all-btn');
  if (cancelAll !== null) cancelAll.hidden = s.me === null || s.openOrders.length === 0;
  if (s.me === null) {
    root.innerHTML = '<p class="empty">Log in to see your orders</p>';
    return;
  }
  root.innerHTML = s.openOrders.length === 0
    ? '<p class="empty">No open orders</p>'
    : `<table class="grid"><thead><tr><th>Time</th><th>Side</th><th>Price</th><th>Amount</th><th>Filled</th><th></th></tr></thead>
      <tbody id="open-orders-body">${s.openOrders
        .map((o) => `<tr data-order-id="${esc(o.id)}">
          <td class="dim">${esc(timeOf(o.timestamp))}</td><td class="${o.side === 'sell' ? 'neg' : 'pos'}">${esc(o.side)} ${esc(o.type)}</td>
          <td class="num">${esc(amountOf(quote, o.price))}</td><td class="num">${esc(amountOf(base, o.amount))}</td>
          <td class="num">${esc(amountOf(base, o.filled))}</td>
          <td><button class="link cancel-btn" data-cancel="${esc(o.id)}">Cancel</button></td></tr>`)
        .join('')}</tbody></table>`;
}

export function renderMyTrades(root: HTMLElement, s: AppState): void {
  const { base, quote } = s.spec;
  if (s.me === null) {
    root.innerHTML = '<p class="empty">Log in to see your trades</p>';
    return;
  }
  root.innerHTML = s.myTrades.length === 0
    ? '<p class="empty">No trades yet</p>'
    : `<table class="grid"><thead><tr><th>Time</th><th>Side</th><th>Price</th><th>Amount</th><th>Fee</th><th>Role</th></tr></thead>
      <tbody id="my-trades-body">${s.myTrades
        .map((t) => `<tr data-trade-id="${esc(t.id)}">
          <td class="dim">${esc(timeOf(t.timestamp))}</td><td class="${t.side === 'sell' ? 'neg' : 'pos'}">${esc(t.side)}</td>
          <td class="num">${esc(amountOf(quote, t.price))}</td><td class="num">${esc(amountOf(base, t.amount))}</td>
          <td class="num dim">${esc(amountOf(t.feeAsset, t.fee))} ${esc(t.feeAsset)}</td><td class="dim">${esc(t.role)}</td></tr>`)
        .join('')}</tbody></table>`;
}
