package io.skyx.api.market;

import io.skyx.engine.EngineLimits;
import io.skyx.engine.MarketSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A market with its assets and the conversions between the API's decimal strings and the engine's integers:
 * sizes in lots, prices in ticks (see io.skyx.engine's package documentation).
 *
 * @param spec  the engine's market
 * @param base  base asset
 * @param quote quote asset
 */
public record Market(MarketSpec spec, Asset base, Asset quote) {

    /** Checks that the assets are the market's. */
    public Market {
        Objects.requireNonNull(spec, "spec");
        if (spec.baseAsset() != base.id() || spec.quoteAsset() != quote.id()) {
            throw new IllegalArgumentException("assets do not match market " + spec.symbol());
        }
    }

    /** Path-safe id, e.g. "SKY-BTC". */
    public String id() {
        return spec.symbol();
    }

    /** CCXT symbol, e.g. "SKY/BTC". */
    public String symbol() {
        return base.code() + "/" + quote.code();
    }

    /** Parses an order amount (base asset) into lots; it must be a positive multiple of the lot. */
    public long parseSize(String amount, String field) {
        long units = Decimals.parse(amount, base.scale(), field, InvalidInputException.Reason.INVALID_AMOUNT);
        if (units == 0) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_AMOUNT, "'" + field + "' must be greater than zero", field);
        }
        if (units % spec.baseLotUnits() != 0) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_AMOUNT, "'" + field + "' must be a multiple of "
                    + amountStep() + " " + base.code(), field);
        }
        long lots = units / spec.baseLotUnits();
        if (lots > EngineLimits.MAX_SIZE) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_AMOUNT, "'" + field + "' is too large", field);
        }
        if (lots < spec.minSize()) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_AMOUNT, "'" + field + "' is below the minimum "
                    + formatSize(spec.minSize()), field);
        }
        return lots;
    }

    /** Parses a price (quote asset per one whole base unit) into ticks; it must be a positive multiple of the tick. */
    public long parsePrice(String price, String field) {
        long units = Decimals.parse(price, quote.scale(), field, InvalidInputException.Reason.INVALID_PRICE);
        if (units == 0) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_PRICE, "'" + field + "' must be greater than zero", field);
        }
        BigInteger[] qr = BigInteger.valueOf(units).multiply(BigInteger.valueOf(spec.baseLotUnits()))
                .divideAndRemainder(tickDenominator());
        if (qr[1].signum() != 0) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_PRICE, "'" + field + "' must be a multiple of " + priceStep(),
                    field);
        }
        if (qr[0].compareTo(BigInteger.valueOf(EngineLimits.MAX_PRICE)) > 0) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_PRICE, "'" + field + "' is too large", field);
        }
        return qr[0].longValueExact();
    }

    /** Parses a quote amount (e.g. a market buy's cost) into quote units. */
    public long parseQuote(String amount, String field) {
        long units = Decimals.parse(amount, quote.scale(), field, InvalidInputException.Reason.INVALID_AMOUNT);
        if (units == 0 || units > EngineLimits.MAX_NOTIONAL) {
            throw new InvalidInputException(InvalidInputException.Reason.INVALID_AMOUNT, "'" + field + "' must be greater than zero and at most "
                    + quote.format(EngineLimits.MAX_NOTIONAL), field);
        }
        return units;
    }

    private BigInteger tickDenominator() {
        return BigInteger.valueOf(Decimals.pow10(base.scale())).multiply(BigInteger.valueOf(spec.quoteTickUnits()));
    }

    /** Formats a size in lots as a base amount. */
    public String formatSize(long lots) {
        return base.format(Math.multiplyExact(lots, spec.baseLotUnits()));
    }

    /** Formats a price in ticks as quote per one whole base. */
    public String formatPrice(long ticks) {
        BigDecimal units = new BigDecimal(BigInteger.valueOf(ticks).multiply(tickDenominator()))
                .divide(BigDecimal.valueOf(spec.baseLotUnits()));
        BigDecimal d = units.movePointLeft(quote.scale()).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** The amount step as a decimal string ("1" for SKY-BTC). */
    public String amountStep() {
        return formatSize(1);
    }

    /** The price step as a decimal string ("0.00000001" for SKY-BTC). */
    public String priceStep() {
        return BigDecimal.valueOf(1, quote.scale()).multiply(new BigDecimal(tickDenominator()))
                .divide(BigDecimal.valueOf(spec.baseLotUnits())).movePointLeft(0).stripTrailingZeros()
                .toPlainString();
    }

    /** A fee rate in ppm as a decimal fraction string ("0.001"). */
    public static String feeRate(int ppm) {
        return Decimals.format(ppm, 6);
    }
}
