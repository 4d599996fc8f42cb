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

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const mutating = method !== 'GET' && method !== 'HEAD';
  const send = async (refreshCsrf: boolean): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
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

export interface SecurityDto {
  twoFactor: 'on' | 'off'; whitelist: 'on' | 'off'; whitelistCoolOffSeconds: number; whitelistEntries: number; autoSweep: string[];
}
export interface EnrolmentDto { secret: string; otpauthUri: string; qrPng: string }
export interface WhitelistEntryDto { id: number; asset: string; address: string; label?: string | null; createdAt: string; usableAt: string; usable: boolean }
export interface SweepDto { asset: string; address: string; minimum: string; usableAt: string; usable: boolean }
export interface ApiKeyDto {
  key: string; label?: string | null; operator: boolean; createdAt: string; permissions: string[]; ipAllowList: string[];
  expiresAt?: string | null;
}
export interface DepositAddressDto { asset: string; address: string; network: string }
export interface DepositDto {
  asset: string; txid: string; vout: number; address: string; amount: string; confirmations: number;
  requiredConfirmations: number; status: string; timestamp: string;
}
/** GET /api/v1/withdrawal-fees: the fee a withdrawal requested now is charged on top of the amount. */
export interface WithdrawalFeeDto {
  asset: string; network: string; fee: string; feeRate: number; minFeeRate: number; maxFeeRate: number;
  feeRateUnit?: string | null; source: string; paidBy: string; minimum: string; confirmations: number;
}

export interface WithdrawalDto {
  id: number; asset: string; address: string; amount: string; fee: string; state: string; status: string;
  txid?: string | null; confirmations: number; info?: string | null; timestamp: string;
}
export interface RelayActivityDto {
  relay: string;
  reports: { id: string; epoch: number; transportId: string; peer: string; type: string; windowStart: number; windowEnd: number; sent: number; recv: number; seq: number; receivedAt: string }[];
  claims: { id: string; epoch: number; rewardAddress: string; reports: number; receivedAt: string }[];
  payouts: { epoch: number; amount: string; method: string; state: string; result?: string | null }[];
  refusals: { reason: string; detail: string; source: string; at: string }[];
}
export interface ReceiptDto {
  epoch: number; claim_id: string; reward_address: string; bytes: number; payout_droplets: number; reasons: string[];
  payout_method: string; report_hash: string;
  transports: { t_id: string; peer: string; type: string; sent: number; peer_recv: number; credited: number; reason?: string | null }[];
}
export interface SettlementRunDto {
  epoch: number; reportHash: string; merkleRoot: string; pool: string; carryIn: string; totalPaid: string; remainder: string;
  claims: number; fundedSeq?: number | null; settledAt: string; payoutsDone: number; payoutsPending: number; payoutsRefused: number;
}

const withCode = (code: string) => (code === '' ? {} : { code });

/** The Account, Wallet and Relays pages' endpoints (docs/account-security.md, docs/api.md, docs/skywire.md). */
export const accountApi = {
  security: () => request<SecurityDto>('GET', '/account/security'),
  enrol: () => request<EnrolmentDto>('POST', '/account/2fa/enrol', {}),
  confirm2fa: (code: string) => request<unknown>('POST', '/account/2fa/confirm', { code }),
  disable2fa: (code: string) => request<unknown>('POST', '/account/2fa/disable', { code }),
  whitelist: () => request<{ enabled: boolean; entries: WhitelistEntryDto[] }>('GET', '/account/whitelist'),
  setWhitelist: (enabled: boolean, code: string) => request<unknown>('PUT', '/account/whitelist/enabled', { enabled, ...withCode(code) }),
  addWhitelist: (asset: string, address: string, label: string, code: string) =>
    request<WhitelistEntryDto>('POST', '/account/whitelist', { asset, address, ...(label === '' ? {} : { label }), ...withCode(code) }),
  removeWhitelist: (id: number, code: string) => request<void>('DELETE', `/account/whitelist/${id}`, withCode(code)),
  sweeps: () => request<SweepDto[]>('GET', '/account/auto-sweep'),
  setSweep: (asset: string, address: string, minimum: string, code: string) =>
    request<SweepDto>('PUT', '/account/auto-sweep', { asset, address, minimum, ...withCode(code) }),
  removeSweep: (asset: string, code: string) => request<void>('DELETE', `/account/auto-sweep/${enc(asset)}`, withCode(code)),
  qr: (text: string) => request<{ qrPng: string }>('GET', `/account/qr?text=${enc(text)}`),
  apiKeys: () => request<ApiKeyDto[]>('GET', '/api-keys'),
  createApiKey: (body: unknown) => request<{ key: string; secret: string }>('POST', '/api-keys', body),
  revokeApiKey: (key: string) => request<void>('DELETE', `/api-keys/${enc(key)}`),
  depositAddress: (asset: string) => request<DepositAddressDto>('GET', `/deposit-address?asset=${enc(asset)}`),
  deposits: (asset: string) => request<DepositDto[]>('GET', `/deposits?asset=${enc(asset)}&limit=20`),
  withdrawals: (asset: string) => request<WithdrawalDto[]>('GET', `/withdrawals?asset=${enc(asset)}&limit=20`),
  withdrawalFees: () => request<WithdrawalFeeDto[]>('GET', '/withdrawal-fees'),
  withdraw: (body: unknown, idempotencyKey: string) =>
    request<WithdrawalDto>('POST', '/withdrawals', body, { 'Idempotency-Key': idempotencyKey }),
  relayActivity: (key: string) => request<RelayActivityDto>('GET', `/relays/${enc(key)}/activity?limit=50`),
  relayReceipts: (key: string) => request<ReceiptDto[]>('GET', `/relays/${enc(key)}/receipts?limit=30`),
  settlementRuns: () => request<SettlementRunDto[]>('GET', '/admin/settlement?limit=30'),
};
