package io.skyx.custody.btc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.AssetCustody;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import io.skyx.custody.testing.Regtest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The estimatesmartfee source against a real bcoin regtest node: no estimate on a fresh chain (the policy falls back
 * to the configured rate and says why), a wrong password and an unreachable node likewise; then bcoin's estimator fed
 * with a block of transactions at several fee rates gives a real estimate, which the policy charges.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BtcFeeEstimateIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final long[] RATES = {10_000, 20_000, 40_000};
    /** bcoin's estimator needs a decayed count of 500 confirmed fee-paying transactions (1 / (1 - 0.998)). */
    private static final int FEEDING_TXS = 540;

    private static BcoinNode node;
    private static BcoinRpc rpc;
    private static URI url;

    @BeforeAll
    static void start() {
        node = Regtest.start();
        rpc = node.rpc();
        url = URI.create("http://127.0.0.1:" + rpc.nodePort() + "/");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static BtcRpcFeeEstimator estimator(String password, Duration cacheFor) {
        return new BtcRpcFeeEstimator(url, "x", password, TIMEOUT, cacheFor);
    }

    /** bcoin's wallet sees a mined block a little after generatetoaddress answers. */
    private static void awaitConfirmedCoins(String address, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (rpc.walletCoins(address).stream().filter(c -> c.height() > 0).count() < count) {
            assertThat(System.nanoTime()).as("the wallet's confirmed coins on " + address).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    @Order(1)
    void aFreshChainHasNoEstimateAndTheConfiguredRateIsChargedWithTheReason() {
        BtcRpcFeeEstimator source = estimator(rpc.apiKey(), Duration.ZERO);
        assertThatThrownBy(() -> source.satPerKvB(6)).isInstanceOf(BtcRpcFeeEstimator.Unavailable.class)
                .hasMessage("no estimate (the node answered -1)");
        BtcFeePolicy policy = new BtcFeePolicy(10, 1, 200, source.forTarget(6));
        AssetCustody.FeeQuote q = policy.quote();
        assertThat(q.feeRate()).isEqualTo(10);
        assertThat(q.fee()).isEqualTo(Regtest.FEE);
        assertThat(q.source()).isEqualTo("configured (no estimate: no estimate (the node answered -1))");
        assertThat(policy.fallbackReason()).isEqualTo("no estimate (the node answered -1)");
    }

    @Test
    @Order(2)
    void aWrongPasswordAndAnUnreachableNodeFallBackWithTheirReason() throws Exception {
        BtcFeePolicy wrong = new BtcFeePolicy(10, 1, 200, estimator("not-the-key", Duration.ZERO).forTarget(6));
        assertThat(wrong.quote().feeRate()).isEqualTo(10);
        assertThat(wrong.fallbackReason()).isEqualTo("estimatesmartfee at " + url + ": HTTP 401");
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closed + "/");
        BtcFeePolicy down = new BtcFeePolicy(10, 1, 200,
                new BtcRpcFeeEstimator(nowhere, "x", "k", TIMEOUT, Duration.ZERO).forTarget(6));
        assertThat(down.quote().feeRate()).isEqualTo(10);
        assertThat(down.fallbackReason()).startsWith("estimatesmartfee at " + nowhere + ": unreachable");
    }

    @Test
    @Order(3)
    void fedWithABlockOfTransactionsAtSeveralRatesBcoinEstimatesAndThePolicyChargesIt() {
        BtcRpcFeeEstimator cachedForAnHour = estimator(rpc.apiKey(), Duration.ofHours(1));
        assertThatThrownBy(() -> cachedForAnHour.satPerKvB(6)).hasMessage("no estimate (the node answered -1)");
        // young, small coins of their own account: low coin-age priority, so bcoin counts them as fee points
        String feed = rpc.walletNewAddress("feed");
        rpc.walletSend(Collections.nCopies(FEEDING_TXS, feed), 100_000);
        rpc.mine(1);
        awaitConfirmedCoins(feed, FEEDING_TXS);
        String sink = rpc.walletNewAddress();
        long started = System.nanoTime();
        for (int i = 0; i < FEEDING_TXS; i++) {
            rpc.walletSendFrom("feed", sink, 50_000, RATES[i % RATES.length]);
        }
        System.out.printf("%d feeding transactions sent in %d ms%n", FEEDING_TXS, (System.nanoTime() - started) / 1_000_000);
        assertThat(rpc.mempool()).hasSize(FEEDING_TXS);
        rpc.mine(1);
        assertThat(rpc.mempool()).isEmpty();

        long estimate = estimator(rpc.apiKey(), Duration.ZERO).satPerKvB(6);
        System.out.println("bcoin estimatesmartfee 6: " + estimate + " sat/kvB");
        assertThat(estimate).isBetween(RATES[0], RATES[RATES.length - 1] * 11 / 10);
        assertThatThrownBy(() -> cachedForAnHour.satPerKvB(6)).as("a failure is reused for cache-for")
                .hasMessage("no estimate (the node answered -1)");

        BtcFeePolicy policy = new BtcFeePolicy(10, 1, 200, estimator(rpc.apiKey(), Duration.ZERO).forTarget(6));
        AssetCustody.FeeQuote q = policy.quote();
        assertThat(q.source()).isEqualTo("estimate");
        assertThat(q.feeRate()).isEqualTo(Math.ceilDiv(estimate, 1000));
        assertThat(q.fee()).isEqualTo(q.feeRate() * BtcFeePolicy.QUOTE_VSIZE);
        assertThat(policy.fallbackReason()).isNull();
        BtcFeePolicy capped = new BtcFeePolicy(10, 1, 5, estimator(rpc.apiKey(), Duration.ZERO).forTarget(6));
        assertThat(capped.quote().feeRate()).as("the estimate goes through the same clamp").isEqualTo(5);
        assertThat(capped.quote().source()).isEqualTo("estimate, capped at max-fee-rate");
    }
}
