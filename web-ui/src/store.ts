/** The page's single state object and its change notifications. Components read it; feed and actions write it. */
import type { Balances, CandleDto, LedgerDto, Me, MyTradeDto, OrderDto, TickerDto, TradeDto } from './api';
import type { BookState } from './lib/book';
import type { FieldMessage } from './lib/errors';
import { SKY_BTC, type MarketSpec } from './lib/market';

export type Connection = 'connecting' | 'open' | 'closed';
export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];
export type Tab = 'open' | 'history' | 'trades' | 'ledger';
export type AuthField = 'email' | 'password';
export type OrderField = 'price' | 'amount';

export interface Notice { readonly kind: 'error' | 'info'; readonly text: string }

export interface AppState {
  readonly spec: MarketSpec;
  readonly me: Me | null;
  readonly authChecked: boolean;
  readonly connection: Connection;
  readonly book: BookState | null;
  /** Book grouping in quote units (the market's price step: no grouping). */
  readonly groupStep: bigint;
  readonly trades: readonly TradeDto[];
  readonly timeframe: Timeframe;
  readonly chartMode: 'candles' | 'depth';
  readonly candles: readonly CandleDto[];
  /** Hourly candles of the last day, for the 24 h change. */
  readonly dayCandles: readonly CandleDto[];
  readonly ticker: TickerDto | null;
  readonly balances: Balances;
  readonly tab: Tab;
  readonly openOrders: readonly OrderDto[];
  readonly orderHistory: readonly OrderDto[];
  readonly myTrades: readonly MyTradeDto[];
  readonly ledger: readonly LedgerDto[];
  readonly notice: Notice | null;
  readonly authError: FieldMessage<AuthField> | null;
  /** Why the last order was refused: the server's error code (null for a form check), the field and the message. */
  readonly orderError: (FieldMessage<OrderField> & { readonly code: string | null }) | null;
  /** Order ids whose cancel request is in flight ("*" for cancel-all). */
  readonly cancelling: readonly string[];
}

export const initialState: AppState = {
  spec: SKY_BTC,
  me: null,
  authChecked: false,
  connection: 'connecting',
  book: null,
  groupStep: SKY_BTC.priceStep,
  trades: [],
  timeframe: '1m',
  chartMode: 'candles',
  candles: [],
  dayCandles: [],
  ticker: null,
  balances: {},
  tab: 'open',
  openOrders: [],
  orderHistory: [],
  myTrades: [],
  ledger: [],
  notice: null,
  authError: null,
  orderError: null,
  cancelling: [],
};

export type Listener = (state: AppState, previous: AppState) => void;

export class Store {
  private current: AppState;
  private readonly listeners: Listener[] = [];

  constructor(initial: AppState) {
    this.current = initial;
  }

  get state(): AppState {
    return this.current;
  }

  update(change: Partial<AppState> | ((s: AppState) => Partial<AppState>)): void {
    const previous = this.current;
    const patch = typeof change === 'function' ? change(previous) : change;
    this.current = { ...previous, ...patch };
    for (const l of this.listeners) l(this.current, previous);
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }
}
