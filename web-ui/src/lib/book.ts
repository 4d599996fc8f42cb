/**
 * Order book state kept from the `book` stream: a snapshot, then deltas whose `seq` (the journal's) goes up.
 * Pure functions over immutable values; levels are keyed by price in quote units (BigInt).
 */
import { ceilDiv, formatUnits, parseUnits, perMille } from './decimal';
import type { MarketSpec } from './market';

export type Side = 'buy' | 'sell';

export interface BookState {
  readonly market: string;
  readonly seq: number;
  readonly bids: ReadonlyMap<bigint, bigint>;
  readonly asks: ReadonlyMap<bigint, bigint>;
}

/** The book message as it arrives on the wire (snapshot or delta). */
export interface BookMessage {
  readonly type: string;
  readonly market: string;
  readonly seq: number;
  readonly bids: ReadonlyArray<readonly [string, string]>;
  readonly asks: ReadonlyArray<readonly [string, string]>;
}

/**
 * applied: the state moved on; stale: an old or repeated delta, ignored; gap: a delta is missing, so the
 * caller resubscribes with `since`; invalid: the message is malformed and was ignored.
 */
export type BookResult = 'applied' | 'stale' | 'gap' | 'invalid';

export interface BookUpdate {
  readonly result: BookResult;
  readonly state: BookState | null;
}

function parseLevels(
  levels: ReadonlyArray<readonly [string, string]> | undefined,
  spec: MarketSpec,
): Array<[bigint, bigint]> | null {
  if (!Array.isArray(levels)) return null;
  const out: Array<[bigint, bigint]> = [];
  for (const level of levels) {
    if (!Array.isArray(level) || level.length < 2) return null;
    const price = parseUnits(String(level[0]), spec.quoteDecimals);
    const amount = parseUnits(String(level[1]), spec.baseDecimals);
    if (price === null || amount === null) return null;
    out.push([price, amount]);
  }
  return out;
}

function withLevels(side: ReadonlyMap<bigint, bigint>, levels: Array<[bigint, bigint]>): Map<bigint, bigint> {
  const next = new Map(side);
  for (const [price, amount] of levels) {
    if (amount === 0n) next.delete(price);
    else next.set(price, amount);
  }
  return next;
}

/** Applies one book message to the current state (null before the first snapshot). */
export function applyBookMessage(state: BookState | null, msg: BookMessage, spec: MarketSpec): BookUpdate {
  if (!Number.isSafeInteger(msg.seq) || msg.seq < 0) return { result: 'invalid', state };
  const bids = parseLevels(msg.bids, spec);
  const asks = parseLevels(msg.asks, spec);
  if (bids === null || asks === null) return { result: 'invalid', state };
  if (msg.type === 'snapshot') {
    return {
      result: 'applied',
      state: { market: msg.market, seq: msg.seq, bids: withLevels(new Map(), bids), asks: withLevels(new Map(), asks) },
    };
  }
  if (msg.type !== 'delta') return { result: 'invalid', state };
  if (state === null) return { result: 'gap', state };
  if (msg.seq <= state.seq) return { result: 'stale', state };
  return {
    result: 'applied',
    state: { market: state.market, seq: msg.seq, bids: withLevels(state.bids, bids), asks: withLevels(state.asks, asks) },
  };
}

export interface DepthRow {
  readonly price: string;
  readonly amount: string;
  readonly total: string;
  /** Cumulative amount relative to the deepest row shown, 0..1000. */
  readonly depthPerMille: number;
}

/** Best levels of one side (bids high→low, asks low→high) with cumulative depth. */
export function depth(state: BookState | null, side: 'bids' | 'asks', limit: number, spec: MarketSpec): DepthRow[] {
  const shown = depthEntries(state, side).slice(0, Math.max(0, limit));
  const total = shown.reduce((sum, [, amount]) => sum + amount, 0n);
  let running = 0n;
  return shown.map(([price, amount]) => {
    running += amount;
    return {
      price: formatUnits(price, spec.quoteDecimals),
      amount: formatUnits(amount, spec.baseDecimals),
      total: formatUnits(running, spec.baseDecimals),
      depthPerMille: perMille(running, total),
    };
  });
}

export function bestPrice(state: BookState | null, side: 'bids' | 'asks'): bigint | null {
  if (state === null) return null;
  let best: bigint | null = null;
  for (const price of state[side].keys()) {
    if (best === null || (side === 'bids' ? price > best : price < best)) best = price;
  }
  return best;
}

/** Best ask minus best bid in quote units, or null if a side is empty. */
export function spread(state: BookState | null): bigint | null {
  const bid = bestPrice(state, 'bids');
  const ask = bestPrice(state, 'asks');
  return bid === null || ask === null ? null : ask - bid;
}

export interface MarketEstimate {
  /** Base units the book can fill now. */
  readonly filled: bigint;
  /** Quote units those fills cost (buy) or earn (sell), rounded down per level. */
  readonly quote: bigint;
  /** True when the whole amount can be filled from the visible book. */
  readonly complete: boolean;
}

/** What a market order of `amount` base units would do against the current book. */
export function estimateMarket(state: BookState | null, side: Side, amount: bigint, spec: MarketSpec): MarketEstimate {
  const levels = depthEntries(state, side === 'buy' ? 'asks' : 'bids');
  const scale = 10n ** BigInt(spec.baseDecimals);
  let remaining = amount;
  let quote = 0n;
  for (const [price, size] of levels) {
    if (remaining === 0n) break;
    const take = size < remaining ? size : remaining;
    quote += (price * take) / scale;
    remaining -= take;
  }
  return { filled: amount - remaining, quote, complete: remaining === 0n };
}

/**
 * Base units a market buy with `budget` quote units (fees included, fee rate `feePpm`, fee rounded up per fill)
 * would get from the visible asks, in whole amount steps.
 */
export function estimateMarketBuy(state: BookState | null, budget: bigint, feePpm: bigint, spec: MarketSpec): bigint {
  const scale = 10n ** BigInt(spec.baseDecimals);
  let left = budget;
  let bought = 0n;
  for (const [price, size] of depthEntries(state, 'asks')) {
    const stepCost = (price * spec.amountStep) / scale;
    const stepAll = stepCost + ceilDiv(stepCost * feePpm, 1_000_000n);
    if (stepAll === 0n || stepAll > left) break;
    let steps = size / spec.amountStep;
    while (steps > 0n) {
      const notional = (price * steps * spec.amountStep) / scale;
      const all = notional + ceilDiv(notional * feePpm, 1_000_000n);
      if (all <= left) {
        left -= all;
        bought += steps * spec.amountStep;
        break;
      }
      steps = (steps * left) / all;
    }
    if (steps * spec.amountStep < size) break;
  }
  return bought;
}

function depthEntries(state: BookState | null, side: 'bids' | 'asks'): Array<[bigint, bigint]> {
  if (state === null) return [];
  return [...state[side].entries()].sort((a, b) =>
    side === 'bids' ? (a[0] > b[0] ? -1 : a[0] < b[0] ? 1 : 0) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0,
  );
}
