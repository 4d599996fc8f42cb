import { describe, expect, it } from 'vitest';
import { epochDay, formatBytes, isRelayKey } from '../src/lib/relays';

describe('relays', () => {
  it('recognises relay keys', () => {
    expect(isRelayKey('02' + 'ab'.repeat(32))).toBe(true);
    expect(isRelayKey(' 03' + 'AB'.repeat(32) + ' ')).toBe(true);
    expect(isRelayKey('04' + 'ab'.repeat(32))).toBe(false);
    expect(isRelayKey('02' + 'ab'.repeat(31))).toBe(false);
  });

  it('formats byte counts exactly, rounding down', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500000)).toBe('1.50 MB');
    expect(formatBytes(999999)).toBe('999.99 KB');
    expect(formatBytes('123456789012345678901')).toBe('123456.78 PB');
  });

  it('names the day of an epoch', () => {
    expect(epochDay(0)).toBe('1970-01-01');
    expect(epochDay(20000)).toBe('2024-10-04');
  });
});
