/**
 * Market and account data provider: owns the StreamClient, turns stream messages into state, detects
 * duplicates by (seq, idx) (the server closes a client that falls behind rather than skip; on reconnect the book
 * resubscribes with `since`) and reloads REST
 * state after every reconnect so nothing missed while offline stays missing.
 */
import { api, ApiError, type BalanceDto, type CandleDto, type OrderDto, type TradeDto } from './api';
import { applyBookMessage, type BookMessage } from './lib/book';
import { applyOrderUpdate, mergeNewestFirst, prependUnique, upsertCandle } from './lib/lists';
import { specFrom } from './lib/market';
import { SeqTracker, streamKey } from './lib/seq';
import type { AppState, Connection, Store, Timeframe } from './store';
import { StreamClient, type StreamMessage, type Subscription } from './stream';

const MAX_TRADES = 50;
const MAX_CANDLES = 500;
/** While the stream is down, REST is polled this often so the page stays current. */
const POLL_MS = 3_000;

export class Feed {
  private readonly stream: StreamClient;
  private readonly seqs = new SeqTracker();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private poller: ReturnType<typeof setInterval> | null = null;
  /** True when the book state came from the stream (its seq can be resumed with `since`), false after REST. */
  private bookFromStream = false;
  private balancesFromStream = false;
  /** Counts log-ins and log-outs: a private answer that arrives after the session changed is dropped. */
  private session = 0;

