/**
 * Validation and preview of the order form: integer maths on decimal strings only.
 * Limit orders and market sells take an amount of the base asset; a market buy takes the quote to spend
 * (`cost`, fees included), as the API expects.
 */
import { estimateMarket, estimateMarketBuy, type BookState, type Side } from './book';
import { ceilDiv, formatTrimmed, formatUnits, notional, parseUnits } from './decimal';
import type { MarketSpec } from './market';

export type OrderType = 'limit' | 'market';
/** Limit orders only: good till cancelled, post-only, immediate-or-cancel, fill-or-kill (the API's names). */
export type TimeInForce = 'GTC' | 'PO' | 'IOC' | 'FOK';
export const TIME_IN_FORCE: readonly TimeInForce[] = ['GTC', 'PO', 'IOC', 'FOK'];

export interface OrderForm {
  readonly side: Side;
  readonly type: OrderType;
  readonly price: string;
  /** Base amount, or for a market buy the quote to spend. */
  readonly amount: string;
  /** Limit orders: GTC when absent. */
  readonly timeInForce?: TimeInForce;
}

export interface OrderRequest {
  readonly market: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly amount?: string;
  readonly cost?: string;
  readonly price?: string;
  readonly timeInForce?: string;
}

export interface FormCheck {
  /** The request body to send, or null while the form is incomplete or wrong. */
  readonly request: OrderRequest | null;
  /** What the preview line shows: the total of a limit order, or an estimate from the book for a market order. */
  readonly total: string | null;
  readonly totalLabel: string;
  readonly totalAsset: string;
  /** The most the fee can be (quote asset, the higher of the maker and taker rates, rounded up), or null. */
  readonly maxFee: string | null;
  readonly error: { readonly field: 'price' | 'amount'; readonly message: string } | null;
}

/** What the amount field means for this side and type: its label and asset. */
export function amountField(form: Pick<OrderForm, 'side' | 'type'>, spec: MarketSpec): { label: string; asset: string } {
  return isMarketBuy(form) ? { label: 'Spend', asset: spec.quote } : { label: 'Amount', asset: spec.base };
}

function isMarketBuy(form: Pick<OrderForm, 'side' | 'type'>): boolean {
  return form.type === 'market' && form.side === 'buy';
}

export function checkOrderForm(form: OrderForm, spec: MarketSpec, book: BookState | null): FormCheck {
  const labels = isMarketBuy(form)
    ? { totalLabel: 'Receive (est.)', totalAsset: spec.base }
    : { totalLabel: form.type === 'market' ? 'Total (est.)' : 'Total', totalAsset: spec.quote };
  const fail = (field: 'price' | 'amount', message: string): FormCheck =>
    ({ request: null, total: null, maxFee: null, ...labels, error: { field, message } });
  const amountText = form.amount.trim();
  const priceText = form.price.trim();
  if (amountText === '') return fail('amount', isMarketBuy(form) ? 'Enter how much to spend' : 'Enter an amount');

  if (isMarketBuy(form)) {
    const cost = parseUnits(amountText, spec.quoteDecimals);
    if (cost === null) return fail('amount', `Spend must be a plain number with at most ${spec.quoteDecimals} decimals`);
    if (cost === 0n) return fail('amount', 'Spend must be more than zero');
    const estimate = estimateMarketBuy(book, cost, ratePpm(spec.takerFee), spec);
    return {
      request: { market: spec.id, side: 'buy', type: 'market', cost: formatTrimmed(cost, spec.quoteDecimals) },
      total: estimate === 0n ? null : `≈ ${formatUnits(estimate, spec.baseDecimals)}`,
      maxFee: null,
      ...labels,
      error: null,
    };
  }

  const amount = parseUnits(amountText, spec.baseDecimals);
  if (amount === null) return fail('amount', `Amount must be a plain number with at most ${spec.baseDecimals} decimals`);
  if (amount === 0n) return fail('amount', 'Amount must be more than zero');
  if (amount % spec.amountStep !== 0n) {
    return fail('amount', `Amount must be a multiple of ${formatTrimmed(spec.amountStep, spec.baseDecimals)} ${spec.base}`);
  }
  const amountOut = formatTrimmed(amount, spec.baseDecimals);
  if (form.type === 'market') {
    const estimate = estimateMarket(book, form.side, amount, spec);
    const known = estimate.filled > 0n;
    return {
      request: { market: spec.id, side: form.side, type: 'market', amount: amountOut },
      total: known ? `≈ ${formatUnits(estimate.quote, spec.quoteDecimals)}` : null,
      maxFee: known ? `≈ ${formatUnits(maxFeeOf(estimate.quote, spec), spec.quoteDecimals)}` : null,
      ...labels,
      error: null,
    };
  }
  if (priceText === '') return fail('price', 'Enter a price');
  const price = parseUnits(priceText, spec.quoteDecimals);
  if (price === null) return fail('price', `Price must be a plain number with at most ${spec.quoteDecimals} decimals`);
  if (price === 0n) return fail('price', 'Price must be more than zero');
  if (price % spec.priceStep !== 0n) {
    return fail('price', `Price must be a multiple of ${formatTrimmed(spec.priceStep, spec.quoteDecimals)} ${spec.quote}`);
  }
  const cost = notional(price, amount, spec.baseDecimals);
  return {
    request: {
      market: spec.id,
      side: form.side,
      type: 'limit',
      price: formatUnits(price, spec.quoteDecimals),
      amount: amountOut,
      timeInForce: form.timeInForce ?? 'GTC',
    },
    total: formatUnits(cost.units, spec.quoteDecimals),
    maxFee: formatUnits(maxFeeOf(cost.units, spec), spec.quoteDecimals),
    ...labels,
    error: null,
  };
}

/** Fee rate "0.002" as parts per million (2000n); 0n if the rate is malformed. */
export function ratePpm(rate: string): bigint {
  return parseUnits(rate, 6) ?? 0n;
}

/** Upper bound of the fee on `quoteUnits` of notional: the higher rate, rounded up to a whole unit. */
export function maxFeeOf(quoteUnits: bigint, spec: MarketSpec): bigint {
  const maker = ratePpm(spec.makerFee);
  const taker = ratePpm(spec.takerFee);
  return ceilDiv(quoteUnits * (maker > taker ? maker : taker), 1_000_000n);
}
