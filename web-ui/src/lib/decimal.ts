/**
 * Decimal-string arithmetic on integer units (BigInt). Money never touches a JS number here:
 * "12.5" SKY with 6 decimals is 12_500_000n droplets; "0.0001" BTC with 8 decimals is 10_000n satoshis.
 */

const UNSIGNED = /^(\d+)(?:\.(\d+))?$/;

/** Parses an unsigned decimal string into integer units; null if malformed or over-precise. */
export function parseUnits(text: string, decimals: number): bigint | null {
  const m = UNSIGNED.exec(text.trim());
  if (m === null) return null;
  const whole = m[1];
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  return BigInt(whole + frac.padEnd(decimals, '0'));
}

/** Parses a possibly signed decimal string (ledger amounts); null if malformed or over-precise. */
export function parseSignedUnits(text: string, decimals: number): bigint | null {
  const t = text.trim();
  const negative = t.startsWith('-');
  const body = negative || t.startsWith('+') ? t.slice(1) : t;
  const units = parseUnits(body, decimals);
  if (units === null) return null;
  return negative ? -units : units;
}

/** Formats integer units with exactly `decimals` fraction digits ("1009.980000"). */
export function formatUnits(units: bigint, decimals: number): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const digits = abs.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  const body = decimals === 0 ? whole : `${whole}.${frac}`;
  return negative ? `-${body}` : body;
}

/** Formats with trailing fraction zeros removed ("12.5", "3"). */
export function formatTrimmed(units: bigint, decimals: number): string {
  const fixed = formatUnits(units, decimals);
  return fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
}

/**
 * Re-renders a decimal string from the server at a fixed precision; text that does not parse is
 * returned unchanged so that the page never invents a value.
 */
export function normalize(text: string, decimals: number): string {
  const units = parseSignedUnits(text, decimals);
  return units === null ? text : formatUnits(units, decimals);
}

/** Integer division rounding towards positive infinity (both operands non-negative). */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/**
 * Quote-asset units of `amount` base units at `price` (quote units per one whole base unit):
 * amount * price / 10^baseDecimals, rounded down, with `exact` telling whether anything was dropped.
 */
export function notional(priceUnits: bigint, amountUnits: bigint, baseDecimals: number): { units: bigint; exact: boolean } {
  const scale = 10n ** BigInt(baseDecimals);
  const product = priceUnits * amountUnits;
  return { units: product / scale, exact: product % scale === 0n };
}

/** Integer ratio in per-mille (0..1000) for display widths; 0 when the denominator is 0. */
export function perMille(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  const r = (part * 1000n) / whole;
  return Number(r > 1000n ? 1000n : r);
}
