/** Validation and total preview of the order form: integer maths on decimal strings only. */
import { estimateMarket, type BookState, type Side } from './book';
import { ceilDiv, formatTrimmed, formatUnits, notional, parseUnits } from './decimal';
import type { MarketSpec } from './market';

export type OrderType = 'limit' | 'market';

export interface OrderForm {
  readonly side: Side;
  readonly type: OrderType;
  readonly price: string;
  readonly amount: string;
}

export interface OrderRequest {
  readonly market: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly amount: string;
  readonly price?: string;
  readonly timeInForce?: string;
}

export interface FormCheck {
  /** The request body to send, or null while the form is incomplete or wrong. */
  readonly request: OrderRequest | null;
  /** Total in the quote asset (exact for limit, estimated from the book for market), or null. */
  readonly total: string | null;
  /** The most the fee can be (quote asset, the higher of the maker and taker rates, rounded up), or null. */
  readonly maxFee: string | null;
  readonly error: { readonly field: 'price' | 'amount'; readonly message: string } | null;
}

function fail(field: 'price' | 'amount', message: string, total: string | null = null): FormCheck {
  return { request: null, total, maxFee: null, error: { field, message } };
}

export function checkOrderForm(form: OrderForm, spec: MarketSpec, book: BookState | null): FormCheck {
  const amountText = form.amount.trim();
  const priceText = form.price.trim();
  if (amountText === '') return fail('amount', 'Enter an amount');
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
      timeInForce: 'GTC',
    },
    total: formatUnits(cost.units, spec.quoteDecimals),
    maxFee: formatUnits(maxFeeOf(cost.units, spec), spec.quoteDecimals),
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
