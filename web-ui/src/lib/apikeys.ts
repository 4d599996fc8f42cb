/**
 * Account page logic: the API-key form turned into the create request (permissions, IP allow-list, expiry), and
 * the texts of the whitelist's cool-off.
 */

export type KeyField = 'label' | 'permissions' | 'ips' | 'expiry';

export interface KeyForm {
  readonly label: string;
  readonly read: boolean;
  readonly trade: boolean;
  readonly withdraw: boolean;
  /** Addresses or CIDR blocks separated by commas, spaces or new lines; empty: any address. */
  readonly ips: string;
  /** A date `YYYY-MM-DD` (the key stops working at 00:00 UTC of that day); empty: never. */
  readonly expiry: string;
}

export interface KeyRequest {
  readonly label?: string;
  readonly permissions: readonly string[];
  readonly ipAllowList?: readonly string[];
  readonly expiresAt?: string;
}

export interface KeyCheck {
  readonly request: KeyRequest | null;
  readonly error: { readonly field: KeyField; readonly message: string } | null;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function refuse(field: KeyField, message: string): KeyCheck {
  return { request: null, error: { field, message } };
}

/** True for an IPv4 or IPv6 address, optionally with a CIDR prefix length. */
export function isIpRule(rule: string): boolean {
  if (IPV4.test(rule)) return true;
  if (!IPV6.test(rule)) return false;
  const address = rule.split('/')[0] ?? '';
  const doubles = address.split('::').length - 1;
  return doubles === 1 || (doubles === 0 && address.split(':').length === 8);
}

export function buildKeyRequest(form: KeyForm, now: Date): KeyCheck {
  const label = form.label.trim();
  if (label.length > 64) return refuse('label', 'A label has at most 64 characters');
  const permissions = [form.read ? 'read' : '', form.trade ? 'trade' : '', form.withdraw ? 'withdraw' : ''].filter((p) => p !== '');
  if (permissions.length === 0) return refuse('permissions', 'Pick at least one permission');
  const ips = form.ips.split(/[\s,]+/).filter((r) => r !== '');
  if (ips.length > 20) return refuse('ips', 'At most 20 addresses or blocks');
  const bad = ips.find((r) => !isIpRule(r));
  if (bad !== undefined) return refuse('ips', `"${bad}" is not an IP address or block such as 203.0.113.0/24`);
  let expiresAt: string | undefined;
  const expiry = form.expiry.trim();
  if (expiry !== '') {
    const m = DATE.exec(expiry);
    const at = m === null ? NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (m === null || !Number.isFinite(at) || new Date(at).toISOString().slice(0, 10) !== expiry) {
      return refuse('expiry', 'Pick a date');
    }
    if (at <= now.getTime()) return refuse('expiry', 'The expiry date must be in the future');
    expiresAt = new Date(at).toISOString().replace('.000Z', 'Z');
  }
  return {
    request: {
      ...(label === '' ? {} : { label }),
      permissions,
      ...(ips.length === 0 ? {} : { ipAllowList: ips }),
      ...(expiresAt === undefined ? {} : { expiresAt }),
    },
    error: null,
  };
}

/** A duration in seconds for people: "24 h", "1 h 30 min", "45 s", "none". */
export function durationText(seconds: number): string {
  if (seconds <= 0) return 'none';
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [d > 0 ? `${d} d` : '', h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', d === 0 && h === 0 && s > 0 ? `${s} s` : ''];
  return parts.filter((p) => p !== '').join(' ');
}

/** "usable now" or "usable in 23 h 59 min" for a whitelist entry or auto-sweep address. */
export function usableText(usableAt: string, nowMs: number): string {
  const at = Date.parse(usableAt);
  if (!Number.isFinite(at)) return usableAt;
  const left = Math.ceil((at - nowMs) / 1000);
  return left <= 0 ? 'usable now' : `usable in ${durationText(left)}`;
}
