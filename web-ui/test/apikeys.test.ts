import { describe, expect, it } from 'vitest';
import { buildKeyRequest, durationText, isIpRule, usableText } from '../src/lib/apikeys';

const NOW = new Date('2030-01-01T12:00:00Z');
const form = { label: '', read: true, trade: true, withdraw: false, ips: '', expiry: '' };

describe('buildKeyRequest', () => {
  it('sends only what was chosen', () => {
    expect(buildKeyRequest(form, NOW)).toEqual({ request: { permissions: ['read', 'trade'] }, error: null });
    const full = buildKeyRequest({ label: ' bot ', read: true, trade: false, withdraw: true,
      ips: '203.0.113.0/24,\n 2001:db8::1  198.51.100.7', expiry: '2030-02-01' }, NOW);
    expect(full.request).toEqual({ label: 'bot', permissions: ['read', 'withdraw'],
      ipAllowList: ['203.0.113.0/24', '2001:db8::1', '198.51.100.7'], expiresAt: '2030-02-01T00:00:00Z' });
  });

  it('refuses bad input naming the field', () => {
    expect(buildKeyRequest({ ...form, read: false, trade: false }, NOW).error?.field).toBe('permissions');
    expect(buildKeyRequest({ ...form, label: 'x'.repeat(65) }, NOW).error?.field).toBe('label');
    expect(buildKeyRequest({ ...form, ips: 'example.com' }, NOW).error?.field).toBe('ips');
    expect(buildKeyRequest({ ...form, ips: '10.0.0.0/33' }, NOW).error?.field).toBe('ips');
    expect(buildKeyRequest({ ...form, expiry: '2030-01-01' }, NOW).error?.field).toBe('expiry');
    expect(buildKeyRequest({ ...form, expiry: '2030-02-30' }, NOW).error?.field).toBe('expiry');
    expect(buildKeyRequest({ ...form, expiry: 'soon' }, NOW).error?.field).toBe('expiry');
  });

  it('recognises IPv4 and IPv6 addresses and blocks', () => {
    for (const ok of ['127.0.0.1', '10.0.0.0/8', '::1', '2001:db8::/32', '1:2:3:4:5:6:7:8']) expect(isIpRule(ok)).toBe(true);
    for (const bad of ['256.1.1.1', '1.2.3', '1:2:3', '2001:db8::1::2', 'abc', '']) expect(isIpRule(bad)).toBe(false);
  });
});

describe('cool-off texts', () => {
  it('formats durations and the time left', () => {
    expect(durationText(86400)).toBe('1 d');
    expect(durationText(5400)).toBe('1 h 30 min');
    expect(durationText(45)).toBe('45 s');
    expect(durationText(0)).toBe('none');
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(usableText('2030-01-01T00:00:00Z', now)).toBe('usable now');
    expect(usableText('2030-01-01T23:59:00Z', now)).toBe('usable in 23 h 59 min');
  });
});
