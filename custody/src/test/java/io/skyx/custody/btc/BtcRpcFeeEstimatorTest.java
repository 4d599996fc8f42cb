package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing estimatesmartfee replies (Bitcoin Core's and bcoin's forms) to sat/kvB exactly, and refusing bad ones. */
class BtcRpcFeeEstimatorTest {

    private static String reply(String result) {
        return "{\"result\":" + result + ",\"error\":null,\"id\":\"skyx\"}";
    }

    @Test
    void coreAndBcoinRatesAreSatoshisPerKvbExactly() {
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"feerate\":0.00012345,\"blocks\":6}"))).isEqualTo(12_345);
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"fee\":0.0001,\"blocks\":6}"))).isEqualTo(10_000);
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"fee\":1e-5,\"blocks\":6}"))).isEqualTo(1_000);
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"feerate\":0.00000001}"))).isEqualTo(1);
        // a value a double would not hold exactly: 0.1 + 0.2 style digits
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"feerate\":0.00300003}"))).isEqualTo(300_003);
        assertThat(BtcRpcFeeEstimator.parse(reply("{\"feerate\":1.00000000}")))
                .isEqualTo(BtcFeePolicy.ABSURD_SAT_PER_KVB);
    }

    private static void refused(String body, String reason) {
        assertThatThrownBy(() -> BtcRpcFeeEstimator.parse(body)).as(body)
                .isInstanceOf(BtcRpcFeeEstimator.Unavailable.class).hasMessage(reason);
    }

    @Test
    void noEstimateAndBadAnswersAreRefusedWithTheReason() {
        refused(reply("{\"fee\":-1,\"blocks\":6}"), "no estimate (the node answered -1)");
        refused(reply("{\"errors\":[\"Insufficient data or no feerate found\"],\"blocks\":2}"),
                "no estimate: Insufficient data or no feerate found");
        refused("{\"result\":null,\"error\":{\"code\":-1,\"message\":\"Fee estimation not available.\"}}",
                "the node answered an error: Fee estimation not available.");
        refused("<html>502 Bad Gateway</html>", "refused: the answer is not JSON");
        refused("", "refused: the answer is not a JSON-RPC reply");
        refused("[1]", "refused: the answer is not a JSON-RPC reply");
        refused("{\"result\":0.0001,\"error\":null}", "refused: the reply has no result object");
        refused(reply("{\"blocks\":6}"), "refused: the reply has no fee rate");
        refused(reply("{\"feerate\":\"NaN\"}"), "refused: the fee rate is not a number: \"NaN\"");
        refused(reply("{\"feerate\":\"0.0001\"}"), "refused: the fee rate is not a number: \"0.0001\"");
        refused(reply("{\"feerate\":true}"), "refused: the fee rate is not a number: true");
        refused(reply("{\"feerate\":-0.0001}"), "refused: a fee rate of -0.0001 BTC/kvB");
        refused(reply("{\"feerate\":0}"), "refused: a fee rate of 0 BTC/kvB");
        refused(reply("{\"feerate\":1.00000001}"),
                "refused: 1.00000001 BTC/kvB is absurdly high (above 100000000 sat/kvB)");
        refused(reply("{\"feerate\":1e400}"),
                "refused: " + new java.math.BigDecimal("1e400").toPlainString()
                        + " BTC/kvB is absurdly high (above 100000000 sat/kvB)");
        refused(reply("{\"feerate\":0.000123456}"), "refused: 0.000123456 BTC/kvB has more than 8 decimals");
    }
}
