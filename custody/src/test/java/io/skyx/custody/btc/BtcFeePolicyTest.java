package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.AssetCustody;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fee policy's rate source and bounds (the estimator is bcoin's estimatesmartfee in the app, the relay floor the
 * peers' BIP133 feefilter; here values).
 */
class BtcFeePolicyTest {

    @Test
    void withoutAnEstimateTheConfiguredRateTimesTheQuotedSize() {
        AssetCustody.FeeQuote q = new BtcFeePolicy(10, 1, 200, null).quote();
        assertThat(q.feeRate()).isEqualTo(10);
        assertThat(q.fee()).isEqualTo(10 * BtcFeePolicy.QUOTE_VSIZE).isEqualTo(2210);
        assertThat(q.source()).isEqualTo("configured");
        BtcFeePolicy none = new BtcFeePolicy(10, 1, 200, blocks -> -1);
        assertThat(none.quote().feeRate()).isEqualTo(10);
        assertThat(none.quote().source()).isEqualTo("configured (no estimate: no estimate (the estimator answered -1))");
        assertThat(none.fallbackReason()).isEqualTo("no estimate (the estimator answered -1)");
    }

    @Test
    void anEstimateIsRoundedUpToWholeSatPerVbAndUsed() {
        AssetCustody.FeeQuote q = new BtcFeePolicy(10, 1, 200, blocks -> {
            assertThat(blocks).isEqualTo(BtcFeePolicy.TARGET_BLOCKS);
            return 4_001;
        }).quote();
        assertThat(q.feeRate()).isEqualTo(5);
        assertThat(q.fee()).isEqualTo(5 * BtcFeePolicy.QUOTE_VSIZE);
        assertThat(q.source()).isEqualTo("estimate");
    }

    @Test
    void theRateIsClampedToTheBounds() {
        AssetCustody.FeeQuote high = new BtcFeePolicy(10, 2, 50, blocks -> 900_000).quote();
        assertThat(high.feeRate()).isEqualTo(50);
        assertThat(high.fee()).isEqualTo(50 * BtcFeePolicy.QUOTE_VSIZE);
        assertThat(high.source()).isEqualTo("estimate, capped at max-fee-rate");
        AssetCustody.FeeQuote low = new BtcFeePolicy(10, 2, 50, blocks -> 1_000).quote();
        assertThat(low.feeRate()).isEqualTo(2);
        assertThat(low.source()).isEqualTo("estimate, raised to min-fee-rate");
        assertThat(new BtcFeePolicy(300, 2, 50, null).quote().feeRate()).isEqualTo(50);
        assertThat(List.of(high.minFeeRate(), high.maxFeeRate())).containsExactly(2L, 50L);
    }

    @Test
    void aFailingEstimatorFallsBackToTheConfiguredRate() {
        AssetCustody.FeeQuote q = new BtcFeePolicy(7, 1, 200, blocks -> {
            throw new IllegalStateException("bcoin down");
        }).quote();
        assertThat(q.feeRate()).isEqualTo(7);
        assertThat(q.source()).isEqualTo("configured (no estimate: bcoin down)");
    }

    @Test
    void anAbsurdEstimateIsRefusedNotCapped() {
        BtcFeePolicy p = new BtcFeePolicy(7, 1, 200, blocks -> BtcFeePolicy.ABSURD_SAT_PER_KVB + 1);
        assertThat(p.quote().feeRate()).isEqualTo(7);
        assertThat(p.fallbackReason()).isEqualTo("refused: 100000001 sat/kvB is absurdly high");
        BtcFeePolicy atTheLimit = new BtcFeePolicy(7, 1, 200, blocks -> BtcFeePolicy.ABSURD_SAT_PER_KVB);
        assertThat(atTheLimit.quote().feeRate()).as("a high but possible estimate is capped").isEqualTo(200);
        assertThat(atTheLimit.fallbackReason()).isNull();
    }

    @Test
    void thePeersRelayFloorRaisesALowerRateAndStaysWithinTheBounds() {
        AssetCustody.FeeQuote raised = new BtcFeePolicy(10, 1, 200, null, () -> 25_500).quote();
        assertThat(raised.feeRate()).isEqualTo(26);
        assertThat(raised.fee()).isEqualTo(26 * BtcFeePolicy.QUOTE_VSIZE);
        assertThat(raised.source()).isEqualTo("configured, raised to the peers' relay floor");
        AssetCustody.FeeQuote estimate = new BtcFeePolicy(10, 1, 200, blocks -> 30_000, () -> 25_500).quote();
        assertThat(estimate.feeRate()).as("a higher estimate wins").isEqualTo(30);
        assertThat(estimate.source()).isEqualTo("estimate");
        AssetCustody.FeeQuote capped = new BtcFeePolicy(10, 1, 50, null, () -> 900_000).quote();
        assertThat(capped.feeRate()).as("a peer cannot push the fee past the ceiling").isEqualTo(50);
        assertThat(capped.source()).isEqualTo("configured, raised to the peers' relay floor, capped at max-fee-rate");
        for (BtcFeePolicy.RelayFloor none : List.<BtcFeePolicy.RelayFloor>of(() -> -1, () -> 0, () -> {
            throw new IllegalStateException("peer group closed");
        })) {
            AssetCustody.FeeQuote q = new BtcFeePolicy(10, 1, 200, null, none).quote();
            assertThat(q.feeRate()).isEqualTo(10);
            assertThat(q.source()).isEqualTo("configured");
        }
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> new BtcFeePolicy(10, 0, 200, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BtcFeePolicy(10, 20, 10, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BtcFeePolicy(0, 1, 10, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMinimumRateCheckOfASignedTransaction() {
        BtcFeePolicy p = new BtcFeePolicy(10, 3, 200, null);
        assertThat(p.coversMinimum(3 * 141, 141)).isTrue();
        assertThat(p.coversMinimum(3 * 141 - 1, 141)).isFalse();
    }
}
