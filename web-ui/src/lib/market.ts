import { parseUnits } from './decimal';

/** Static facts about the one market this page trades, as in docs/api.md (SKY 6 decimals, BTC 8). */
export interface MarketSpec {
  readonly id: string;
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly baseDecimals: number;
  readonly quoteDecimals: number;
  /** Amount step in base units (1 SKY = 1_000_000 droplets). */
  readonly amountStep: bigint;
  /** Price step in quote units (1 satoshi). */
  readonly priceStep: bigint;
  readonly makerFee: string;
  readonly takerFee: string;
}

export const ASSET_DECIMALS: Readonly<Record<string, number>> = { SKY: 6, BTC: 8 };

export const SKY_BTC: MarketSpec = {
  id: 'SKY-BTC',
  symbol: 'SKY/BTC',
  base: 'SKY',
  quote: 'BTC',
  baseDecimals: 6,
  quoteDecimals: 8,
  amountStep: 1_000_000n,
  priceStep: 1n,
  makerFee: '0.001',
  takerFee: '0.002',
};

export function decimalsOf(asset: string): number {
  return ASSET_DECIMALS[asset] ?? 8;
}

/** The market description from `GET /api/v1/markets`, as the server sends it. */
export interface MarketDto {
  id: string;
  symbol: string;
  base: string;
  quote: string;
  amountStep: string;
  priceStep: string;
  makerFee?: string;
  takerFee?: string;
}

/** Builds the spec from the server's description; falls back to `fallback` for anything malformed. */
export function specFrom(dto: MarketDto | undefined, fallback: MarketSpec): MarketSpec {
  if (!dto || typeof dto.id !== 'string' || typeof dto.base !== 'string' || typeof dto.quote !== 'string') return fallback;
  const baseDecimals = decimalsOf(dto.base);
  const quoteDecimals = decimalsOf(dto.quote);
  const amountStep = parseUnits(String(dto.amountStep), baseDecimals);
  const priceStep = parseUnits(String(dto.priceStep), quoteDecimals);
  return {
    id: dto.id,
    symbol: typeof dto.symbol === 'string' ? dto.symbol : `${dto.base}/${dto.quote}`,
    base: dto.base,
    quote: dto.quote,
    baseDecimals,
    quoteDecimals,
    amountStep: amountStep !== null && amountStep > 0n ? amountStep : fallback.amountStep,
    priceStep: priceStep !== null && priceStep > 0n ? priceStep : fallback.priceStep,
    makerFee: typeof dto.makerFee === 'string' ? dto.makerFee : fallback.makerFee,
    takerFee: typeof dto.takerFee === 'string' ? dto.takerFee : fallback.takerFee,
  };
}
