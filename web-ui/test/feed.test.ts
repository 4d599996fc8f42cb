import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Feed } from '../src/feed';
import { initialState, Store } from '../src/store';
import { FakeSocket } from './fakesocket';

/** REST answers for the public endpoints the feed loads; anything else is a 401 in the one error shape. */
function fakeFetch(url: string): Promise<Response> {
  const json = (body: unknown, status = 200) =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  if (url.endsWith('/markets')) {
    return json([{ id: 'SKY-BTC', symbol: 'SKY/BTC', base: 'SKY', quote: 'BTC', amountStep: '1', priceStep: '0.00000001' }]);
  }
  if (url.includes('/trades')) return json([{ id: '1', price: '0.0001', amount: '1', side: 'buy', timestamp: '2026-01-01T00:00:00Z' }]);
  if (url.includes('/candles') || url.includes('/orders') || url.includes('/my-trades')) return json([]);
  if (url.includes('/ticker')) return json({ market: 'SKY-BTC' });
  return json({ error: { code: 'UNAUTHENTICATED', message: 'sign in' } }, 401);
}

async function started(): Promise<{ store: Store; ws: FakeSocket }> {
  const store = new Store(initialState);
  const feed = new Feed(store);
  await feed.start();
  const ws = FakeSocket.nth(0);
  ws.open();
  await vi.waitFor(() => expect(store.state.trades).toHaveLength(1));
  return { store, ws };
}