  constructor(private readonly store: Store) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.stream = new StreamClient(`${scheme}://${location.host}/ws`, {
      onMessage: (m) => this.onMessage(m),
      onStatus: (connection) => this.onStatus(connection),
      onOpen: () => this.onOpen(),
      sinceFor: (sub) => (sub.channel === 'book' && this.bookFromStream ? (this.store.state.book?.seq ?? null) : null),
    });
  }

  private get market(): string {
    return this.store.state.spec.id;
  }

  private publicSubs(): Subscription[] {
    return ['book', 'trades', 'candles'].map((channel) => ({ channel, market: this.market }));
  }

  async start(): Promise<void> {
    try {
      const markets = await api.markets();
      const dto = markets.find((m) => m.id === this.market) ?? markets[0];
      this.store.update((s) => ({ spec: specFrom(dto, s.spec) }));
    } catch (e) {
      console.warn('markets: using built-in SKY-BTC defaults', e);
    }
    for (const sub of this.publicSubs()) this.stream.subscribe(sub);
    this.stream.start();
  }

  /** After login or logout: private channels follow the session, and the socket re-handshakes with its cookie. */
  sessionChanged(): void {
    this.session++;
    for (const key of ['myTrades', 'history', 'ledger']) {
      const t = this.timers.get(key);
      if (t !== undefined) clearTimeout(t);
      this.timers.delete(key);
    }
    const privateSubs: Subscription[] = [{ channel: 'orders' }, { channel: 'balances' }];
    for (const sub of privateSubs) {
      if (this.store.state.me !== null) this.stream.subscribe(sub);
      else this.stream.unsubscribe(sub);
    }
    if (this.store.state.me === null) this.store.update({ balances: {}, openOrders: [], orderHistory: [], myTrades: [], ledger: [] });
    this.stream.restart();
  }

  /** Polls REST while the stream is down; stops as soon as it is back. */
  private onStatus(connection: Connection): void {
    this.store.update({ connection });
    if (connection === 'open' && this.poller !== null) {
      clearInterval(this.poller);
      this.poller = null;
    } else if (connection === 'closed' && this.poller === null) {
      void this.poll();
      this.poller = setInterval(() => void this.poll(), POLL_MS);
    }
  }

  private async poll(): Promise<void> {
    await Promise.all([this.loadBook(), this.loadPublic(), this.loadPrivate()]);
  }

  private async loadBook(): Promise<void> {
    await this.guard('order book', async () => {
      const dto = await api.orderBook(this.market, 50);
      const snapshot: BookMessage = { type: 'snapshot', market: dto.market, seq: dto.seq ?? dto.sequence, bids: dto.bids, asks: dto.asks };
      const { result, state } = applyBookMessage(null, snapshot, this.store.state.spec);
      if (result === 'applied' && this.store.state.connection !== 'open') {
        this.bookFromStream = false;
        this.store.update({ book: state });
      }
    });
  }

  private onOpen(): void {
    this.balancesFromStream = false;
    for (const key of ['trades', 'candles', 'orders', 'balances']) this.seqs.reset(streamKey(key, key === 'orders' || key === 'balances' ? undefined : this.market));
    void this.loadPublic();
    void this.loadPrivate();
  }

  async loadPublic(): Promise<void> {
    await Promise.all([this.loadTrades(), this.loadCandles(), this.loadTicker()]);
  }

  async loadPrivate(): Promise<void> {
    if (this.store.state.me === null) return;
    await Promise.all([this.loadBalances(), this.loadOpenOrders(), this.loadMyTrades(), this.loadOrderHistory(), this.loadLedger()]);
  }

  /** Loads private state only while signed in, and keeps the answer only if the session is still the same. */
  private async loadPrivateSlice(what: string, load: () => Promise<Partial<AppState>>): Promise<void> {
    if (this.store.state.me === null) return;
    const session = this.session;
    await this.guard(what, async () => {
      const patch = await load();
      if (session === this.session && this.store.state.me !== null) this.store.update(patch);
    });
  }

  /**
   * REST balances, for a start without the stream or while it is down: once the stream's balances snapshot has
   * arrived on this connection the stream is newer than any REST answer still in flight, which is dropped.
   */
  async loadBalances(): Promise<void> {
    await this.loadPrivateSlice('balances', async () => {
      const balances = await api.balances();
      return this.balancesFromStream && this.store.state.connection === 'open' ? {} : { balances };
    });
  }

  async loadOpenOrders(): Promise<void> {
    await this.loadPrivateSlice('open orders', async () => ({ openOrders: await api.openOrders(this.market) }));
  }

  async loadMyTrades(): Promise<void> {
    await this.loadPrivateSlice('my trades', async () => ({ myTrades: await api.myTrades(this.market) }));
  }

  async loadOrderHistory(): Promise<void> {
    await this.loadPrivateSlice('order history', async () => ({ orderHistory: await api.closedOrders(this.market) }));
  }

  async loadLedger(): Promise<void> {
    await this.loadPrivateSlice('ledger', async () => ({ ledger: await api.ledger() }));
  }

  /** Switches the candle interval: the chart reloads that interval's history. */
  async setTimeframe(timeframe: Timeframe): Promise<void> {
    if (timeframe === this.store.state.timeframe) return;
    this.store.update({ timeframe, candles: [] });
    await this.loadCandles();
  }

  private async loadTrades(): Promise<void> {
    await this.guard('trades', async () => {
      const page = await api.trades(this.market, MAX_TRADES);
      this.store.update((s) => ({ trades: mergeNewestFirst(s.trades, page, MAX_TRADES) }));
    });
  }

  private async loadCandles(): Promise<void> {
    const timeframe = this.store.state.timeframe;
    await this.guard('candles', async () => {
      const history = await api.candles(this.market, timeframe, MAX_CANDLES);
      if (timeframe === this.store.state.timeframe) this.store.update({ candles: history.filter((c) => Number.isSafeInteger(c.time)) });
    });
  }

  private async loadTicker(): Promise<void> {
    await Promise.all([
      this.guard('ticker', async () => this.store.update({ ticker: await api.ticker(this.market) })),
      this.guard('24 h candles', async () => this.store.update({ dayCandles: await api.candles(this.market, '1h', 25) })),
    ]);
  }

  private async guard(what: string, load: () => Promise<void>): Promise<void> {
    try {
      await load();
    } catch (e) {
      // A 401 here is a load racing a logout or an expired session; the account box says what to do.
      if (!(e instanceof ApiError && e.status === 401)) console.warn(`could not load ${what}`, e);
    }
  }

  /** Runs `fn` once, `ms` after the last call with the same key. */
  private debounce(key: string, ms: number, fn: () => void): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.set(key, setTimeout(() => { this.timers.delete(key); fn(); }, ms));
  }

  private onMessage(msg: StreamMessage): void {
    if (msg.type === 'pong') return;
    if (msg.type === 'error') {
      this.store.update({ notice: { kind: 'error', text: `Stream: ${String(msg.message ?? msg.code ?? 'error')}` } });
      return;
    }
    switch (msg.channel) {
      case 'book': return this.onBook(msg as unknown as BookMessage);
      case 'trades': return this.onTrade(msg);
      case 'candles': return this.onCandle(msg);
      case 'orders': return this.onOrder(msg);
      case 'balances': return this.onBalance(msg);
      default: return;
    }
  }

  private onBook(msg: BookMessage): void {
    if (msg.market !== this.market) return;
    const { result, state } = applyBookMessage(this.store.state.book, msg, this.store.state.spec);
    if (result === 'applied') {
      this.bookFromStream = true;
      this.store.update({ book: state });
    }
    else if (result === 'gap') {
      this.stream.subscribe({ channel: 'book', market: this.market }, this.bookFromStream ? (state?.seq ?? null) : null);
    }
    else if (result === 'invalid') console.warn('book: ignored a malformed message', msg);
  }

  /** Checks the message's (seq, idx) on its stream. Returns false if it must be dropped (duplicate or junk). */
  private inSequence(key: string, msg: StreamMessage): boolean {
    return this.seqs.accept(key, msg.seq, msg.idx) === 'ok';
  }

  private onTrade(msg: StreamMessage): void {
    if (msg.market !== this.market) return;
    if (!this.inSequence(streamKey('trades', this.market), msg)) return;
    const trade: TradeDto = {
      id: msg.id as string,
      price: String(msg.price),
      amount: String(msg.amount),
      side: String(msg.side),
      timestamp: msg.timestamp as number,
    };
    this.store.update((s) => ({ trades: prependUnique(s.trades, trade, MAX_TRADES) }));
    this.debounce('ticker', 500, () => void this.loadTicker());
  }

  private onCandle(msg: StreamMessage): void {
    if (msg.market !== this.market || (msg.timeframe !== undefined && msg.timeframe !== '1m')) return;
    if (!this.inSequence(streamKey('candles', this.market), msg)) return;
    // The stream carries 1-minute candles; a longer interval is re-read (folded by the server) shortly after.
    if (this.store.state.timeframe !== '1m') {
      this.debounce('candles', 1_000, () => void this.loadCandles());
      return;
    }
    const candle: CandleDto = {
      time: Number(msg.time),
      open: String(msg.open),
      high: String(msg.high),
      low: String(msg.low),
      close: String(msg.close),
      volume: String(msg.volume),
    };
    this.store.update((s) => ({ candles: upsertCandle(s.candles, candle, MAX_CANDLES) }));
  }

  private onOrder(msg: StreamMessage): void {
    if (msg.type !== 'order' || !this.inSequence('orders', msg)) return;
    const order = orderOf(msg, this.store.state.openOrders);
    if (order.market !== undefined && order.market !== this.market) return;
    this.store.update((s) => ({ openOrders: applyOrderUpdate(s.openOrders, order) }));
    this.debounce('myTrades', 250, () => void this.loadMyTrades());
    this.debounce('history', 400, () => void this.loadOrderHistory());
    this.debounce('ledger', 400, () => void this.loadLedger());
  }

  private onBalance(msg: StreamMessage): void {
    if (msg.type === 'snapshot') {
      const all = msg.balances;
      if (typeof all !== 'object' || all === null || this.store.state.me === null) return;
      // the state at `seq`: every message of that seq is in it, so the next accepted one is of a later seq
      this.seqs.reset('balances');
      if (this.seqs.accept('balances', msg.seq, Number.MAX_SAFE_INTEGER) !== 'ok') return;
      this.balancesFromStream = true;
      this.store.update({ balances: all as Record<string, BalanceDto> });
      return;
    }
    if (msg.type !== 'balance' || !this.inSequence('balances', msg)) return;
    if (typeof msg.asset !== 'string') return;
    const balance: BalanceDto = { free: String(msg.free), used: String(msg.used), total: String(msg.total) };
    const asset = msg.asset;
    this.store.update((s) => ({ balances: { ...s.balances, [asset]: balance } }));
  }
}

/**
 * An order from an `orders` stream message. The message's own `type` is "order"; the order's type travels as
 * `orderType` (older servers overwrote `type`, then the type already known for that order is kept).
 */
function orderOf(msg: StreamMessage, known: readonly OrderDto[]): OrderDto {
  const raw = msg as unknown as OrderDto & { orderType?: unknown };
  const before = known.find((o) => String(o.id) === String(raw.id));
  const type = typeof raw.orderType === 'string' ? raw.orderType : raw.type !== 'order' ? raw.type : (before?.type ?? 'limit');
  return { ...raw, type };
}
