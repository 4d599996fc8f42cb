package io.skyx.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.SkyxApplication;
import io.skyx.api.settlement.RelaySeed;
import io.skyx.api.testing.BtcTestProperties;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.btc.regtest.BcoinAddresses;
import io.skyx.custody.btc.regtest.BcoinNode;
import io.skyx.custody.btc.regtest.BcoinRpc;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Account and Wallet pages in the browser ({@code web-ui/e2e/wallet.mjs}) against the app with BTC custody on
 * the bcoin regtest node it starts and SKY custody on the embedded Skycoin node (a SKY deposit address): 2FA
 * enrolment, an API key, the faucet's on-chain deposit, a 2FA withdrawal to an address of bcoin's own wallet, the
 * phone layout. A background thread mines a block every second so that the withdrawal confirms; afterwards the
 * coins must be at the outside address, to the satoshi. A settled relay is seeded first ({@link RelaySeed}), and
 * the Relays page must show its receipts, payouts, claims and reports.
 */
@SpringBootTest(classes = SkyxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class BrowserWalletIT {

    @LocalServerPort
    int port;

    @Autowired
    BcoinNode bcoin;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) throws Exception {
        Path dir = BtcTestProperties.registerApp(registry, "skyx-browser-wallet");
        // the embedded Skycoin node, and with it SKY custody (the Wallet page shows a SKY deposit address)
        BtcTestProperties.withSkyNode(registry, dir);
        registry.add("skyx.custody.sky.batch-interval", () -> "1s");
        // 10..10 sat/vB: the fee is 2210 sat whatever bcoin's estimate (wallet.mjs checks the balance after it)
        BtcTestProperties.withFixedFeeRate(registry, 10);
    }

    @Test
    void twoFactorDepositAndWithdrawalToAnOutsideAddressInTheBrowser() throws Exception {
        BcoinRpc rpc = bcoin.rpc();
        String outsideBcoin = rpc.walletNewWitnessAddress();
        String outside = BcoinAddresses.fromBcoin(outsideBcoin).toString();
        AtomicBoolean mining = new AtomicBoolean(true);
        Thread miner = Thread.ofVirtual().start(() -> {
            while (mining.get()) {
                try {
                    Thread.sleep(1000);
                    rpc.mine(1);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.out.println("mining a regtest block failed: " + e.getMessage());
                }
            }
        });
        String base = "http://localhost:" + port;
        long epoch = System.currentTimeMillis() / 86_400_000L - 1;
        RelaySeed.Seeded relay = RelaySeed.seed(base, new TestBrowser(base).signUp(), "browser", epoch);
        String day = java.time.LocalDate.ofEpochDay(epoch).toString();
        try {
            BrowserScripts.run("wallet.mjs", base, outside, relay.aHex(), day);
        } finally {
            mining.set(false);
            miner.join(5000);
        }
        assertThat(rpc.walletCoins(outsideBcoin)).as("the 0.003 BTC the page withdrew").singleElement()
                .satisfies(c -> assertThat(c.value()).isEqualTo(300_000));
    }

    /**
     * {@code pages.mjs}: the time to interactive of every page (printed, and bounded), and the keyboard on the
     * Account, Wallet and Relays pages (Tab order, labels, focus outline, Enter submits).
     */
    @Test
    void everyPageIsInteractiveQuicklyAndTheNewPagesWorkByKeyboard() throws Exception {
        BrowserScripts.run("pages.mjs", "http://localhost:" + port);
    }
}
