/** Top bar: market, 24 h ticker, stream status, and the account box (log-in form or the signed-in user). */
import type { AppState } from '../store';
import { amountOf, esc } from './format';

export function renderTicker(root: HTMLElement, s: AppState): void {
  const t = s.ticker;
  const { base, quote } = s.spec;
  const item = (label: string, value: string, id: string) =>
    `<div class="stat"><span class="dim">${label}</span><span class="num" id="${id}">${esc(value)}</span></div>`;
  const lastFromTrades = s.trades[0]?.price;
  root.innerHTML = [
    item('Last', amountOf(quote, lastFromTrades ?? t?.last), 'ticker-last'),
    item('24h high', amountOf(quote, t?.high), 'ticker-high'),
    item('24h low', amountOf(quote, t?.low), 'ticker-low'),
    item(`24h vol (${base})`, amountOf(base, t?.baseVolume), 'ticker-volume'),
  ].join('');
}

export function renderConnection(root: HTMLElement, s: AppState): void {
  const label = s.connection === 'open' ? 'Live' : s.connection === 'connecting' ? 'Connecting…' : 'Offline, retrying';
  root.className = `conn ${s.connection}`;
  root.textContent = label;
}

export function renderAccount(root: HTMLElement, s: AppState): void {
  if (!s.authChecked) {
    root.innerHTML = '<p class="empty">…</p>';
    return;
  }
  if (s.me !== null) {
    root.innerHTML = `<div class="signed-in">
        <span class="dim">Signed in as</span> <strong id="account-email">${esc(s.me.email)}</strong>
        <div class="row">
          <button id="faucet-btn" class="btn secondary" title="Local demo: credits test SKY and BTC">Get test funds</button>
          <button id="logout-btn" class="btn ghost">Log out</button>
        </div></div>`;
    return;
  }
  root.innerHTML = `<form id="auth-form" class="auth" autocomplete="on" novalidate>
      <label>Email<input id="auth-email" type="email" name="email" autocomplete="username" required></label>
      <label>Password<input id="auth-password" type="password" name="password" autocomplete="current-password" required></label>
      <div class="row">
        <button id="login-btn" class="btn primary" type="submit" data-mode="login">Log in</button>
        <button id="signup-btn" class="btn secondary" type="submit" data-mode="signup">Sign up</button>
      </div>
      <p id="auth-error" class="error" role="alert">${esc(s.authError ?? '')}</p>
    </form>`;
}
