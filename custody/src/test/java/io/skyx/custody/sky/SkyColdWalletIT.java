package io.skyx.custody.sky;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.CustodyException;
import io.skyx.custody.cold.ColdDesk;
import io.skyx.custody.cold.ColdTransfer;
import io.skyx.custody.cold.Sweeper;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.reserve.ReserveWallet;
import io.skyx.custody.testing.Await;
import io.skyx.custody.testing.SkyChain;
import io.skyx.custody.testing.TestDb;
import io.skyx.custody.testing.TestLedger;
import io.skyx.node.cipher.Address;
import io.skyx.node.cipher.SecKey;
import io.skyx.node.reserves.ProofException;
import io.skyx.node.reserves.ReserveChallenge;
import io.skyx.node.reserves.ReserveSignatures;
import io.skyx.node.reserves.SnapshotRef;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SKY hot → cold sweeps on the embedded node's private chain: the configured cold addresses (their keys only in
 * this test), exactly the excess in droplets, no ledger command, a repeated request a no-op, the cold addresses
 * in the reserve holdings as COLD and provable only by an offline Skycoin signature.
 */
class SkyColdWalletIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int N = SkyTestCustody.N;
    private static final long SKY = SkyTestCustody.SKY;
    private static final long TARGET = 100 * SKY;
    private static final SecKey COLD1 = SecKey.random();
    private static final SecKey COLD2 = SecKey.random();

    private static SkyChain chain;
    private static TestLedger ledger;
    private static SkyCustody custody;
    private static ColdDesk desk;

    @BeforeAll
    static void start() {
        chain = SkyChain.start();
        ledger = new TestLedger();
        custody = SkyTestCustody.start(chain, "skyx cold test seed", SkyTestCustody.cold(TARGET, COLD1, COLD2),
                TestDb.fresh(), ledger);
        desk = custody.coldDesk().orElseThrow();
        chain.payAndBlock(custody.wallet().hotAddress().toString(), 1_000 * SKY);
    }

    @AfterAll
    static void stop() {
        SkyTestCustody.stop(custody, chain);
    }

    @Test
    void aSweepMovesExactlyTheExcessInDropletsToTheNextColdAddressAndARepeatIsANoOp() {
        long user = 5;
        chain.payAndBlock(custody.depositAddress(user), 50 * SKY);
        chain.blocks(N - 1);
        Await.until("deposit credited", WAIT, () -> ledger.available(user, CustodyAsset.SKY) == 50 * SKY);
        Await.until("hot wallet sees both", WAIT, () -> custody.wallet().spendable() == 1_050 * SKY);
        int applied = ledger.applied();
        long reserve = ledger.reserve(CustodyAsset.SKY);
        String cold1 = Address.fromSecKey(COLD1).toString();

        Sweeper.Report r = desk.sweep("s1");
        assertThat(r.outcome()).isEqualTo("SENT");
        ColdTransfer t = r.transfer();
        assertThat(t.amount()).isEqualTo(950 * SKY);
        assertThat(t.fee()).as("SKY pays coin hours, not droplets").isZero();
        assertThat(t.destination()).isEqualTo(cold1);
        Await.until("sweep confirmed", WAIT, () -> {
            chain.block();
            return desk.view(5).latest().getFirst().state() == ColdTransfer.State.CONFIRMED;
        });
        assertThat(chain.balance(cold1)).isEqualTo(950 * SKY);
        Sweeper.View v = desk.view(5);
        assertThat(v.hot()).isEqualTo(TARGET);
        assertThat(v.cold()).isEqualTo(950 * SKY);
        assertThat(v.coldAddresses()).containsExactly(cold1, Address.fromSecKey(COLD2).toString());
        assertThat(ledger.applied()).isEqualTo(applied);
        assertThat(ledger.reserve(CustodyAsset.SKY)).isEqualTo(reserve);
        assertThat(ledger.available(user, CustodyAsset.SKY)).isEqualTo(50 * SKY);

        assertThat(desk.sweep("s1").outcome()).isEqualTo("REPEATED");
        assertThat(desk.sweep("s2").outcome()).isEqualTo("NOTHING");
        assertThat(desk.view(5).latest()).hasSize(1);

        // reserves: the cold address is a COLD holding; the server cannot sign for it, the offline key can
        ReserveWallet.Holdings h = custody.wallet().holdings();
        assertThat(h.addresses()).anySatisfy(x -> {
            assertThat(x.address()).isEqualTo(cold1);
            assertThat(x.kind()).isEqualTo(ReserveWallet.Kind.COLD);
            assertThat(x.balance()).isEqualTo(950 * SKY);
        });
        assertThatThrownBy(() -> custody.wallet().signMessage(cold1, "x")).isInstanceOf(IllegalArgumentException.class);
        ReserveChallenge c = new ReserveChallenge(new SnapshotRef("SKY", 3), "ab".repeat(32), "01".repeat(16));
        ReserveSignatures.verifySky(c, cold1, ReserveSignatures.signSky(c, COLD1));
        assertThatThrownBy(() -> ReserveSignatures.verifySky(c, cold1, ReserveSignatures.signSky(c, COLD2)))
                .isInstanceOf(ProofException.class);
    }
}
