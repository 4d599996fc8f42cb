import { describe, expect, it } from 'vitest';
import { applyBookMessage, type BookState } from '../src/lib/book';
import { depthCurve, groupBook, groupLevels, groupSteps } from '../src/lib/grouping';
import { SKY_BTC } from '../src/lib/market';
import { seededRandom } from './rng';

function book(bids: Array<[string, string]>, asks: Array<[string, string]>): BookState {
  return applyBookMessage(null, { type: 'snapshot', market: 'SKY-BTC', seq: 1, bids, asks }, SKY_BTC).state as BookState;
}

describe('groupLevels', () => {
  it('rounds bids down and asks up to the step, summing amounts', () => {
    const levels = new Map<bigint, bigint>([[10_001n, 1n], [10_099n, 2n], [10_100n, 4n], [9_999n, 8n]]);
    expect([...groupLevels(levels, 'bids', 100n)].sort()).toEqual([[10_000n, 3n], [10_100n, 4n], [9_900n, 8n]].sort());
    expect([...groupLevels(levels, 'asks', 100n)].sort()).toEqual([[10_100n, 7n], [10_000n, 8n]].sort());
  });

  it('keeps the total amount and never improves a price (random books)', () => {
    const rng = seededRandom('groupLevels');
    for (let round = 0; round < 200; round++) {
      const levels = new Map<bigint, bigint>();
      for (let i = 0; i < 20; i++) levels.set(BigInt(1 + rng.int(100_000)), BigInt(1 + rng.int(1_000_000)));
      const step = rng.pick([1n, 10n, 100n, 1000n]);
      const sum = (m: Map<bigint, bigint>) => [...m.values()].reduce((a, b) => a + b, 0n);
      for (const side of ['bids', 'asks'] as const) {
        const grouped = groupLevels(levels, side, step);
        expect(sum(grouped)).toBe(sum(levels));
        for (const p of grouped.keys()) expect(p % step).toBe(0n);
        const best = (m: Map<bigint, bigint>) => [...m.keys()].reduce((a, b) => (side === 'bids' ? (b > a ? b : a) : b < a ? b : a));
        if (side === 'bids') expect(best(grouped) <= best(levels)).toBe(true);
        else expect(best(grouped) >= best(levels)).toBe(true);
      }
    }
  }, 30_000); // 200 random books: seconds on a loaded 2-core machine

  it('refuses a step that is not positive', () => {
    expect(() => groupLevels(new Map(), 'bids', 0n)).toThrow();
  });
});

describe('groupBook and groupSteps', () => {
  it('returns the book itself at the price step and a grouped copy otherwise', () => {
    const b = book([['0.00010001', '1'], ['0.00010009', '2']], [['0.00010011', '3']]);
    expect(groupBook(b, 1n, SKY_BTC)).toBe(b);
    const g = groupBook(b, 10n, SKY_BTC) as BookState;
    expect([...g.bids]).toEqual([[10_000n, 3_000_000n]]);
    expect([...g.asks]).toEqual([[10_020n, 3_000_000n]]);
    expect(g.seq).toBe(1);
  });

  it('labels steps at the quote precision without trailing zeros', () => {
    expect(groupSteps(SKY_BTC).map((s) => s.label)).toEqual(['0.00000001', '0.0000001', '0.000001', '0.00001']);
  });
});

describe('depthCurve', () => {
  it('accumulates from the best price outwards', () => {
    const b = book([['0.0001', '1'], ['0.00009', '2'], ['0.00011', '4']], [['0.00012', '5'], ['0.00013', '1']]);
    expect(depthCurve(b, 'bids', 10).map((p) => [p.price, p.cumulative])).toEqual([
      [11_000n, 4_000_000n], [10_000n, 5_000_000n], [9_000n, 7_000_000n]]);
    expect(depthCurve(b, 'asks', 1).map((p) => [p.price, p.cumulative])).toEqual([[12_000n, 5_000_000n]]);
    expect(depthCurve(null, 'asks', 5)).toEqual([]);
  });
});
