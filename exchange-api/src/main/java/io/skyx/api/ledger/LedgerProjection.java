package io.skyx.api.ledger;

import io.skyx.api.market.MarketCatalog;
import io.skyx.api.sequencer.AppliedCommand;
import io.skyx.api.sequencer.Projection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The double-entry ledger ({@code ledger_entries}: the engine's postings) and the users' balances
 * ({@code accounts}), a reader of the journal (see {@link Projection}). A command whose entries would not balance
 * fails the chunk, so an unbalanced ledger is never stored.
 */
@Component
@Order(1)
class LedgerProjection implements Projection {

    private final MarketCatalog catalog;
    private final LedgerPosting posting = new LedgerPosting();


    LedgerProjection(MarketCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public void reset(JdbcTemplate jdbc) {
        jdbc.update("delete from ledger_entries");
        jdbc.update("delete from accounts");
    }

    @Override
    public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
        LedgerPosting.Posted p = posting.post(batch);
        if (!p.entries().isEmpty()) {
            List<Object[]> rows = new ArrayList<>(p.entries().size());
            for (LedgerPosting.Entry e : p.entries()) {
                rows.add(new Object[] {e.seq(), e.userId(), e.account(), catalog.asset(e.assetId()).code(),
                    e.amount(), e.type(), e.ref(), Timestamp.from(Instant.ofEpochMilli(e.tsMs()))});
            }
            jdbc.batchUpdate("insert into ledger_entries (seq, user_id, account, asset, amount, type, reference_id, "
                    + "created_at) values (?,?,?,?,?,?,?,?)", rows);
        }
        if (!p.accounts().isEmpty()) {
            List<Object[]> rows = new ArrayList<>(p.accounts().size());
            p.accounts().forEach((k, v) -> rows.add(new Object[] {k.userId(), catalog.asset(k.assetId()).code(),
                v[0], v[1], p.accountSeqs().get(k)}));
            jdbc.batchUpdate("insert into accounts (user_id, asset, available, locked, updated_seq) values (?,?,?,?,?) "
                    + "on conflict (user_id, asset) do update set available = excluded.available, "
                    + "locked = excluded.locked, updated_seq = excluded.updated_seq", rows);
        }
        if (!p.withdrawing().isEmpty()) {
            List<Object[]> rows = new ArrayList<>(p.withdrawing().size());
            long last = batch.getLast().seq();
            p.withdrawing().forEach((k, v) -> rows.add(new Object[] {k.userId(), catalog.asset(k.assetId()).code(),
                v, last}));
            jdbc.batchUpdate("insert into accounts (user_id, asset, available, locked, withdrawing, updated_seq) "
                    + "values (?,?,0,0,?,?) on conflict (user_id, asset) do update set "
                    + "withdrawing = accounts.withdrawing + excluded.withdrawing", rows);
        }
    }
}
