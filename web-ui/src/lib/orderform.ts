/** Validation and total preview of the order form: integer maths on decimal strings only. */
import { estimateMarket, type BookState, type Side } from './book';
import { formatTrimmed, formatUnits, notional, parseUnits } from './decimal';
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
  readonly error: { readonly field: 'price' | 'amount'; readonly message: string } | null;
}

function fail(field: 'price' | 'amount', message: string, total: string | null = null): FormCheck {
  return { request: null, total, error: { field, message } };
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
    const total = estimate.filled === 0n ? null : `≈ ${formatUnits(estimate.quote, spec.quoteDecimals)}`;
    return {
      request: { market: spec.id, side: form.side, type: 'market', amount: amountOut },
      total,
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
    error: null,
  };
}
