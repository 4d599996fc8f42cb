package io.skyx.engine;

/** Hard limits that keep all integer arithmetic of the engine free of overflow. */
public final class EngineLimits {
    /** Largest price in ticks. */
    public static final long MAX_PRICE = 1L << 40;
    /** Largest order size in lots. */
    public static final long MAX_SIZE = 1L << 40;
    /** Largest order notional (price x size x quoteTickUnits) or quote budget, in quote units. */
    public static final long MAX_NOTIONAL = 90_000_000_000_000L;
    /** Largest base amount of an order (size x baseLotUnits), in base units. */
    public static final long MAX_BASE_AMOUNT = 4_000_000_000_000_000L;
    /** Largest fee rate, in parts per million (10 %). */
    public static final int MAX_FEE_PPM = 100_000;
    /** Denominator of fee rates: rates are parts per million. */
    public static final long PPM = 1_000_000L;
    /** Largest balance any account may hold. */
    public static final long MAX_BALANCE = Long.MAX_VALUE / 2;

    private EngineLimits() {
    }
}
