/** Top bar: market, 24 h ticker, stream status, and the account box (log-in form or the signed-in user). */
import { change24h } from '../lib/change';
import type { AppState } from '../store';
import { amountOf, esc } from './format';

export function renderTicker(root: HTMLElement, s: AppState, nowSec: number = Math.floor(Date.now() / 1000)): void {
  const t = s.ticker;
  const { base, quote } = s.spec;
  const item = (label: string, value: string, id: string, cls = '') =>
    `<div class="stat"><span class="dim">${label}</span><span class="num ${cls}" id="${id}">${esc(value)}</span></div>`;
  const last = s.trades[0]?.price ?? t?.last ?? null;
  const change = change24h(s.dayCandles, last, nowSec, s.spec.quoteDecimals);
  const changeText = change === null ? '—' : `${change.absolute} (${change.percent} %)`;
  const changeClass = change === null ? '' : change.direction === 'up' ? 'pos' : change.direction === 'down' ? 'neg' : '';
  root.innerHTML = [
    item('Last', amountOf(quote, last), 'ticker-last'),
    item('24h change', changeText, 'ticker-change', changeClass),
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

const AUTH_FORM = `<form id="auth-form" class="auth" autocomplete="on" novalidate>
      <label for="auth-email">Email</label>
      <input id="auth-email" type="email" name="email" autocomplete="username" required aria-describedby="auth-email-error">
      <p id="auth-email-error" class="field-error" role="alert"></p>
      <label for="auth-password">Password</label>
      <input id="auth-password" type="password" name="password" autocomplete="current-password" required aria-describedby="auth-password-error">
      <p id="auth-password-error" class="field-error" role="alert"></p>
      <div class="row">
        <button id="login-btn" class="btn primary" type="submit" data-mode="login">Log in</button>
        <button id="signup-btn" class="btn secondary" type="submit" data-mode="signup">Sign up</button>
      </div>
      <p id="auth-error" class="error" role="alert"></p>
    </form>`;

/**
 * The log-in form is built once per signed-out spell and then only its messages change, so that a refused
 * attempt keeps what was typed.
 */
export function renderAccount(root: HTMLElement, s: AppState): void {
  if (!s.authChecked) {
    root.innerHTML = '<p class="empty">…</p>';
    return;
  }
  if (s.me !== null) {
    root.innerHTML = `<div class="signed-in">
        <span class="dim">Signed in as</span> <strong id="account-email">${esc(s.me.email)}</strong>
        <div class="row">
          <button type="button" id="faucet-btn" class="btn secondary" title="Local demo: pays test SKY and BTC on chain to your deposit addresses">Get test funds</button>
          <button type="button" id="logout-btn" class="btn ghost">Log out</button>
        </div></div>`;
    return;
  }
  if (root.querySelector('#auth-form') === null) root.innerHTML = AUTH_FORM;
  const e = s.authError;
  for (const field of ['email', 'password'] as const) {
    const box = root.querySelector<HTMLElement>(`#auth-${field}-error`);
    const input = root.querySelector<HTMLInputElement>(`#auth-${field}`);
    const text = e !== null && e.field === field ? e.text : '';
    if (box !== null) box.textContent = text;
    if (input !== null) input.setAttribute('aria-invalid', text === '' ? 'false' : 'true');
  }
  const general = root.querySelector<HTMLElement>('#auth-error');
  if (general !== null) general.textContent = e !== null && e.field === null ? e.text : '';
}
