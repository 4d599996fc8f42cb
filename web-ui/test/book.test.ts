import { describe, expect, it } from 'vitest';
import { applyBookMessage, bestPrice, depth, estimateMarket, estimateMarketBuy, spread, type BookMessage, type BookState } from '../src/lib/book';
import { formatUnits } from '../src/lib/decimal';
import { SKY_BTC } from '../src/lib/market';
import { seededRandom } from './rng';

const snapshot: BookMessage = {
  type: 'snapshot',
  market: 'SKY-BTC',
  seq: 10,
  bids: [['0.00010000', '5'], ['0.00009000', '3']],
  asks: [['0.00011000', '2'], ['0.00012000', '4']],
};

function delta(seq: number, bids: Array<[string, string]>, asks: Array<[string, string]>): BookMessage {
  return { type: 'delta', market: 'SKY-BTC', seq, bids, asks };
}

function start(): BookState {
  const u = applyBookMessage(null, snapshot, SKY_BTC);
  expect(u.result).toBe('applied');
  return u.state as BookState;
}

describe('applyBookMessage', () => {
  it('takes a snapshot and sorts depth with cumulative totals', () => {
    const s = start();
    expect(s.seq).toBe(10);
    expect(depth(s, 'bids', 10, SKY_BTC)).toEqual([
      { price: '0.00010000', amount: '5.000000', total: '5.000000', depthPerMille: 625 },
      { price: '0.00009000', amount: '3.000000', total: '8.000000', depthPerMille: 1000 },
    ]);
    expect(depth(s, 'asks', 1, SKY_BTC).map((r) => r.price)).toEqual(['0.00011000']);
    expect(bestPrice(s, 'bids')).toBe(10_000n);
    expect(bestPrice(s, 'asks')).toBe(11_000n);
    expect(spread(s)).toBe(1_000n);
  });

  it('applies the next delta with absolute amounts, "0" removing a level', () => {
    const u = applyBookMessage(start(), delta(11, [['0.0001', '0'], ['0.00009500', '1']], [['0.00011000', '7']]), SKY_BTC);
    expect(u.result).toBe('applied');
    const s = u.state as BookState;
    expect(s.seq).toBe(11);
    expect(depth(s, 'bids', 10, SKY_BTC).map((r) => [r.price, r.amount])).toEqual([
      ['0.00009500', '1.000000'],
      ['0.00009000', '3.000000'],
    ]);
    expect(depth(s, 'asks', 10, SKY_BTC)[0]?.amount).toBe('7.000000');
  });

  it('applies a delta with any later seq (the journal seq is not contiguous per book)', () => {
    const s = start();
    const u = applyBookMessage(s, delta(25, [['0.0001', '0']], []), SKY_BTC);
    expect(u.result).toBe('applied');
    expect(u.state?.seq).toBe(25);
  });

  it('ignores stale deltas and needs a snapshot first', () => {
    const s = start();
    expect(applyBookMessage(s, delta(10, [['0.0001', '0']], []), SKY_BTC)).toEqual({ result: 'stale', state: s });
    expect(applyBookMessage(null, delta(1, [], []), SKY_BTC).result).toBe('gap');
  });

  it('refuses malformed messages without touching the state', () => {
    const s = start();
    for (const bad of [
      delta(11, [['-1', '1']], []),
      delta(11, [['0.000000001', '1']], []),
      delta(11, [], [['0.0001', 'x']]),
      { ...delta(11, [], []), seq: 1.5 },
      { ...delta(11, [], []), type: 'weird' },
      { ...delta(11, [], []), bids: undefined as unknown as [] },
    ]) {
      expect(applyBookMessage(s, bad, SKY_BTC)).toEqual({ result: 'invalid', state: s });
    }
  });

  it('leaves the previous state unchanged (immutable updates)', () => {
    const s = start();
    applyBookMessage(s, delta(11, [['0.0001', '0']], []), SKY_BTC);
    expect(s.bids.get(10_000n)).toBe(5_000_000n);
  });

  it('matches a reference model over a random stream of deltas', () => {
    const rng = seededRandom('book deltas');
    const model = { bids: new Map<bigint, bigint>(), asks: new Map<bigint, bigint>() };
    let state = applyBookMessage(null, { type: 'snapshot', market: 'SKY-BTC', seq: 0, bids: [], asks: [] }, SKY_BTC).state;
    for (let seq = 1; seq <= 500; seq++) {
      const bids: Array<[string, string]> = [];
      const asks: Array<[string, string]> = [];
      for (let k = rng.int(4); k >= 0; k--) {
        const isBid = rng.next() < 0.5;
        const price = BigInt(isBid ? 1 + rng.int(50) : 51 + rng.int(50));
        const amount = rng.next() < 0.3 ? 0n : BigInt(1 + rng.int(1000)) * 1_000_000n;
        (isBid ? bids : asks).push([formatUnits(price, 8), formatUnits(amount, 6)]);
        const side = isBid ? model.bids : model.asks;
        if (amount === 0n) side.delete(price);
        else side.set(price, amount);
      }
      const u = applyBookMessage(state, delta(seq, bids, asks), SKY_BTC);
      expect(u.result, `seed=${rng.seed} seq=${seq}`).toBe('applied');
      state = u.state;
    }
    const s = state as BookState;
    expect(new Map(s.bids), `seed=${rng.seed}`).toEqual(model.bids);
    expect(new Map(s.asks), `seed=${rng.seed}`).toEqual(model.asks);
    const rows = depth(s, 'bids', 1000, SKY_BTC);
    const sum = [...model.bids.values()].reduce((a, b) => a + b, 0n);
    expect(rows.at(-1)?.total ?? '0.000000').toBe(formatUnits(sum, 6));
  });
});

describe('estimateMarketBuy', () => {
  it('buys whole SKY within the budget, fees included', () => {
    const s = start(); // asks: 2 @ 0.00011, 4 @ 0.00012
    expect(estimateMarketBuy(s, 22_044n, 2000n, SKY_BTC)).toBe(2_000_000n);
    expect(estimateMarketBuy(s, 22_043n, 2000n, SKY_BTC)).toBe(1_000_000n);
    // all of level one (22044) and two of level two (2 x 12000 + 48 fee)
    expect(estimateMarketBuy(s, 22_044n + 24_048n, 2000n, SKY_BTC)).toBe(4_000_000n);
    expect(estimateMarketBuy(s, 10n ** 12n, 2000n, SKY_BTC)).toBe(6_000_000n);
    expect(estimateMarketBuy(s, 100n, 2000n, SKY_BTC)).toBe(0n);
    expect(estimateMarketBuy(null, 10n ** 9n, 2000n, SKY_BTC)).toBe(0n);
  });
});

describe('estimateMarket', () => {
  it('walks the opposite side of the book', () => {
    const s = start();
    // buy 3 SKY: 2 at 0.00011 + 1 at 0.00012 = 0.00034 BTC
    expect(estimateMarket(s, 'buy', 3_000_000n, SKY_BTC)).toEqual({ filled: 3_000_000n, quote: 34_000n, complete: true });
    // sell 10 SKY: only 8 on the bid side
    expect(estimateMarket(s, 'sell', 10_000_000n, SKY_BTC)).toEqual({ filled: 8_000_000n, quote: 77_000n, complete: false });
    expect(estimateMarket(null, 'buy', 1n, SKY_BTC)).toEqual({ filled: 0n, quote: 0n, complete: false });
  });
});
