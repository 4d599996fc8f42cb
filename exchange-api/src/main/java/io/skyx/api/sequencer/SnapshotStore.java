package io.skyx.api.sequencer;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Engine snapshots in PostgreSQL (table {@code snapshots}); the newest few are kept. */
@Repository
class SnapshotStore {

    /** The engine state after command {@code seq}. */
    record Snapshot(long seq, byte[] state) {
    }

    private static final int KEEP = 3;

    private final JdbcTemplate jdbc;

    SnapshotStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void save(long seq, byte[] state, byte[] hash) {
        jdbc.update("insert into snapshots (seq, state, state_hash) values (?,?,?) on conflict (seq) do nothing",
                seq, state, hash);
        jdbc.update("delete from snapshots where seq < (select min(seq) from (select seq from snapshots "
                + "order by seq desc limit ?) newest)", KEEP);
    }

    Optional<Snapshot> latest() {
        List<Snapshot> s = jdbc.query("select seq, state from snapshots order by seq desc limit 1",
                (rs, i) -> new Snapshot(rs.getLong(1), rs.getBytes(2)));
        return s.stream().findFirst();
    }
}
