/** The page's single state object and its change notifications. Components read it; feed and actions write it. */
import type { Balances, CandleDto, Me, MyTradeDto, OrderDto, TickerDto, TradeDto } from './api';
import type { BookState } from './lib/book';
import { SKY_BTC, type MarketSpec } from './lib/market';

export type Connection = 'connecting' | 'open' | 'closed';

export interface Notice { readonly kind: 'error' | 'info'; readonly text: string }

export interface AppState {
  readonly spec: MarketSpec;
  readonly me: Me | null;
  readonly authChecked: boolean;
  readonly connection: Connection;
  readonly book: BookState | null;
  readonly trades: readonly TradeDto[];
  readonly candles: readonly CandleDto[];
  readonly ticker: TickerDto | null;
  readonly balances: Balances;
  readonly openOrders: readonly OrderDto[];
  readonly myTrades: readonly MyTradeDto[];
  readonly notice: Notice | null;
  readonly authError: string | null;
  /** Why the last order was refused: the server's error code (null for a form check) and its message. */
  readonly orderError: { readonly code: string | null; readonly text: string } | null;
}

export const initialState: AppState = {
  spec: SKY_BTC,
  me: null,
  authChecked: false,
  connection: 'connecting',
  book: null,
  trades: [],
  candles: [],
  ticker: null,
  balances: {},
  openOrders: [],
  myTrades: [],
  notice: null,
  authError: null,
  orderError: null,
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
