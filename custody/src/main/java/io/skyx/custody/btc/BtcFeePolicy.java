package io.skyx.custody.btc;

import io.skyx.custody.AssetCustody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BTC withdrawal fee policy.
 * <ul>
 *   <li><b>Rate</b> (sat/vB): the estimator's rate for confirmation within {@link #TARGET_BLOCKS} blocks when it has
 *       one (a node's {@code estimatesmartfee}, {@link BtcRpcFeeEstimator}: a configured Bitcoin Core compatible
 *       node in production, bcoin on regtest; bitcoinj has no estimator, so with plain P2P peers and no such node there
 *       is none), else the configured rate; when an estimator is set but gives no usable estimate (down, none yet,
 *       a refused answer) the quote's source names the reason, {@link #fallbackReason()} holds it and it is logged;
 *       then raised to the peers' relay floor when that is higher (the highest
 *       BIP133 {@code feefilter} the connected peers sent: a transaction paying less is not relayed by every peer,
 *       and in production, without bcoin, this is what the network says); then clamped to [{@code minFeeRate},
 *       {@code maxFeeRate}], so a peer cannot push the fee above the operator's ceiling. A quote is reused for
 *       {@link #REFRESH_NANOS}.</li>
 *   <li><b>Fee</b>: rate × {@link #QUOTE_VSIZE}, the virtual size of a withdrawal with two P2WPKH inputs, the
 *       P2WPKH change and the largest standard destination output (P2TR / P2WSH), so one fee per asset fits every
 *       destination type.</li>
 *   <li><b>Who pays</b>: the user. The fee is shown before confirming (the quote of the withdrawal-fees endpoint),
 *       fixed when the withdrawal is requested (stored with it), debited with the amount, and paid exactly as the
 *       transaction's fee, so the ledger and the chain agree to the satoshi. A transaction smaller than quoted pays a
 *       higher rate (the miner keeps the difference); one that needs more inputs pays a lower rate, and if that falls
 *       below {@code minFeeRate} it is not signed: the withdrawal waits as WAITING_FUNDS with the reason until the
 *       operator consolidates the hot wallet. The platform never adds to a user's fee.</li>
 * </ul>
 */
public final class BtcFeePolicy {

    private static final Logger LOG = LoggerFactory.getLogger(BtcFeePolicy.class);

    /** The confirmation target of the estimate, in blocks. */
    public static final int TARGET_BLOCKS = 6;
    /** vB: overhead 11 + 2 P2WPKH inputs × 68 + P2WPKH change 31 + a P2TR/P2WSH destination 43. */
    public static final long QUOTE_VSIZE = 11 + 2 * 68 + 31 + 43;
    /** An estimate above this (1 BTC/kvB) is refused as broken, never used (not merely capped). */
    public static final long ABSURD_SAT_PER_KVB = 100_000_000L;
    /** How long an estimate is reused. */
    static final long REFRESH_NANOS = 30_000_000_000L;

    /** A fee-rate estimate in satoshis per virtual kB, or -1 when there is none. */
    @FunctionalInterface
    public interface Estimator {
        /**
         * @return sat/kvB for confirmation within {@code blocks}, or -1 (no estimate)
         * @throws RuntimeException whose message is the reason there is no estimate
         */
        long satPerKvB(int blocks);
    }

    /** The peers' relay floor in satoshis per virtual kB, or -1 when no peer sent one. */
    @FunctionalInterface
    public interface RelayFloor {
        /** @return sat/kvB, or -1 */
        long satPerKvB();
    }

    private final long configuredRate;
    private final long minFeeRate;
    private final long maxFeeRate;
    private final Estimator estimator;
    private final RelayFloor relayFloor;
    private volatile String fallbackReason;
    private volatile AssetCustody.FeeQuote cached;
    private volatile long cachedAt;

    /**
     * @param configuredRate the rate used when there is no estimate (sat/vB)
     * @param minFeeRate     the lowest rate charged, and the lowest a withdrawal transaction may pay (sat/vB, ≥ 1)
     * @param maxFeeRate     the highest rate charged (sat/vB, ≥ min)
     * @param estimator      null: none
     */
    public BtcFeePolicy(long configuredRate, long minFeeRate, long maxFeeRate, Estimator estimator) {
        this(configuredRate, minFeeRate, maxFeeRate, estimator, null);
    }

    /** The same, raised to {@code relayFloor} when that is higher (null: no floor). */
    public BtcFeePolicy(long configuredRate, long minFeeRate, long maxFeeRate, Estimator estimator,
                        RelayFloor relayFloor) {
        if (minFeeRate < 1 || maxFeeRate < minFeeRate || configuredRate < 1) {
            throw new IllegalArgumentException("BTC fee rates: 1 <= min-fee-rate (" + minFeeRate + ") <= max-fee-rate ("
                    + maxFeeRate + "), fee-rate (" + configuredRate + ") >= 1 sat/vB");
        }
        this.configuredRate = configuredRate;
        this.minFeeRate = minFeeRate;
        this.maxFeeRate = maxFeeRate;
        this.estimator = estimator;
        this.relayFloor = relayFloor;
    }

    /** The lowest rate a withdrawal transaction may pay (sat/vB). */
    public long minFeeRate() {
        return minFeeRate;
    }

    /** The current quote: the fee a withdrawal requested now is charged. */
    public AssetCustody.FeeQuote quote() {
        AssetCustody.FeeQuote q = cached;
        long now = System.nanoTime();
        if (q == null || now - cachedAt > REFRESH_NANOS) {
            q = compute();
            cached = q;
            cachedAt = now;
        }
        return q;
    }

    /**
     * Why the last quote used the configured rate although an estimator is set (null: it used the estimate, or there
     * is no estimator).
     */
    public String fallbackReason() {
        return fallbackReason;
    }

    AssetCustody.FeeQuote compute() {
        long rate = configuredRate;
        String source = "configured";
        if (estimator != null) {
            String reason;
            try {
                long perKvB = estimator.satPerKvB(TARGET_BLOCKS);
                if (perKvB > ABSURD_SAT_PER_KVB) {
                    reason = "refused: " + perKvB + " sat/kvB is absurdly high";
                } else if (perKvB > 0) {
                    rate = Math.ceilDiv(perKvB, 1000);
                    source = "estimate";
                    reason = null;
                } else {
                    reason = "no estimate (the estimator answered " + perKvB + ")";
                }
            } catch (RuntimeException e) {
                reason = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            fallbackReason = reason;
            if (reason != null) {
                source = "configured (no estimate: " + reason + ")";
                LOG.warn("BTC fee estimate unusable, charging the configured {} sat/vB: {}", configuredRate, reason);
            }
        }
        long floor = floorRate();
        if (floor > rate) {
            rate = floor;
            source += ", raised to the peers' relay floor";
        }
        long bounded = Math.clamp(rate, minFeeRate, maxFeeRate);
        if (bounded != rate) {
            source += rate > maxFeeRate ? ", capped at max-fee-rate" : ", raised to min-fee-rate";
        }
        return new AssetCustody.FeeQuote(Math.multiplyExact(bounded, QUOTE_VSIZE), bounded, minFeeRate, maxFeeRate,
                source);
    }

    /** The relay floor in whole sat/vB (rounded up), or 0 when there is none. */
    private long floorRate() {
        if (relayFloor == null) {
            return 0;
        }
        try {
            long perKvB = relayFloor.satPerKvB();
            return perKvB > 0 ? Math.ceilDiv(perKvB, 1000) : 0;
        } catch (RuntimeException e) {
            LOG.warn("BTC peers' relay floor unreadable, ignored: {}", e.toString());
            return 0;
        }
    }

    /** Whether a transaction of {@code vsize} vB paying {@code fee} pays at least the minimum rate. */
    public boolean coversMinimum(long fee, long vsize) {
        return fee >= Math.multiplyExact(minFeeRate, vsize);
    }
}
