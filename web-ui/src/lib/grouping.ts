/**
 * Price grouping of the book and the cumulative depth curve, in integer units (BigInt) on the book's levels.
 * Bids are grouped down and asks up to the group step, so a grouped level never looks better than the book.
 */
import { formatUnits } from './decimal';
import type { BookState } from './book';
import type { MarketSpec } from './market';

export type BookSide = 'bids' | 'asks';

/** Levels of one side summed into buckets of `step` quote units (bids: floor, asks: ceiling). */
export function groupLevels(levels: ReadonlyMap<bigint, bigint>, side: BookSide, step: bigint): Map<bigint, bigint> {
  if (step <= 0n) throw new Error('group step must be positive');
  const out = new Map<bigint, bigint>();
  for (const [price, amount] of levels) {
    const down = (price / step) * step;
    const bucket = side === 'bids' || down === price ? down : down + step;
    out.set(bucket, (out.get(bucket) ?? 0n) + amount);
  }
  return out;
}

/** The book with both sides grouped; the same object when `step` is the market's price step. */
export function groupBook(book: BookState | null, step: bigint, spec: MarketSpec): BookState | null {
  if (book === null || step === spec.priceStep) return book;
  return { market: book.market, seq: book.seq, bids: groupLevels(book.bids, 'bids', step), asks: groupLevels(book.asks, 'asks', step) };
}

/** Grouping steps offered: the price step times 1, 10, 100 and 1000, with labels at the quote's precision. */
export function groupSteps(spec: MarketSpec): Array<{ step: bigint; label: string }> {
  return [1n, 10n, 100n, 1000n].map((k) => {
    const step = spec.priceStep * k;
    return { step, label: formatUnits(step, spec.quoteDecimals).replace(/0+$/, '').replace(/\.$/, '') };
  });
}

export interface DepthPoint { readonly price: bigint; readonly cumulative: bigint }

/**
 * Cumulative depth of one side from the best price outwards (bids high→low, asks low→high), at most `limit`
 * levels: the steps of a depth chart.
 */
export function depthCurve(book: BookState | null, side: BookSide, limit: number): DepthPoint[] {
  if (book === null) return [];
  const sorted = [...book[side].entries()].sort((a, b) => (side === 'bids' ? (a[0] > b[0] ? -1 : a[0] < b[0] ? 1 : 0) : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let running = 0n;
  return sorted.slice(0, Math.max(0, limit)).map(([price, amount]) => {
    running += amount;
    return { price, cumulative: running };
  });
}
