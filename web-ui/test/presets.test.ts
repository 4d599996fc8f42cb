import { describe, expect, it } from 'vitest';
import { applyBookMessage, type BookState } from '../src/lib/book';
import { parseUnits } from '../src/lib/decimal';
import { SKY_BTC } from '../src/lib/market';
import { checkOrderForm } from '../src/lib/orderform';
import { presetAmount } from '../src/lib/presets';
import { seededRandom } from './rng';

const free = { base: '1000.5', quote: '0.01' };
const asks = applyBookMessage(null, { type: 'snapshot', market: 'SKY-BTC', seq: 1, bids: [], asks: [['0.0001', '100']] }, SKY_BTC).state as BookState;

describe('presetAmount', () => {
  it('sells a share of the base in whole amount steps', () => {
    expect(presetAmount({ side: 'sell', type: 'limit', price: '' }, 25, SKY_BTC, free, null)).toBe('250');
    expect(presetAmount({ side: 'sell', type: 'market', price: '' }, 100, SKY_BTC, free, null)).toBe('1000');
  });

  it('spends a share of the quote on a market buy (fees come out of cost)', () => {
    expect(presetAmount({ side: 'buy', type: 'market', price: '' }, 50, SKY_BTC, free, null)).toBe('0.005');
  });

  it('buys at the form price, or the best ask, what the share pays with the fee', () => {
    // 0.01 BTC at 0.0001 BTC/SKY = 100 SKY before fees; with 0.2 % on top only 99 whole SKY fit.
    expect(presetAmount({ side: 'buy', type: 'limit', price: '0.0001' }, 100, SKY_BTC, free, null)).toBe('99');
    expect(presetAmount({ side: 'buy', type: 'limit', price: '' }, 100, SKY_BTC, free, asks)).toBe('99');
    expect(presetAmount({ side: 'buy', type: 'limit', price: '' }, 100, SKY_BTC, free, null)).toBeNull();
  });

  it('gives null for nothing to use or a bad percentage', () => {
    expect(presetAmount({ side: 'sell', type: 'limit', price: '' }, 25, SKY_BTC, { base: '0.5', quote: '0' }, null)).toBeNull();
    expect(presetAmount({ side: 'sell', type: 'limit', price: '' }, 0, SKY_BTC, free, null)).toBeNull();
    expect(presetAmount({ side: 'sell', type: 'limit', price: '' }, 101, SKY_BTC, free, null)).toBeNull();
    expect(presetAmount({ side: 'buy', type: 'limit', price: 'abc' }, 50, SKY_BTC, free, null)).toBeNull();
  });

  it('never asks for more than the balance, fee included, and passes the form check (random)', () => {
    const rng = seededRandom('presetAmount');
    for (let i = 0; i < 300; i++) {
      const price = `0.${String(1 + rng.int(99_999_999)).padStart(8, '0')}`;
      const quote = `0.${String(rng.int(99_999_999)).padStart(8, '0')}`;
      const pct = rng.pick([25, 50, 75, 100]);
      const form = { side: 'buy' as const, type: 'limit' as const, price };
      const amount = presetAmount(form, pct, SKY_BTC, { base: '0', quote }, null);
      if (amount === null) continue;
      const check = checkOrderForm({ ...form, amount }, SKY_BTC, null);
      expect(check.error).toBeNull();
      const total = (parseUnits(check.total as string, 8) as bigint) + (parseUnits(check.maxFee as string, 8) as bigint);
      expect(total <= ((parseUnits(quote, 8) as bigint) * BigInt(pct)) / 100n).toBe(true);
    }
  });
});
