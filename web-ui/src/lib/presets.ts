/** Amount presets (25/50/75/100 % of the balance) for the order form, in integer units, rounded down. */
import { bestPrice, type BookState } from './book';
import { formatTrimmed, parseUnits } from './decimal';
import type { MarketSpec } from './market';
import type { OrderForm } from './orderform';
import { ratePpm } from './orderform';

/**
 * What to put in the amount field for `percent` of the free balance: a sell sells that share of the base; a
 * limit buy buys what that share of the quote pays at the form's price (or the best ask) with the higher fee
 * included; a market buy spends that share of the quote (the API takes fees out of `cost`). Null when the
 * balance, price or book does not allow an amount.
 */
export function presetAmount(
  form: Pick<OrderForm, 'side' | 'type' | 'price'>,
  percent: number,
  spec: MarketSpec,
  free: { readonly base: string; readonly quote: string },
  book: BookState | null,
): string | null {
  if (!Number.isInteger(percent) || percent <= 0 || percent > 100) return null;
  const pct = BigInt(percent);
  if (form.side === 'sell') {
    const base = parseUnits(free.base, spec.baseDecimals);
    if (base === null) return null;
    const steps = (base * pct) / 100n / spec.amountStep;
    return steps === 0n ? null : formatTrimmed(steps * spec.amountStep, spec.baseDecimals);
  }
  const quote = parseUnits(free.quote, spec.quoteDecimals);
  if (quote === null) return null;
  const budget = (quote * pct) / 100n;
  if (form.type === 'market') return budget === 0n ? null : formatTrimmed(budget, spec.quoteDecimals);
  const price = form.price.trim() === '' ? bestPrice(book, 'asks') : parseUnits(form.price, spec.quoteDecimals);
  if (price === null || price === 0n) return null;
  const maker = ratePpm(spec.makerFee);
  const taker = ratePpm(spec.takerFee);
  const fee = maker > taker ? maker : taker;
  const scale = 10n ** BigInt(spec.baseDecimals);
  // cost of `steps` steps with the fee rounded up: steps * stepCost * (1 + fee); largest steps that fit.
  const stepCost = (price * spec.amountStep) / scale;
  if (stepCost === 0n) return null;
  let steps = (budget * 1_000_000n) / (stepCost * (1_000_000n + fee));
  const costOf = (n: bigint) => {
    const notional = (price * n * spec.amountStep) / scale;
    return notional + (notional * fee + 999_999n) / 1_000_000n;
  };
  while (steps > 0n && costOf(steps) > budget) steps -= 1n;
  return steps === 0n ? null : formatTrimmed(steps * spec.amountStep, spec.baseDecimals);
}
