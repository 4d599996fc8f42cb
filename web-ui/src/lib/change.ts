/** 24-hour change from candles, in integer units (no JS number touches a price). */
import { formatUnits, parseUnits } from './decimal';

export interface Change {
  /** last minus the price 24 h ago, signed, at the quote's precision. */
  readonly absolute: string;
  /** Percentage with two decimals, signed ("+1.25", "-0.40", "0.00"), rounded towards zero. */
  readonly percent: string;
  readonly direction: 'up' | 'down' | 'flat';
}

export interface CandleOpen { readonly time: number; readonly open: string }

/**
 * The change of `last` against the open of the first candle that starts within the 24 hours before `nowSec`
 * (candles oldest first, times in epoch seconds); null without such a candle or a last price.
 */
export function change24h(candles: readonly CandleOpen[], last: string | null | undefined, nowSec: number, decimals: number): Change | null {
  if (last === null || last === undefined) return null;
  const first = candles.find((c) => c.time >= nowSec - 86_400);
  if (first === undefined) return null;
  const open = parseUnits(first.open, decimals);
  const now = parseUnits(last, decimals);
  if (open === null || now === null || open === 0n) return null;
  const diff = now - open;
  const hundredths = (diff * 10_000n) / open;
  const sign = hundredths < 0n ? '-' : hundredths > 0n ? '+' : '';
  const abs = hundredths < 0n ? -hundredths : hundredths;
  const percent = `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return {
    absolute: `${diff > 0n ? '+' : ''}${formatUnits(diff, decimals)}`,
    percent,
    direction: diff > 0n ? 'up' : diff < 0n ? 'down' : 'flat',
  };
}
