package io.skyx.api.reserves;

import static org.assertj.core.api.Assertions.assertThat;

import io.skyx.api.market.Asset;
import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.Command;
import io.skyx.api.sequencer.CommandResult;
import io.skyx.api.sequencer.LedgerPositions;
import io.skyx.api.sequencer.Sequencer;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.api.testing.TestBrowser;
import io.skyx.custody.reserve.ChainAnchor;
import io.skyx.custody.reserve.ReserveWallet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11: the withdrawals in flight are the ledger's, read with what is owed at one journal point. The pipeline
 * completes a withdrawal in the ledger before it moves its row, so after a crash in between the row still says
 * BROADCAST (mined); a fresh {@link ChainReserves} (as after a restart, with nothing in memory) and the running one
 * both leave it out, so it is not subtracted a second time from what is owed.
 */
class InFlightAfterRestartIT extends IntegrationTestBase {

    @Autowired
    Sequencer sequencer;

    @Autowired
    MarketCatalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ChainReserves chains;

    @Autowired
    LedgerPositions positions;

    private static String txid() {
        byte[] b = new byte[32];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private CommandResult submit(Command c) throws Exception {
        CommandResult r = sequencer.submit(c).get(30, TimeUnit.SECONDS);
        assertThat(r.ok()).as(c + ": " + r.code()).isTrue();
        return r;
    }

    @Test
    void aWithdrawalCompletedInTheLedgerWhoseRowStillSaysBroadcastIsNotNettedTwice() throws Exception {
        TestBrowser alice = new TestBrowser(url("")).signUp();
        long userId = jdbc.queryForObject("select id from users where public_id = ?::uuid", Long.class,
                alice.userId());
        Asset btc = catalog.asset("BTC", "asset");
        long before = sequencer.owedToUsers(btc.id()).get(30, TimeUnit.SECONDS);
        submit(new Command.CreditDeposit(userId, btc.id(), 1_000_000, "btc:" + txid() + ":0"));

        // custody's row: reserved in the ledger, its transaction broadcast and (as the row recorded) mined
        long id = jdbc.queryForObject("insert into custody_withdrawal (asset, user_id, request_id, destination, amount,"
                + " fee, state, txid, confirmations) values ('BTC', ?, ?, 'bcrt1qexample', 300000, 2000, 'BROADCAST',"
                + " ?, 1) returning id", Long.class, userId, UUID.randomUUID().toString(), txid());
        submit(new Command.ReserveWithdrawal(id, userId, btc.id(), 302_000));
        ChainReserves.Position open = chains.position(btc);
        assertThat(open.owed()).isEqualTo(before + 1_000_000);
        assertThat(open.inFlight()).isEqualTo(new ChainReserves.InFlight(302_000, 302_000));

        // the ledger completes it; the crash comes before the row moves on
        long completed = submit(new Command.CompleteWithdrawal(id)).seq();
        ChainReserves restarted = new ChainReserves(context.getBeanProvider(ReserveWallet.class),
                context.getBeanProvider(ChainAnchor.class), jdbc, positions);
        for (ChainReserves c : List.of(restarted, chains)) {
            ChainReserves.Position p = c.position(btc);
            assertThat(p.sequence()).isGreaterThanOrEqualTo(completed);
            assertThat(p.owed()).isEqualTo(before + 698_000);
            assertThat(p.inFlight()).as("completed in the ledger: no longer in flight, whatever the row says")
                    .isEqualTo(new ChainReserves.InFlight(0, 0));
        }
        assertThat(jdbc.queryForObject("select state from custody_withdrawal where id = ?", String.class, id))
                .isEqualTo("BROADCAST");
    }
}
