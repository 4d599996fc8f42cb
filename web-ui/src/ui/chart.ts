/**
 * Candle chart (lightweight-charts). The chart library plots JS numbers, so decimal strings are converted
 * here for drawing only; no amount shown as text or sent to the server comes from these numbers.
 */
import { CandlestickSeries, ColorType, createChart, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import type { CandleDto } from '../api';
import type { AppState, Timeframe } from '../store';

function point(c: CandleDto) {
  return {
    time: c.time as UTCTimestamp,
    open: Number(c.open),
    high: Number(c.high),
    low: Number(c.low),
    close: Number(c.close),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Axis labels in UTC (the candles are aligned to UTC): times within a day, dates for daily candles. */
function tickLabel(time: number, daily: boolean): string {
  const d = new Date(time * 1000);
  if (daily || (d.getUTCHours() === 0 && d.getUTCMinutes() === 0)) return `${d.getUTCDate()} ${d.toLocaleString('en', { month: 'short', timeZone: 'UTC' })}`;
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export class CandleChart {
  private readonly chart: IChartApi;
  private readonly series: ISeriesApi<'Candlestick'>;
  private drawn: readonly CandleDto[] = [];
  private timeframe: Timeframe | null = null;

  constructor(root: HTMLElement) {
    this.chart = createChart(root, {
      autoSize: true,
      layout: { background: { type: ColorType.Solid, color: 'transparent' }, textColor: '#8b95a7', attributionLogo: false },
      grid: { vertLines: { color: '#1c2433' }, horzLines: { color: '#1c2433' } },
      rightPriceScale: { borderColor: '#243044' },
      // A few candles stay readable: wide bars, room on the right so the newest bar and its label are not cut.
      timeScale: { borderColor: '#243044', timeVisible: true, secondsVisible: false, barSpacing: 12, minBarSpacing: 3, rightOffset: 6 },
      localization: {
        timeFormatter: (t: number) => new Date(t * 1000).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      },
      crosshair: { mode: 0 },
    });
    this.series = this.chart.addSeries(CandlestickSeries, {
      upColor: '#16c784',
      downColor: '#ea3943',
      borderVisible: true,
      borderUpColor: '#16c784',
      borderDownColor: '#ea3943',
      wickUpColor: '#16c784',
      wickDownColor: '#ea3943',
      priceFormat: { type: 'price', precision: 8, minMove: 0.00000001 },
    });
  }

  render(s: AppState): void {
    const next = s.candles;
    if (next === this.drawn && s.timeframe === this.timeframe) return;
    const prev = this.drawn;
    const sameFrame = s.timeframe === this.timeframe;
    if (!sameFrame) {
      const daily = s.timeframe === '1d';
      this.chart.applyOptions({ timeScale: { tickMarkFormatter: (t: number) => tickLabel(t, daily) } });
    }
    this.drawn = next;
    this.timeframe = s.timeframe;
    const last = next[next.length - 1];
    const prevLast = prev[prev.length - 1];
    const growsByOne = sameFrame && prevLast !== undefined && last !== undefined && next.length - prev.length <= 1
      && next.length >= prev.length && next[0] === prev[0] && last.time >= prevLast.time;
    if (growsByOne) this.series.update(point(last));
    else {
      this.series.setData(next.map(point));
      this.chart.timeScale().scrollToRealTime();
    }
  }
}
