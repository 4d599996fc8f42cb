package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.testing.IntegrationTestBase;
import io.skyx.engine.OrderType;
import io.skyx.engine.ResultCode;
import io.skyx.engine.Side;
import io.skyx.engine.StpMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

class SequencerIT extends IntegrationTestBase {

    @Autowired
    Sequencer sequencer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MarketCatalog catalog;

    private static final int SKY = 1;
    private static final int BTC = 2;
    private static final int SKY_BTC = 1;

    private final List<Long> users = new ArrayList<>();

    private long newUser() {
        long u = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        users.add(u);
        return u;
    }

    /** Leaves no resting order behind: other IT classes share this app and its book. */
    @AfterEach
    void cancelWhatRests() {
        for (long u : users) {
            sequencer.submit(new Command.CancelAll(u, SKY_BTC)).join();
        }
    }

    @Autowired
    Projections projections;

    /** Submits, waits for the acknowledgement and for the read models to show it. */
    private CommandResult ack(Command c) {
        CommandResult r = sequencer.submit(c).join();
        projections.reach(r.seq()).join();
        return r;
    }

    @Test
    void crossingOrdersTradeAndTheLedgerBalancesToTheUnit() {
        long seller = newUser();
        long buyer = newUser();
        assertThat(ack(new Command.CreditDeposit(seller, SKY, 1_000_000_000L, "t:" + seller + ":sky")).ok()).isTrue();
        assertThat(ack(new Command.CreditDeposit(buyer, BTC, 1_000_000L, "t:" + buyer + ":btc")).ok()).isTrue();

        CommandResult sell = ack(new Command.Place(seller, SKY_BTC, Side.ASK, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));
        CommandResult buy = ack(new Command.Place(buyer, SKY_BTC, Side.BID, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, "b1"));
        assertThat(sell.ok()).isTrue();
        assertThat(buy.ok()).isTrue();

        // 10 SKY at 50 sat: notional 500 sat; maker (seller) fee ceil(0.5) = 1, taker (buyer) fee 1
        assertThat(account(seller, "SKY")).containsExactly(990_000_000L, 0L);
        assertThat(account(seller, "BTC")).containsExactly(499L, 0L);
        assertThat(account(buyer, "SKY")).containsExactly(10_000_000L, 0L);
        assertThat(account(buyer, "BTC")).containsExactly(999_499L, 0L);

        assertThat(status(sell.seq())).isEqualTo("closed");
        assertThat(status(buy.seq())).isEqualTo("closed");
        assertThat(jdbc.queryForObject("select count(*) from trades where maker_order_id = ? and taker_order_id = ?",
                Long.class, sell.seq(), buy.seq())).isEqualTo(1);

        for (String asset : new String[] {"SKY", "BTC"}) {
            assertThat(jdbc.queryForObject("select coalesce(sum(amount),0) from ledger_entries where asset = ?",
                    Long.class, asset)).as("ledger sum of " + asset).isZero();
        }
        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entries where user_id = ? and asset = 'BTC'",
                Long.class, buyer)).isEqualTo(999_499L);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheOriginalResultAndChangesNothing() {
        long user = newUser();
        CommandResult first = ack(new Command.CreditDeposit(user, SKY, 5_000_000L, "t:" + user + ":once"));
        CommandResult again = ack(new Command.CreditDeposit(user, SKY, 5_000_000L, "t:" + user + ":once"));
        assertThat(again.repeated()).isTrue();
        assertThat(again.seq()).isEqualTo(first.seq());
        assertThat(account(user, "SKY")).containsExactly(5_000_000L, 0L);

        CommandResult place = ack(new Command.Place(user, SKY_BTC, Side.ASK, OrderType.GTC, 70, 2, 0,
                StpMode.EXPIRE_MAKER, "same"));
        CommandResult repeat = ack(new Command.Place(user, SKY_BTC, Side.ASK, OrderType.GTC, 70, 3, 0,
                StpMode.EXPIRE_MAKER, "same"));
        assertThat(repeat.seq()).isEqualTo(place.seq());
        assertThat(repeat.code()).isEqualTo(ResultCode.OK);
        assertThat(repeat.repeated()).isTrue();
        assertThat(repeat.events()).isEqualTo(place.events());
        assertThat(account(user, "SKY")).containsExactly(3_000_000L, 2_000_000L);
    }

    @Test
    void refusedOrdersAreJournaledButMoveNoMoney() {
        long user = newUser();
        CommandResult r = ack(new Command.Place(user, SKY_BTC, Side.BID, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null));
        assertThat(r.code()).isEqualTo(ResultCode.INSUFFICIENT_FUNDS);
        assertThat(status(r.seq())).isEqualTo("rejected");
        assertThat(jdbc.queryForObject("select count(*) from ledger_entries where user_id = ?", Long.class, user))
                .isZero();
    }

    @Test
    void stateHashEqualsAFreshReplayOfTheJournal() throws Exception {
        long a = newUser();
        ack(new Command.CreditDeposit(a, BTC, 10_000L, "t:" + a));
        ack(new Command.Place(a, SKY_BTC, Side.BID, OrderType.GTC, 9, 3, 0, StpMode.EXPIRE_MAKER, null));
        Sequencer.StateView live = sequencer.state().join();
        try (Connection c = dataSource.getConnection()) {
            assertThat(JournalReplay.replay(c, catalog.engineConfig())).isEqualTo(live);
        }
    }

    @Test
    void recoveryAfterRestartRestoresTheSameState() {
        long a = newUser();
        ack(new Command.CreditDeposit(a, SKY, 7_000_000L, "t:" + a));
        ack(new Command.Place(a, SKY_BTC, Side.ASK, OrderType.GTC, 90, 4, 0, StpMode.EXPIRE_MAKER, null));
        Sequencer.StateView before = sequencer.state().join();
        sequencer.stop();
        sequencer.start();
        assertThat(sequencer.state().join()).isEqualTo(before);
        assertThat(ack(new Command.CreditDeposit(a, SKY, 1_000_000L, "t:" + a)).repeated()).isTrue();
    }

    /**
     * Commands without trades open no transaction of the trades projection: its stored position still reaches them
     * (once the runner is idle), and a trade after them is stored at once with its own position.
     */
    @Test
    void theTradesPositionIsStoredLazilyForBatchesWithoutTradesAndAtOnceWithATrade() throws Exception {
        long seller = newUser();
        long buyer = newUser();
        long deposit = ack(new Command.CreditDeposit(seller, SKY, 1_000_000_000L, "t:" + seller + ":lazy")).seq();
        awaitStoredTrades(deposit);
        CommandResult credit = ack(new Command.CreditDeposit(buyer, BTC, 1_000_000L, "t:" + buyer + ":lazy"));
        ack(new Command.Place(seller, SKY_BTC, Side.ASK, OrderType.GTC, 50, 10, 0, StpMode.EXPIRE_MAKER, null));
        CommandResult buy = sequencer.submit(new Command.Place(buyer, SKY_BTC, Side.BID, OrderType.GTC, 50, 10, 0,
                StpMode.EXPIRE_MAKER, null)).join();
        assertThat(credit.seq()).isGreaterThan(deposit);
        projections.reach(buy.seq()).join();
        assertThat(jdbc.queryForObject("select count(*) from trades where seq = ?", Long.class, buy.seq()))
                .isEqualTo(1L);
        assertThat(storedTrades()).isGreaterThanOrEqualTo(buy.seq());
    }

    @Autowired
    PgJournal pgJournal;

    /**
     * A journal append is one statement: when any row of the batch is refused, none of its rows is written, nor
     * any of its replay marks.
     */
    @Test
    void aJournalAppendThatFailsWritesNoneOfItsBatch() {
        long base = 1_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        long user = newUser();
        List<AppliedCommand> batch = new ArrayList<>();
        for (long s : new long[] {base + 1, base + 2, base + 1}) {
            Command deposit = new Command.CreditDeposit(user, SKY, 5, "t:" + base + ":" + batch.size());
            batch.add(new AppliedCommand(s, 1L, deposit, ResultCode.OK, List.of()));
        }
        List<ReplayMark> marks = List.of(mark(base, 1), mark(base, 2));
        try {
            assertThatThrownBy(() -> pgJournal.append(batch, marks)).isInstanceOf(DataAccessException.class);
            assertThat(jdbc.queryForObject("select count(*) from journal where seq > ?", Long.class, base))
                    .isZero();
            assertThat(recordedMarks(marks)).isZero();
        } finally {
            jdbc.update("delete from journal where seq > ?", base);
        }
    }

    /** The replay marks go in with the batch; one already recorded (by the guard) stays as it was. */
    @Test
    void aJournalAppendRecordsItsReplayMarks() {
        long base = 1_000_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 10;
        long user = newUser();
        List<AppliedCommand> batch = new ArrayList<>();
        for (long s : new long[] {base + 1, base + 2}) {
            Command deposit = new Command.CreditDeposit(user, SKY, 5, "m:" + base + ":" + batch.size());
            batch.add(new AppliedCommand(s, 1L, deposit, ResultCode.OK, List.of()));
        }
        List<ReplayMark> marks = List.of(mark(base, 1), mark(base, 2));
        jdbc.update("insert into seen_signatures (signature, expires_at_ms) values (?, 7)", marks.get(1).signatureHex());
        try {
            pgJournal.append(batch, marks);
            assertThat(jdbc.queryForObject("select count(*) from journal where seq > ?", Long.class, base))
                    .isEqualTo(2);
            assertThat(recordedMarks(marks)).isEqualTo(2);
            assertThat(jdbc.queryForObject("select expires_at_ms from seen_signatures where signature = ?",
                    Long.class, marks.get(1).signatureHex())).isEqualTo(7);
        } finally {
            jdbc.update("delete from journal where seq > ?", base);
            jdbc.update("delete from seen_signatures where signature = any(?)",
                    (Object) marks.stream().map(ReplayMark::signatureHex).toArray(String[]::new));
        }
    }

    private static ReplayMark mark(long base, int i) {
        String hex = String.format("%032x%032x", base, i);
        return new ReplayMark() {
            @Override
            public String signatureHex() {
                return hex;
            }

            @Override
            public long expiresAtMillis() {
                return Long.MAX_VALUE - i;
            }

            @Override
            public void recorded() {
                throw new AssertionError("the journal does not call recorded(): the committer does, once durable");
            }
        };
    }

    private long recordedMarks(List<ReplayMark> marks) {
        return jdbc.queryForObject("select count(*) from seen_signatures where signature = any(?)", Long.class,
                (Object) marks.stream().map(ReplayMark::signatureHex).toArray(String[]::new));
    }

    private long storedTrades() {
        return jdbc.queryForObject("select seq from projection_position where name = 'trades'", Long.class);
    }

    private void awaitStoredTrades(long seq) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (storedTrades() < seq) {
            assertThat(System.nanoTime()).as("trades position stored up to %d", seq).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private long[] account(long user, String asset) {
        Map<String, Object> row = jdbc.queryForList("select available, locked from accounts where user_id = ? "
                + "and asset = ?", user, asset).stream().findFirst().orElse(Map.of("available", 0L, "locked", 0L));
        return new long[] {((Number) row.get("available")).longValue(), ((Number) row.get("locked")).longValue()};
    }

    private String status(long orderId) {
        return jdbc.queryForObject("select status from orders where id = ?", String.class, orderId);
    }
}
