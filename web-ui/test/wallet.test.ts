import { describe, expect, it } from 'vitest';
import { checkWithdraw, confirmationsText, paymentUri, requestKey, sameAddress, withdrawalStep } from '../src/lib/wallet';

const ADDR = 'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080';
const open = { free: '0.01', twoFactor: false, whitelistOn: false, usable: [] };

describe('checkWithdraw', () => {
  it('builds the request with the amount as the exact decimal string', () => {
    const c = checkWithdraw({ asset: 'BTC', address: ` ${ADDR} `, amount: '0.00100000', code: '' }, open);
    expect(c.error).toBeNull();
    expect(c.request).toEqual({ asset: 'BTC', address: ADDR, amount: '0.001' });
  });

  it('puts each problem beside its field', () => {
    const field = (form: Partial<{ address: string; amount: string; code: string }>, ctx = open) =>
      checkWithdraw({ asset: 'BTC', address: ADDR, amount: '0.001', code: '', ...form }, ctx).error?.field;
    expect(field({ address: '' })).toBe('address');
    expect(field({ address: 'not an address' })).toBe('address');
    expect(field({ amount: '' })).toBe('amount');
    expect(field({ amount: '0' })).toBe('amount');
    expect(field({ amount: '0.000000001' })).toBe('amount');
    expect(field({ amount: '1e-3' })).toBe('amount');
    expect(field({ amount: '0.01000001' })).toBe('amount');
    expect(field({ amount: '0.01' })).toBeUndefined();
    expect(field({ code: '' }, { ...open, twoFactor: true })).toBe('code');
    expect(field({ code: '12345' }, { ...open, twoFactor: true })).toBe('code');
    expect(field({ code: '123456' }, { ...open, twoFactor: true })).toBeUndefined();
  });

  it('sends the code only when 2FA is on', () => {
    const c = checkWithdraw({ asset: 'BTC', address: ADDR, amount: '0.001', code: '654321' }, { ...open, twoFactor: true });
    expect(c.request?.code).toBe('654321');
    expect(checkWithdraw({ asset: 'BTC', address: ADDR, amount: '0.001', code: '654321' }, open).request?.code).toBeUndefined();
  });

  it('allows only usable whitelist entries while the whitelist is on', () => {
    const ctx = { ...open, whitelistOn: true, usable: [{ asset: 'BTC', address: ADDR }] };
    expect(checkWithdraw({ asset: 'BTC', address: ADDR.toUpperCase(), amount: '0.001', code: '' }, ctx).error).toBeNull();
    const other = checkWithdraw({ asset: 'BTC', address: 'bcrt1qxyzxyzxyzxyzxyzxyz', amount: '0.001', code: '' }, ctx);
    expect(other.error?.field).toBe('address');
    expect(other.error?.message).toContain('whitelist');
    expect(checkWithdraw({ asset: 'SKY', address: ADDR, amount: '1', code: '' }, ctx).error?.field).toBe('address');
  });

  it('compares bech32 addresses without case but base58 ones exactly', () => {
    expect(sameAddress('BTC', ADDR, ADDR.toUpperCase())).toBe(true);
    expect(sameAddress('SKY', '2jBbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os6', '2jbbGxZRGoQG1mqhPBnXnLTxK6oxsTf8os6')).toBe(false);
  });
});

describe('texts', () => {
  it('makes payment URIs and status texts', () => {
    expect(paymentUri('BTC', ADDR)).toBe(`bitcoin:${ADDR}`);
    expect(paymentUri('SKY', 'abc')).toBe('skycoin:abc');
    expect(confirmationsText(1, 2)).toBe('1/2');
    expect(confirmationsText(7, 2)).toBe('2/2');
    expect(confirmationsText(3, null)).toBe('3');
    expect(withdrawalStep('BROADCAST')).toBe('Sent, confirming');
    expect(withdrawalStep('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });
});

describe('requestKey', () => {
  it('is 32 lowercase hex digits of the 16 bytes, as the Idempotency-Key header allows', () => {
    const bytes = Uint8Array.from({ length: 16 }, (_, i) => i * 17);
    expect(requestKey(bytes)).toBe('00112233445566778899aabbccddeeff');
    expect(requestKey(new Uint8Array(16))).toMatch(/^[0-9a-f]{32}$/);
    expect(() => requestKey(new Uint8Array(8))).toThrow();
  });
});
