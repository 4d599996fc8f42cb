package io.skyx.api.custody;

import io.skyx.api.sequencer.Projections;
import io.skyx.custody.platform.CustodyAsset;
import io.skyx.custody.platform.LedgerRecords;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * custody's {@link LedgerRecords} on the ledger projection: the reserve account's postings of one asset (deposit
 * credits by their journal key, completed withdrawals), the withdrawals still withdrawing, and −reserve, all read
 * in one repeatable-read transaction together with the projection's position, once it has caught up with what is
 * durable: one journal sequence number.
 */
@Component
class JournalLedgerRecords implements LedgerRecords {

    private static final String DEPOSIT_KEY = "deposit:";

    private final JdbcTemplate jdbc;
    private final Projections projections;
    private final TransactionTemplate tx;

    JournalLedgerRecords(JdbcTemplate jdbc, Projections projections, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.tx = new TransactionTemplate(tm);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        tx.setReadOnly(true);
    }

    @Override
    public Records read(CustodyAsset asset) {
        projections.caughtUp().orTimeout(30, TimeUnit.SECONDS).join();
        String a = asset.name();
        return tx.execute(s -> {
            Long seq = jdbc.queryForObject(
                    "select coalesce((select seq from projection_position where name = 'ledger'), 0)", Long.class);
            Map<String, Long> credits = new HashMap<>();
            jdbc.query("select j.idem_key, -e.amount from ledger_entries e join journal j on j.seq = e.seq"
                    + " where e.user_id is null and e.account = 'reserve' and e.asset = ? and e.type = 'deposit'"
                    + " and j.idem_key like 'deposit:%'", rs -> {
                credits.merge(rs.getString(1).substring(DEPOSIT_KEY.length()), rs.getLong(2), Math::addExact);
            }, a);
            Map<Long, Long> completed = new HashMap<>();
            jdbc.query("select reference_id, amount from ledger_entries where user_id is null and account = 'reserve'"
                    + " and asset = ? and type = 'withdrawal'", rs -> {
                completed.merge(rs.getLong(1), rs.getLong(2), Math::addExact);
            }, a);
            Map<Long, Long> pending = new HashMap<>();
            jdbc.query("select reference_id, sum(amount) from ledger_entries where account = 'withdrawing'"
                    + " and asset = ? group by reference_id having sum(amount) <> 0", rs -> {
                pending.put(rs.getLong(1), rs.getLong(2));
            }, a);
            Long reserve = jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries"
                    + " where user_id is null and account = 'reserve' and asset = ?", Long.class, a);
            return new Records(seq == null ? 0 : seq, credits, completed, pending, -(reserve == null ? 0 : reserve));
        });
    }
}
