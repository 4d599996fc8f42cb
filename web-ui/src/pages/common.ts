/**
 * What the Wallet, Account and Relays pages share: who is signed in (asked only when this browser holds a
 * session, so an anonymous visit logs no 401), log-out, the server's errors placed beside their form field, and
 * short display helpers.
 */
import { api, ApiError, type Me } from '../api';
import { placeError } from '../lib/errors';
import { sessionHinted, setSessionHint } from '../session';
import { byId, h } from '../ui/dom';

const OFFLINE = 'The server could not be reached. Try again.';

/** The signed-in user, or null (asks the server only when this browser logged in before). */
export async function signedInUser(): Promise<Me | null> {
  if (!sessionHinted()) return null;
  try {
    return await api.me();
  } catch {
    setSessionHint(false);
    return null;
  }
}

export async function logOut(): Promise<void> {
  try {
    await api.logout();
  } finally {
    setSessionHint(false);
    window.location.assign('/');
  }
}

/** The account line of a page's top bar: the e-mail and a log-out button, or a link to log in. */
export function renderWho(root: HTMLElement, me: Me | null): void {
  if (me === null) {
    root.replaceChildren(h('a', { href: '/', id: 'login-link' }, 'Log in or sign up'));
    return;
  }
  const out = h('button', { type: 'button', class: 'link', id: 'logout-btn' }, 'Log out');
  out.addEventListener('click', () => void logOut());
  root.replaceChildren(h('span', { id: 'who-email', class: 'dim' }, me.email), ' ', out);
}

/** The text for a person of any thrown error (the server's own, or "could not be reached"). */
export function errorText(e: unknown): string {
  return e instanceof ApiError ? placeError(e, []).text : OFFLINE;
}

/**
 * Shows errors of one form: `#<form>-<field>-error` beside each field (and aria-invalid on the input
 * `#<form>-<field>`), `#<form>-error` for the form as a whole.
 */
export class FormErrors<F extends string> {
  constructor(
    private readonly form: string,
    private readonly fields: readonly F[],
    private readonly aliases: Readonly<Record<string, F>> = {},
  ) {}

  clear(): void {
    for (const f of this.fields) this.set(f, '');
    byId(`${this.form}-error`).textContent = '';
  }

  show(field: F | null, text: string): void {
    this.clear();
    if (field === null) byId(`${this.form}-error`).textContent = text;
    else this.set(field, text);
  }

  /** Places a thrown error: beside the field the server names, else under the form. */
  fail(e: unknown): void {
    if (e instanceof ApiError) {
      const placed = placeError(e, this.fields, this.aliases);
      this.show(placed.field, placed.text);
    } else {
      this.show(null, OFFLINE);
    }
  }

  private set(field: F, text: string): void {
    byId(`${this.form}-${field}-error`).textContent = text;
    const input = document.getElementById(`${this.form}-${field}`);
    if (input !== null) input.setAttribute('aria-invalid', String(text !== ''));
  }
}

/** ISO time as "2030-01-31 12:00 UTC". */
export function when(iso: string | null | undefined): string {
  if (iso === null || iso === undefined || iso === '') return '—';
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : iso;
}

/** A long hex or address shortened for a table cell, with the whole value as its title. */
export function short(value: string, keep = 10): HTMLElement {
  const code = h('code', { title: value }, value.length > keep * 2 + 1 ? `${value.slice(0, keep)}…${value.slice(-keep)}` : value);
  return code;
}

/** A status line that announces itself to screen readers. */
export function say(id: string, text: string, kind: 'ok' | 'bad' | '' = ''): void {
  const box = byId(id);
  box.textContent = text;
  box.className = `status-line ${kind}`;
}
