import { describe, expect, it } from 'vitest';
import { applyBookMessage } from '../src/lib/book';
import { SKY_BTC, specFrom } from '../src/lib/market';
import { amountField, checkOrderForm, maxFeeOf, ratePpm } from '../src/lib/orderform';

describe('checkOrderForm', () => {
  it('builds a limit request and an exact total', () => {
    const c = checkOrderForm({ side: 'buy', type: 'limit', price: '0.0001', amount: '10' }, SKY_BTC, null);
    expect(c.error).toBeNull();
    expect(c.total).toBe('0.00100000');
    expect(c.maxFee).toBe('0.00000200');
    expect(c.request).toEqual({
      market: 'SKY-BTC', side: 'buy', type: 'limit', price: '0.00010000', amount: '10', timeInForce: 'GTC',
    });
  });

  it('keeps totals exact where floats would not (0.1 + 0.2 style)', () => {
    const c = checkOrderForm({ side: 'sell', type: 'limit', price: '0.00000003', amount: '3' }, SKY_BTC, null);
    expect(c.total).toBe('0.00000009');
    const big = checkOrderForm({ side: 'sell', type: 'limit', price: '21000000', amount: '9007199254740993' }, SKY_BTC, null);
    expect(big.total).toBe('189151184349560853000000.00000000');
  });

  it('explains bad amounts and prices and sends nothing', () => {
    const cases: Array<[string, string, 'price' | 'amount']> = [
      ['0.0001', '', 'amount'],
      ['0.0001', '0', 'amount'],
      ['0.0001', '-1', 'amount'],
      ['0.0001', '1.5', 'amount'],
      ['0.0001', '1e3', 'amount'],
      ['', '1', 'price'],
      ['0', '1', 'price'],
      ['0.000000001', '1', 'price'],
      ['abc', '1', 'price'],
    ];
    for (const [price, amount, field] of cases) {
      const c = checkOrderForm({ side: 'buy', type: 'limit', price, amount }, SKY_BTC, null);
      expect(c.request, `${price} ${amount}`).toBeNull();
      expect(c.error?.field, `${price} ${amount}`).toBe(field);
      expect(c.error?.message.length).toBeGreaterThan(5);
    }
  });

  const book = applyBookMessage(
    null,
    { type: 'snapshot', market: 'SKY-BTC', seq: 1, bids: [['0.00010', '5']], asks: [['0.00011', '2'], ['0.00012', '4']] },
    SKY_BTC,
  ).state;

  it('estimates a market sell from the bids and omits the price', () => {
    const c = checkOrderForm({ side: 'sell', type: 'market', price: 'ignored', amount: '3' }, SKY_BTC, book);
    expect(c.request).toEqual({ market: 'SKY-BTC', side: 'sell', type: 'market', amount: '3' });
    expect(c.total).toBe('≈ 0.00030000');
    expect(c.totalLabel).toBe('Total (est.)');
    expect(c.totalAsset).toBe('BTC');
    expect(c.maxFee).toBe('≈ 0.00000060');
  });

  it('sends a market buy as the quote to spend (cost) and estimates the SKY it gets', () => {
    const c = checkOrderForm({ side: 'buy', type: 'market', price: '', amount: '0.00034' }, SKY_BTC, book);
    expect(c.request).toEqual({ market: 'SKY-BTC', side: 'buy', type: 'market', cost: '0.00034' });
    // 2 SKY at 0.00011 cost 22000 + 44 fee; 0.00034 leaves 11956, enough for no more whole SKY at 0.00012 + fee
    expect(c.total).toBe('≈ 2.000000');
    expect(c.totalLabel).toBe('Receive (est.)');
    expect(c.totalAsset).toBe('SKY');
    expect(c.maxFee).toBeNull();
    expect(amountField({ side: 'buy', type: 'market' }, SKY_BTC)).toEqual({ label: 'Spend', asset: 'BTC' });
    expect(amountField({ side: 'sell', type: 'market' }, SKY_BTC)).toEqual({ label: 'Amount', asset: 'SKY' });
    for (const bad of ['0', '-1', '0.000000001', 'x']) {
      const r = checkOrderForm({ side: 'buy', type: 'market', price: '', amount: bad }, SKY_BTC, book);
      expect(r.request, bad).toBeNull();
      expect(r.error?.field).toBe('amount');
    }
  });
});

describe('maxFeeOf', () => {
  it('rounds the fee up to a whole satoshi at the higher rate', () => {
    expect(maxFeeOf(100_000n, SKY_BTC)).toBe(200n);
    expect(maxFeeOf(1n, SKY_BTC)).toBe(1n);
    expect(maxFeeOf(0n, SKY_BTC)).toBe(0n);
    expect(maxFeeOf(100_000n, { ...SKY_BTC, makerFee: '0.005', takerFee: 'junk' })).toBe(500n);
    expect(ratePpm('0.0025')).toBe(2500n);
  });
});

describe('specFrom', () => {
  it('reads steps from the markets endpoint and falls back on junk', () => {
    const s = specFrom(
      { id: 'SKY-BTC', symbol: 'SKY/BTC', base: 'SKY', quote: 'BTC', amountStep: '0.5', priceStep: '0.00000010' },
      SKY_BTC,
    );
    expect(s.amountStep).toBe(500_000n);
    expect(s.priceStep).toBe(10n);
    const junk = specFrom(
      { id: 'SKY-BTC', symbol: 'SKY/BTC', base: 'SKY', quote: 'BTC', amountStep: 'x', priceStep: '-1' },
      SKY_BTC,
    );
    expect(junk.amountStep).toBe(1_000_000n);
    expect(junk.priceStep).toBe(1n);
    expect(specFrom(undefined, SKY_BTC)).toBe(SKY_BTC);
  });
});
