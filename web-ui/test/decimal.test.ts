import { describe, expect, it } from 'vitest';
import { ceilDiv, formatTrimmed, formatUnits, normalize, notional, parseSignedUnits, parseUnits, perMille } from '../src/lib/decimal';
import { seededRandom } from './rng';

describe('parseUnits', () => {
  it('parses whole and fractional amounts into integer units', () => {
    expect(parseUnits('12.5', 6)).toBe(12_500_000n);
    expect(parseUnits('0.00000050', 8)).toBe(50n);
    expect(parseUnits('1000', 6)).toBe(1_000_000_000n);
    expect(parseUnits(' 7 ', 6)).toBe(7_000_000n);
    expect(parseUnits('0', 8)).toBe(0n);
  });

  it('keeps values far beyond 2^53 exact', () => {
    expect(parseUnits('92233720368.54775807', 8)).toBe(9_223_372_036_854_775_807n);
    expect(parseUnits('123456789012345678901234567890', 0)).toBe(123456789012345678901234567890n);
  });

  it('refuses signs, exponents, junk and over-precise values', () => {
    for (const bad of ['', '-1', '+1', '1e5', '1.', '.5', '1.2.3', 'abc', '1,5', '0x10', 'NaN', 'Infinity']) {
      expect(parseUnits(bad, 8), bad).toBeNull();
    }
    expect(parseUnits('0.000000001', 8)).toBeNull();
    expect(parseUnits('1.1234567', 6)).toBeNull();
  });

  it('parses signed ledger amounts', () => {
    expect(parseSignedUnits('-0.001', 8)).toBe(-100_000n);
    expect(parseSignedUnits('+2', 6)).toBe(2_000_000n);
    expect(parseSignedUnits('--2', 6)).toBeNull();
  });
});

describe('formatUnits', () => {
  it('formats at fixed precision, including negatives and zero', () => {
    expect(formatUnits(1_009_980_000n, 6)).toBe('1009.980000');
    expect(formatUnits(1_099_900n, 8)).toBe('0.01099900');
    expect(formatUnits(0n, 8)).toBe('0.00000000');
    expect(formatUnits(-100n, 8)).toBe('-0.00000100');
    expect(formatUnits(5n, 0)).toBe('5');
  });

  it('trims trailing zeros on request', () => {
    expect(formatTrimmed(12_500_000n, 6)).toBe('12.5');
    expect(formatTrimmed(3_000_000n, 6)).toBe('3');
    expect(formatTrimmed(0n, 6)).toBe('0');
  });

  it('normalizes server strings and leaves unparseable text alone', () => {
    expect(normalize('1009.98', 6)).toBe('1009.980000');
    expect(normalize('-0.001', 8)).toBe('-0.00100000');
    expect(normalize('n/a', 8)).toBe('n/a');
  });

  it('round-trips random unit values exactly', () => {
    const rng = seededRandom('decimal round trip');
    for (let i = 0; i < 2000; i++) {
      const decimals = rng.int(9);
      const units = BigInt(rng.int(2 ** 30)) * BigInt(rng.int(2 ** 30)) + BigInt(rng.int(1000));
      const text = formatUnits(units, decimals);
      expect(parseUnits(text, decimals), `seed=${rng.seed} units=${units} decimals=${decimals}`).toBe(units);
      expect(parseUnits(formatTrimmed(units, decimals), decimals)).toBe(units);
    }
  });
});

describe('notional and ratios', () => {
  it('multiplies price by amount exactly and reports truncation', () => {
    // 10 SKY at 0.0001 BTC = 0.001 BTC
    expect(notional(10_000n, 10_000_000n, 6)).toEqual({ units: 100_000n, exact: true });
    // 0.5 SKY at 0.00000003 BTC = 0.000000015 BTC: truncated to 1 satoshi
    expect(notional(3n, 500_000n, 6)).toEqual({ units: 1n, exact: false });
  });

  it('rounds up in ceilDiv and caps per-mille at 1000', () => {
    expect(ceilDiv(10n, 3n)).toBe(4n);
    expect(ceilDiv(9n, 3n)).toBe(3n);
    expect(perMille(1n, 3n)).toBe(333);
    expect(perMille(5n, 0n)).toBe(0);
    expect(perMille(7n, 5n)).toBe(1000);
  });
});
