import { describe, expect, it } from 'vitest';
import { SeqTracker, streamKey } from '../src/lib/seq';

describe('SeqTracker', () => {
  it('accepts a baseline then later journal positions, not necessarily contiguous', () => {
    const t = new SeqTracker();
    expect(t.accept('trades:SKY-BTC', 41, 0)).toBe('ok');
    expect(t.accept('trades:SKY-BTC', 41, 1)).toBe('ok');
    expect(t.accept('trades:SKY-BTC', 57, 0)).toBe('ok');
  });

  it('flags duplicates and junk; streams are independent', () => {
    const t = new SeqTracker();
    t.accept('a', 1);
    expect(t.accept('a', 3)).toBe('ok');
    expect(t.accept('a', 4)).toBe('ok');
    expect(t.accept('a', 4)).toBe('duplicate');
    expect(t.accept('a', 2)).toBe('duplicate');
    expect(t.accept('a', 4, -1)).toBe('invalid');
    expect(t.accept('a', '5')).toBe('invalid');
    expect(t.accept('a', -1)).toBe('invalid');
    expect(t.accept('b', 100)).toBe('ok');
  });

  it('takes a new baseline after reset', () => {
    const t = new SeqTracker();
    t.accept('a', 10);
    t.reset('a');
    expect(t.accept('a', 3)).toBe('ok');
  });

  it('builds keys per channel and market', () => {
    expect(streamKey('book', 'SKY-BTC')).toBe('book:SKY-BTC');
    expect(streamKey('orders')).toBe('orders');
  });
});
