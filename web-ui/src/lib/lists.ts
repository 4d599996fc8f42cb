/** Pure merges of live stream items into the lists the page shows. */

export interface HasId { readonly id: string | number }

/** Puts `item` first unless an item with the same id is already there; keeps at most `max`. */
export function prependUnique<T extends HasId>(list: readonly T[], item: T, max: number): T[] {
  if (list.some((x) => String(x.id) === String(item.id))) return [...list];
  return [item, ...list].slice(0, max);
}

/** Merges a REST page (newest first) with items already received live, newest first, unique by id. */
export function mergeNewestFirst<T extends HasId>(live: readonly T[], page: readonly T[], max: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...live, ...page]) {
    const key = String(x.id);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(x);
  }
  return out.slice(0, max);
}

export interface OrderLike extends HasId { readonly status: string }

/** Open-orders list after an order update: open orders are inserted or replaced, others removed. */
export function applyOrderUpdate<T extends OrderLike>(open: readonly T[], order: T): T[] {
  const key = String(order.id);
  const idx = open.findIndex((o) => String(o.id) === key);
  if (order.status !== 'open') return open.filter((o) => String(o.id) !== key);
  if (idx === -1) return [order, ...open];
  const next = [...open];
  next[idx] = order;
  return next;
}

export interface CandleLike { readonly time: number }

/** Candle history (oldest first) after a live candle: replaces the same bucket or appends a newer one. */
export function upsertCandle<T extends CandleLike>(history: readonly T[], candle: T, max: number): T[] {
  if (!Number.isSafeInteger(candle.time)) return [...history];
  const last = history[history.length - 1];
  if (last === undefined || candle.time > last.time) return [...history, candle].slice(-max);
  const idx = history.findIndex((c) => c.time === candle.time);
  if (idx === -1) return [...history];
  const next = [...history];
  next[idx] = candle;
  return next;
}
