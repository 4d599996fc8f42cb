/**
 * Depth chart: cumulative bids (left, green) and asks (right, red) as step areas in an SVG. Integer depth comes
 * from lib/grouping; it becomes a JS number here for drawing only.
 */
import { formatTrimmed } from '../lib/decimal';
import { depthCurve, type DepthPoint } from '../lib/grouping';
import type { AppState } from '../store';
import { esc } from './format';

const W = 600;
const H = 300;
const LEVELS = 100;

function steps(points: DepthPoint[], x: (p: bigint) => number, y: (c: bigint) => number): string {
  let d = '';
  let prevY = y(0n);
  for (const p of points) {
    const px = x(p.price).toFixed(1);
    d += `${d === '' ? 'M' : 'L'}${px},${prevY.toFixed(1)} L${px},${y(p.cumulative).toFixed(1)} `;
    prevY = y(p.cumulative);
  }
  return d;
}

export function renderDepth(root: HTMLElement, s: AppState): void {
  const bids = depthCurve(s.book, 'bids', LEVELS);
  const asks = depthCurve(s.book, 'asks', LEVELS);
  if (bids.length === 0 && asks.length === 0) {
    root.innerHTML = '<p class="empty">The book is empty</p>';
    return;
  }
  const prices = [...bids, ...asks].map((p) => p.price);
  const min = prices.reduce((a, b) => (b < a ? b : a));
  const max = prices.reduce((a, b) => (b > a ? b : a));
  // Centred on the middle of the levels shown, at least 4 % of that price wide, so that a thin book stays readable.
  const mid = (min + max) / 2n;
  const wide = max - min > mid / 25n ? max - min : mid / 25n;
  const half = (wide * 11n) / 20n + 1n;
  const lo = mid - half > 0n ? mid - half : 0n;
  const hi = mid + half;
  const deepest = [bids.at(-1)?.cumulative ?? 0n, asks.at(-1)?.cumulative ?? 0n].reduce((a, b) => (b > a ? b : a));
  const span = Number(hi - lo) || 1;
  const x = (p: bigint) => 8 + ((W - 16) * Number(p - lo)) / span;
  const y = (c: bigint) => H - 20 - ((H - 40) * Number(c)) / (Number(deepest) || 1);
  // Bids fill out to the left edge, asks to the right edge.
  const area = (pts: DepthPoint[], edge: number) => {
    if (pts.length === 0) return '';
    const line = steps(pts, x, y);
    return `${line}L${edge},${y(pts.at(-1)!.cumulative).toFixed(1)} L${edge},${y(0n).toFixed(1)} Z`;
  };
  const label = (p: bigint) => esc(formatTrimmed(p, s.spec.quoteDecimals));
  root.innerHTML = `<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="Depth chart: cumulative bids and asks">
      <path d="${area(bids, 8)}" class="depth-bid"/>
      <path d="${area(asks, W - 8)}" class="depth-ask"/>
    </svg>
    <div class="depth-axis"><span>${label(lo)}</span><span>${label(mid)}</span><span>${label(hi)}</span></div>`;
}
