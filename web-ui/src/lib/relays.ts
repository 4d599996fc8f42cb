/** Relays page logic: relay keys, byte counts and epochs for people. */

/** A relay key: a compressed secp256k1 public key, 33 bytes as 66 hex digits. */
export function isRelayKey(text: string): boolean {
  return /^0[23][0-9a-f]{64}$/i.test(text.trim());
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Bytes with a decimal unit and two decimals, exact (BigInt), rounded down: 3 500 000 → "3.50 MB". */
export function formatBytes(count: number | string | bigint): string {
  let n = BigInt(count);
  if (n < 1000n) return `${n} B`;
  let unit = 0;
  let scaled = n * 100n;
  while (n >= 1000n && unit < UNITS.length - 1) {
    n /= 1000n;
    scaled /= 1000n;
    unit++;
  }
  const whole = scaled / 100n;
  const frac = (scaled % 100n).toString().padStart(2, '0');
  return `${whole}.${frac} ${UNITS[unit]}`;
}

/** The UTC day of a settlement epoch (days since 1970-01-01): 20000 → "2024-10-04". */
export function epochDay(epoch: number): string {
  return new Date(epoch * 86_400_000).toISOString().slice(0, 10);
}
