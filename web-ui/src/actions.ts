/** User actions: each calls the API, then records the outcome (or the server's error, placed by field) in the store. */
import { api, ApiError, type OrderDto } from './api';
import type { Feed } from './feed';
import { placeError, type FieldMessage } from './lib/errors';
import { applyOrderUpdate } from './lib/lists';
import type { OrderRequest } from './lib/orderform';
import { sessionHinted as hinted, setSessionHint as hint } from './session';
import type { AuthField, OrderField, Store } from './store';

const OFFLINE = 'The server could not be reached. Try again.';
function placed<F extends string>(e: unknown, fields: readonly F[], aliases: Readonly<Record<string, F>> = {}): FieldMessage<F> {
  if (e instanceof ApiError) return placeError(e, fields, aliases);
  return { field: null, text: OFFLINE };
}

function messageOf(e: unknown): string {
  return placed(e, [] as const).text;
}

export class Actions {
  constructor(
    private readonly store: Store,
    private readonly feed: Feed,
  ) {}

  async restoreSession(): Promise<void> {
    if (!hinted()) {
      this.store.update({ me: null, authChecked: true });
      return;
    }
    try {
      const me = await api.me();
      this.store.update({ me, authChecked: true });
      this.feed.sessionChanged();
      await this.feed.loadPrivate();
    } catch {
      hint(false);
      this.store.update({ me: null, authChecked: true });
    }
  }

  async authenticate(mode: 'login' | 'signup', email: string, password: string): Promise<void> {
    if (email.trim() === '') {
      this.store.update({ authError: { field: 'email', text: 'Enter your email' } });
      return;
    }
    if (password === '') {
      this.store.update({ authError: { field: 'password', text: 'Enter your password' } });
      return;
    }
    try {
      const me = mode === 'signup' ? await api.signup(email.trim(), password) : await api.login(email.trim(), password);
      hint(true);
      this.store.update({ me, authError: null, orderError: null });
      this.feed.sessionChanged();
      await this.feed.loadPrivate();
    } catch (e) {
      this.store.update({ authError: placed<AuthField>(e, ['email', 'password']) });
    }
  }

  async logout(): Promise<void> {
    hint(false);
    // The page forgets the session first, so nothing private is asked for while the server ends it.
    this.store.update({ me: null, authError: null, orderError: null });
    try {
      await api.logout();
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Log out: ${messageOf(e)}` } });
    }
    this.feed.sessionChanged();
  }

  async faucet(): Promise<void> {
    try {
      const balances = await api.faucet();
      this.store.update({ notice: { kind: 'info', text: 'Test funds paid on chain and credited' } });
      if (balances && typeof balances === 'object') this.store.update({ balances });
      await Promise.all([this.feed.loadBalances(), this.feed.loadLedger()]);
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Test funds: ${messageOf(e)}` } });
    }
  }

  async placeOrder(request: OrderRequest): Promise<boolean> {
    try {
      const order: OrderDto = await api.placeOrder(request);
      this.store.update((s) => ({
        orderError: null,
        openOrders: applyOrderUpdate(s.openOrders, order),
        notice: { kind: 'info', text: `Order ${order.status === 'open' ? 'placed' : order.status}: ${order.side} ${order.amount} ${s.spec.base}` },
      }));
      await this.feed.loadPrivate();
      return true;
    } catch (e) {
      const where = placed<OrderField>(e, ['price', 'amount'], { cost: 'amount' });
      this.store.update({ orderError: { ...where, code: e instanceof ApiError ? e.code : null } });
      return false;
    }
  }

  async cancel(id: string): Promise<void> {
    this.store.update((s) => ({ cancelling: [...s.cancelling, id] }));
    try {
      const order = await api.cancelOrder(id);
      this.store.update((s) => ({
        openOrders: applyOrderUpdate(s.openOrders, { ...order, status: order.status ?? 'canceled' }),
        notice: { kind: 'info', text: `Order ${id} cancelled` },
      }));
      await Promise.all([this.feed.loadBalances(), this.feed.loadOrderHistory()]);
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Cancel: ${messageOf(e)}` } });
    } finally {
      this.store.update((s) => ({ cancelling: s.cancelling.filter((c) => c !== id) }));
    }
  }

  async cancelAll(): Promise<void> {
    this.store.update((s) => ({ cancelling: [...s.cancelling, '*'] }));
    try {
      const cancelled = await api.cancelAll(this.store.state.spec.id);
      const n = Array.isArray(cancelled) ? cancelled.length : 0;
      this.store.update({ notice: { kind: 'info', text: n === 0 ? 'No open orders to cancel' : `Cancelled ${n} order${n === 1 ? '' : 's'}` } });
      await this.feed.loadPrivate();
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Cancel all: ${messageOf(e)}` } });
    } finally {
      this.store.update((s) => ({ cancelling: s.cancelling.filter((c) => c !== '*') }));
    }
  }
}
