import { describe, expect, it } from 'vitest';
import { applyOrderUpdate, mergeNewestFirst, prependUnique, upsertCandle } from '../src/lib/lists';

describe('list merges', () => {
  it('prepends new trades once, capped', () => {
    const a = prependUnique([{ id: 2 }, { id: 1 }], { id: 3 }, 2);
    expect(a.map((x) => x.id)).toEqual([3, 2]);
    expect(prependUnique<{ id: string | number }>(a, { id: '3' }, 5).map((x) => x.id)).toEqual([3, 2]);
  });

  it('merges a REST page behind live items without duplicates', () => {
    expect(mergeNewestFirst([{ id: 5 }], [{ id: 5 }, { id: 4 }, { id: 3 }], 3).map((x) => x.id)).toEqual([5, 4, 3]);
  });

  it('keeps only open orders, replacing by id', () => {
    let open = applyOrderUpdate([], { id: 1, status: 'open', filled: '0' });
    open = applyOrderUpdate(open, { id: 2, status: 'open', filled: '0' });
    open = applyOrderUpdate(open, { id: 1, status: 'open', filled: '3' });
    expect(open).toEqual([{ id: 2, status: 'open', filled: '0' }, { id: 1, status: 'open', filled: '3' }]);
    open = applyOrderUpdate(open, { id: 2, status: 'closed', filled: '5' });
    open = applyOrderUpdate(open, { id: 9, status: 'canceled', filled: '0' });
    expect(open.map((o) => o.id)).toEqual([1]);
  });

  it('updates the current candle, appends newer ones and ignores junk', () => {
    const h = [{ time: 60, c: '1' }, { time: 120, c: '2' }];
    expect(upsertCandle(h, { time: 120, c: '3' }, 10)).toEqual([{ time: 60, c: '1' }, { time: 120, c: '3' }]);
    expect(upsertCandle(h, { time: 180, c: '4' }, 2)).toEqual([{ time: 120, c: '2' }, { time: 180, c: '4' }]);
    expect(upsertCandle(h, { time: 0, c: '0' }, 10)).toEqual(h);
    expect(upsertCandle(h, { time: Number.NaN, c: 'x' }, 10)).toEqual(h);
    expect(upsertCandle([], { time: 60, c: '1' }, 10)).toEqual([{ time: 60, c: '1' }]);
  });
});
