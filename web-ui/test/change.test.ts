import { describe, expect, it } from 'vitest';
import { change24h } from '../src/lib/change';

const now = 1_800_000_000;
const candles = [
  { time: now - 90_000, open: '0.00020000' },
  { time: now - 80_000, open: '0.00010000' },
  { time: now - 60, open: '0.00015000' },
];

describe('change24h', () => {
  it('compares the last price with the first open inside the 24 hours', () => {
    expect(change24h(candles, '0.00010125', now, 8)).toEqual({ absolute: '+0.00000125', percent: '+1.25', direction: 'up' });
    expect(change24h(candles, '0.00009960', now, 8)).toEqual({ absolute: '-0.00000040', percent: '-0.40', direction: 'down' });
    expect(change24h(candles, '0.0001', now, 8)).toEqual({ absolute: '0.00000000', percent: '0.00', direction: 'flat' });
  });

  it('is null without a last price or a candle in the window', () => {
    expect(change24h(candles, null, now, 8)).toBeNull();
    expect(change24h(candles.slice(0, 1), '0.0001', now, 8)).toBeNull();
    expect(change24h([], '0.0001', now, 8)).toBeNull();
  });
});
