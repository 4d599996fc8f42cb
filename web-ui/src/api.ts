/**
 * REST client for /api/v1. Same-origin cookies; every state-changing request carries X-XSRF-TOKEN read
 * from the XSRF-TOKEN cookie (fetched first through GET /api/v1/auth/csrf when the cookie is missing).
 * Errors come back in the one documented shape and are thrown as ApiError.
 */
import type { MarketDto } from './lib/market';
import type { OrderRequest } from './lib/orderform';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Me { userId: string | number; email: string }
export interface BalanceDto { free: string; used: string; total: string }
export type Balances = Record<string, BalanceDto>;
export interface OrderDto {
  id: string | number;
  clientOrderId?: string | null;
  market: string;
  side: 'buy' | 'sell';
  type: string;
  timeInForce?: string;
  price?: string | null;
  amount: string;
  filled: string;
  remaining: string;
  cost?: string;
  status: string;
  timestamp?: string | number;
}
export interface TradeDto { id: string | number; price: string; amount: string; side: string; timestamp: string | number }
export interface MyTradeDto {
  id: string | number;
  orderId: string | number;
  market: string;
  side: string;
  price: string;
  amount: string;
  fee: string;
  feeAsset: string;
  role: string;
  timestamp: string | number;
}
export interface LedgerDto {
  id: string | number; asset: string; amount: string; balance: string; type: string;
  referenceId?: string | null; timestamp: string | number;
}
export interface OrderBookDto { market: string; sequence: number; seq?: number; bids: [string, string][]; asks: [string, string][] }
export interface CandleDto { time: number; open: string; high: string; low: string; close: string; volume: string }
export interface TickerDto {
  market: string; last?: string | null; bid?: string | null; ask?: string | null; high?: string | null;
  low?: string | null; baseVolume?: string | null; quoteVolume?: string | null;
}

const BASE = '/api/v1';

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; field?: unknown } } | null)?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      res.status,
      err.code,
      typeof err.message === 'string' ? err.message : err.code,
      typeof err.field === 'string' ? err.field : null,
    );
  }
  return new ApiError(res.status, res.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_' + res.status, `Request failed (HTTP ${res.status})`, null);
}

let csrfFromBody: string | null = null;

async function csrfToken(refresh: boolean): Promise<string> {
  const cookie = readCookie('XSRF-TOKEN');
  if (cookie && !refresh) return cookie;
  const res = await fetch(`${BASE}/auth/csrf`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) throw await toApiError(res);
  const body = (await res.json()) as { token?: string };
  csrfFromBody = typeof body.token === 'string' ? body.token : null;
  const fresh = readCookie('XSRF-TOKEN') ?? csrfFromBody;
  if (!fresh) throw new ApiError(0, 'CSRF', 'The server gave no CSRF token', null);
  return fresh;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  const send = async (refreshCsrf: boolean): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (mutating) headers['X-XSRF-TOKEN'] = await csrfToken(refreshCsrf);
    return fetch(BASE + path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  };
  let res = await send(false);
  if (mutating && res.status === 403) {
    // The token rotates on login/logout; one retry with a fresh token, then give up.
    const err = await toApiError(res.clone());
    if (err.code === 'CSRF' || err.code === 'HTTP_403') res = await send(true);
  }
  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

const enc = encodeURIComponent;

export const api = {
  me: () => request<Me>('GET', '/auth/me'),
  signup: (email: string, password: string) => request<Me>('POST', '/auth/signup', { email, password }),
  login: (email: string, password: string) => request<Me>('POST', '/auth/login', { email, password }),
  logout: () => request<void>('POST', '/auth/logout', {}),
  markets: () => request<MarketDto[]>('GET', '/markets'),
  orderBook: (market: string, limit = 50) =>
    request<OrderBookDto>('GET', `/markets/${enc(market)}/orderbook?limit=${limit}`),
  trades: (market: string, limit = 50) => request<TradeDto[]>('GET', `/markets/${enc(market)}/trades?limit=${limit}`),
  candles: (market: string, timeframe = '1m', limit = 200) =>
    request<CandleDto[]>('GET', `/markets/${enc(market)}/candles?timeframe=${enc(timeframe)}&limit=${limit}`),
  ticker: (market: string) => request<TickerDto>('GET', `/markets/${enc(market)}/ticker`),
  balances: () => request<Balances>('GET', '/balances'),
  openOrders: (market: string) => request<OrderDto[]>('GET', `/orders?market=${enc(market)}&status=open`),
  closedOrders: (market: string, limit = 50) =>
    request<OrderDto[]>('GET', `/orders?market=${enc(market)}&status=closed&limit=${limit}`),
  ledger: (limit = 50) => request<LedgerDto[]>('GET', `/ledger?limit=${limit}`),
  myTrades: (market: string, limit = 50) => request<MyTradeDto[]>('GET', `/my-trades?market=${enc(market)}&limit=${limit}`),
  placeOrder: (order: OrderRequest) => request<OrderDto>('POST', '/orders', order),
  cancelOrder: (id: string | number) => request<OrderDto>('DELETE', `/orders/${enc(String(id))}`),
  cancelAll: (market: string) => request<OrderDto[]>('DELETE', `/orders?market=${enc(market)}`),
  faucet: () => request<Balances>('POST', '/faucet', {}),
};
