/** User actions: each calls the API, then records the outcome (or the server's error) in the store. */
import { api, ApiError, type OrderDto } from './api';
import type { Feed } from './feed';
import { applyOrderUpdate } from './lib/lists';
import type { OrderRequest } from './lib/orderform';
import type { Store } from './store';

function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.field ? `${e.message} (${e.field})` : e.message;
  return 'The server could not be reached. Try again.';
}

export class Actions {
  constructor(
    private readonly store: Store,
    private readonly feed: Feed,
  ) {}

  async restoreSession(): Promise<void> {
    try {
      const me = await api.me();
      this.store.update({ me, authChecked: true });
      this.feed.sessionChanged();
    } catch {
      this.store.update({ me: null, authChecked: true });
    }
  }

  async authenticate(mode: 'login' | 'signup', email: string, password: string): Promise<void> {
    if (email.trim() === '' || password === '') {
      this.store.update({ authError: 'Enter your email and password' });
      return;
    }
    try {
      const me = mode === 'signup' ? await api.signup(email.trim(), password) : await api.login(email.trim(), password);
      this.store.update({ me, authError: null, orderError: null });
      this.feed.sessionChanged();
      await this.feed.loadPrivate();
    } catch (e) {
      this.store.update({ authError: messageOf(e) });
    }
  }

  async logout(): Promise<void> {
    try {
      await api.logout();
    } catch (e) {
      console.warn('logout', e);
    }
    this.store.update({ me: null, authError: null, orderError: null });
    this.feed.sessionChanged();
  }

  async faucet(): Promise<void> {
    try {
      const balances = await api.faucet();
      this.store.update({ notice: { kind: 'info', text: 'Test funds credited' } });
      if (balances && typeof balances === 'object') this.store.update({ balances });
      await this.feed.loadBalances();
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Faucet: ${messageOf(e)}` } });
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
      await Promise.all([this.feed.loadBalances(), this.feed.loadMyTrades(), this.feed.loadOpenOrders()]);
      return true;
    } catch (e) {
      this.store.update({ orderError: { code: e instanceof ApiError ? e.code : null, text: messageOf(e) } });
      return false;
    }
  }

  async cancel(id: string): Promise<void> {
    try {
      const order = await api.cancelOrder(id);
      this.store.update((s) => ({ openOrders: applyOrderUpdate(s.openOrders, { ...order, status: order.status ?? 'canceled' }) }));
      await this.feed.loadBalances();
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Cancel: ${messageOf(e)}` } });
    }
  }

  async cancelAll(): Promise<void> {
    try {
      await api.cancelAll(this.store.state.spec.id);
      await Promise.all([this.feed.loadOpenOrders(), this.feed.loadBalances()]);
    } catch (e) {
      this.store.update({ notice: { kind: 'error', text: `Cancel all: ${messageOf(e)}` } });
    }
  }
}