beforeEach(() => {
  FakeSocket.all = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { protocol: 'http:', host: 'exchange.test' });
  vi.stubGlobal('fetch', vi.fn((url: string) => fakeFetch(url)));
  vi.stubGlobal('document', { cookie: '' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Feed', () => {
  it('subscribes to the public channels and loads REST history', async () => {
    const { ws } = await started();
    expect(ws.url).toBe('ws://exchange.test/ws');
    expect(ws.sent).toEqual([
      { op: 'subscribe', channel: 'book', market: 'SKY-BTC' },
      { op: 'subscribe', channel: 'trades', market: 'SKY-BTC' },
      { op: 'subscribe', channel: 'candles', market: 'SKY-BTC' },
    ]);
  });

  it('applies the book: a snapshot, then deltas at later journal seqs, stale ones ignored', async () => {
    const { store, ws } = await started();
    ws.receive({ channel: 'book', market: 'SKY-BTC', type: 'snapshot', seq: 5, bids: [['0.0001', '2']], asks: [] });
    ws.receive({ channel: 'book', market: 'SKY-BTC', type: 'delta', seq: 6, idx: 0, bids: [['0.0001', '3']], asks: [] });
    expect(store.state.book?.seq).toBe(6);
    ws.receive({ channel: 'book', market: 'SKY-BTC', type: 'delta', seq: 6, idx: 0, bids: [['0.0001', '9']], asks: [] });
    expect(store.state.book?.bids.get(10_000n)).toBe(3_000_000n);
    ws.receive({ channel: 'book', market: 'SKY-BTC', type: 'delta', seq: 8, idx: 0, bids: [['0.0001', '0']], asks: [] });
    expect(store.state.book?.seq).toBe(8);
    expect(store.state.book?.bids.has(10_000n)).toBe(false);
  });

  it('adds live trades once, several per journal seq by idx', async () => {
    const { store, ws } = await started();
    const calls = () => vi.mocked(fetch).mock.calls.filter(([u]) => String(u).includes('/trades')).length;
    const before = calls();
    ws.receive({ channel: 'trades', market: 'SKY-BTC', type: 'trade', seq: 10, id: '2', price: '0.0002', amount: '1', side: 'sell', timestamp: 1 });
    ws.receive({ channel: 'trades', market: 'SKY-BTC', type: 'trade', seq: 10, id: '2', price: '0.0002', amount: '1', side: 'sell', timestamp: 1 });
    expect(store.state.trades.map((t) => t.id)).toEqual(['2', '1']);
    expect(calls()).toBe(before);
    ws.receive({ channel: 'trades', market: 'SKY-BTC', type: 'trade', seq: 12, idx: 0, id: '4', price: '0.0002', amount: '1', side: 'sell', timestamp: 2 });
    ws.receive({ channel: 'trades', market: 'SKY-BTC', type: 'trade', seq: 12, idx: 1, id: '5', price: '0.0002', amount: '1', side: 'sell', timestamp: 2 });
    expect(calls()).toBe(before);
    expect(store.state.trades.map((t) => t.id)).toEqual(['5', '4', '2', '1']);
  });

  it('shows stream errors and ignores other markets', async () => {
    const { store, ws } = await started();
    ws.receive({ type: 'error', code: 'UNAUTHENTICATED', message: 'log in for private channels' });
    expect(store.state.notice).toEqual({ kind: 'error', text: 'Stream: log in for private channels' });
    ws.receive({ channel: 'book', market: 'SKY-ETH', type: 'snapshot', seq: 1, bids: [], asks: [] });
    expect(store.state.book).toBeNull();
  });

  it('takes the order type from orderType (the message type is "order") and keeps a known one otherwise', async () => {
    const { store, ws } = await started();
    store.update({ me: { userId: 1, email: 'a@b.io' } });
    const order = { channel: 'orders', market: 'SKY-BTC', side: 'buy', price: '0.0001', amount: '1', filled: '0', remaining: '1', status: 'open' };
    ws.receive({ ...order, type: 'order', orderType: 'limit', seq: 1, id: '9' });
    expect(store.state.openOrders[0]?.type).toBe('limit');
    ws.receive({ ...order, type: 'order', seq: 2, id: '9', filled: '0.5' });
    expect(store.state.openOrders).toHaveLength(1);
    expect(store.state.openOrders[0]).toMatchObject({ type: 'limit', filled: '0.5' });
  });

  it('asks for no private data after log-out and drops answers that arrive after it', async () => {
    const feed = new Feed(new Store(initialState));
    const store = (feed as unknown as { store: Store }).store;
    await feed.start();
    FakeSocket.nth(0).open();
    const privateCalls = () => vi.mocked(fetch).mock.calls.filter(([u]) => /\/(balances|orders|my-trades|ledger)/.test(String(u))).length;
    const before = privateCalls();
    await feed.loadPrivate();
    expect(privateCalls()).toBe(before);
    vi.mocked(fetch).mockImplementation((url) => String(url).includes('/orders')
      ? Promise.resolve(new Response(JSON.stringify([{ id: '1', market: 'SKY-BTC', side: 'buy', type: 'limit', amount: '1', filled: '0', remaining: '1', status: 'open' }]), { status: 200 }))
      : fakeFetch(String(url)));
    store.update({ me: { userId: 1, email: 'a@b.io' } });
    await feed.loadOpenOrders();
    expect(store.state.openOrders).toHaveLength(1);
    store.update({ openOrders: [] });
    const pending = feed.loadOpenOrders();
    store.update({ me: null });
    feed.sessionChanged();
    await pending;
    expect(privateCalls()).toBe(before + 2);
    expect(store.state.openOrders).toEqual([]);
  });

  it('takes the balances snapshot of the stream, then later deltas; a REST answer arriving after it is dropped', async () => {
    const { store, ws } = await started();
    store.update({ me: { userId: 1, email: 'a@b.io' } });
    ws.receive({ channel: 'balances', type: 'snapshot', seq: 7, balances: { SKY: { free: '1000', used: '0', total: '1000' } } });
    expect(store.state.balances.SKY?.free).toBe('1000');
    ws.receive({ channel: 'balances', type: 'balance', seq: 7, idx: 0, asset: 'SKY', free: '1', used: '0', total: '1' });
    expect(store.state.balances.SKY?.free).toBe('1000');
    ws.receive({ channel: 'balances', type: 'balance', seq: 9, idx: 0, asset: 'BTC', free: '0.01', used: '0', total: '0.01' });
    expect(store.state.balances.BTC?.free).toBe('0.01');
    vi.mocked(fetch).mockImplementation((url) => String(url).includes('/balances')
      ? Promise.resolve(new Response(JSON.stringify({ SKY: { free: '0', used: '0', total: '0' } }), { status: 200 }))
      : fakeFetch(String(url)));
    const feed = new Feed(store);
    (feed as unknown as { balancesFromStream: boolean }).balancesFromStream = true;
    store.update({ connection: 'open' });
    await feed.loadBalances();
    expect(store.state.balances.SKY?.free).toBe('1000');
  });
});
