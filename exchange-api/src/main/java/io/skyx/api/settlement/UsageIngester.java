package io.skyx.api.settlement;

import io.skyx.node.cipher.SHA256;
import io.skyx.node.encoding.DecodeException;
import io.skyx.skywire.EpochClaim;
import io.skyx.skywire.Reason;
import io.skyx.skywire.RecordChecks;
import io.skyx.skywire.SignedRecord;
import io.skyx.skywire.UsageReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Checks one signed Skywire record and stores it, or its refusal, on the caller's connection and transaction
 * (so the Kafka consumer commits it together with its offset). Checks, in order: size, decoding, signature,
 * transport ID and reporter (stateless, {@link RecordChecks}), duplicate content hash (accepted before: nothing
 * changes), the relay's sequence number, the window and counters against the relay's previous report for the
 * same transport and day, one claim per relay and epoch. A relay's records are serialised by an advisory lock,
 * so concurrent REST submissions see each other.
 */
public final class UsageIngester {

    /** What happened to a record. */
    public enum Status { ACCEPTED, DUPLICATE, REFUSED }

    /**
     * @param id     the record ID (null when the record did not decode)
     * @param reason why it was refused (null unless refused)
     * @param fresh  whether this call stored something new (false for duplicates and repeated refusals)
     */
    public record Outcome(Status status, SHA256 id, Reason reason, String detail, boolean fresh) {
    }

    private final LongSupplier nowSeconds;

    /** @param nowSeconds the clock for the "window ends in the future" check, Unix seconds */
    public UsageIngester(LongSupplier nowSeconds) {
        this.nowSeconds = nowSeconds;
    }

    /** Checks and stores {@code wire}; never throws for bad input, only for database failures. */
    public Outcome ingest(Connection c, byte[] wire, String source) throws SQLException {
        if (wire == null || wire.length == 0) {
            return refuse(c, new byte[0], null, Reason.MALFORMED, "empty record", source);
        }
        if (wire.length > SignedRecord.MAX_WIRE) {
            return refuse(c, wire, null, Reason.OVERSIZE, "record of " + wire.length + " bytes, max "
                    + SignedRecord.MAX_WIRE, source);
        }
        SignedRecord record;
        try {
            record = SignedRecord.decode(wire);
        } catch (DecodeException e) {
            return refuse(c, wire, null, Reason.MALFORMED, e.error() + ": " + e.getMessage(), source);
        }
        byte[] relay = record.parsed().signer().bytes();
        if (!record.verify().ok()) {
            return refuse(c, wire, relay, Reason.BAD_SIGNATURE, record.verify().name(), source);
        }
        lockRelay(c, relay);
        if (exists(c, "select 1 from skywire_record where id = ?", record.id().bytes())) {
            return new Outcome(Status.DUPLICATE, record.id(), null, "already stored", false);
        }
        long epoch = epochOf(record);
        lockEpochShared(c, epoch);
        if (exists(c, "select 1 from skywire_settlement where epoch = ?", epoch)) {
            return refuse(c, wire, relay, Reason.EPOCH_SETTLED, "epoch " + epoch + " is settled", source);
        }
        Optional<String[]> refusal = switch (record.parsed()) {
            case UsageReport r -> checkReport(c, r);
            case EpochClaim cl -> checkClaim(c, cl);
        };
        if (refusal.isPresent()) {
            return refuse(c, wire, relay, Reason.valueOf(refusal.get()[0]), refusal.get()[1], source);
        }
        store(c, record, wire, source);
        return new Outcome(Status.ACCEPTED, record.id(), null, "", true);
    }

    private Optional<String[]> checkReport(Connection c, UsageReport r) throws SQLException {
        Optional<Reason> stateless = RecordChecks.check(r, nowSeconds.getAsLong());
        if (stateless.isPresent()) {
            return Optional.of(new String[] {stateless.get().name(), "stateless check"});
        }
        try (PreparedStatement ps = c.prepareStatement("select max(seq) from skywire_usage where reporter = ?")) {
            ps.setBytes(1, r.reporter().bytes());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long last = rs.getLong(1);
                if (!rs.wasNull() && r.seq() <= last) {
                    return Optional.of(new String[] {Reason.REPLAYED_SEQUENCE.name(),
                        "seq " + r.seq() + " not above " + last});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select window_end, sent, recv from skywire_usage"
                + " where reporter = ? and transport_id = ? and epoch = ? order by seq desc limit 1")) {
            ps.setBytes(1, r.reporter().bytes());
            ps.setObject(2, r.transportId());
            ps.setLong(3, RecordChecks.epochOf(r.windowStart()));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (r.windowStart() < rs.getLong(1)) {
                        return Optional.of(new String[] {Reason.WINDOW_OVERLAP.name(),
                            "window starts at " + r.windowStart() + " before the previous end " + rs.getLong(1)});
                    }
                    if (r.sent() < rs.getLong(2) || r.recv() < rs.getLong(3)) {
                        return Optional.of(new String[] {Reason.COUNTER_DECREASED.name(), "sent " + r.sent()
                            + "/recv " + r.recv() + " below " + rs.getLong(2) + "/" + rs.getLong(3)});
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String[]> checkClaim(Connection c, EpochClaim cl) throws SQLException {
        if (cl.epoch() > RecordChecks.epochOf(nowSeconds.getAsLong())) {
            return Optional.of(new String[] {Reason.BAD_WINDOW.name(), "claim for a future epoch " + cl.epoch()});
        }
        try (PreparedStatement ps = c.prepareStatement("select 1 from skywire_claim where relay = ? and epoch = ?")) {
            ps.setBytes(1, cl.relay().bytes());
            ps.setLong(2, cl.epoch());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(new String[] {Reason.DUPLICATE_CLAIM.name(),
                        "the relay already claimed epoch " + cl.epoch()});
                }
            }
        }
        return Optional.empty();
    }

    static long epochOf(SignedRecord record) {
        return switch (record.parsed()) {
            case UsageReport r -> RecordChecks.epochOf(r.windowStart());
            case EpochClaim cl -> cl.epoch();
        };
    }

    /** The settlement job takes this lock exclusively, so no record of an epoch lands during its settlement. */
    static long epochLockKey(long epoch) {
        return 0x5357_4550_0000_0000L ^ epoch;
    }

    private static void lockEpochShared(Connection c, long epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock_shared(?)")) {
            ps.setLong(1, epochLockKey(epoch));
            ps.execute();
        }
    }

    private static void store(Connection c, SignedRecord record, byte[] wire, String source) throws SQLException {
        long epoch = epochOf(record);
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_record (id, kind, relay, epoch, wire,"
                + " source) values (?, ?, ?, ?, ?, ?)")) {
            ps.setBytes(1, record.id().bytes());
            ps.setShort(2, (short) record.parsed().kind().code());
            ps.setBytes(3, record.parsed().signer().bytes());
            ps.setLong(4, epoch);
            ps.setBytes(5, wire);
            ps.setString(6, source);
            ps.executeUpdate();
        }
        switch (record.parsed()) {
            case UsageReport r -> {
                try (PreparedStatement ps = c.prepareStatement("insert into skywire_usage (record_id, reporter,"
                        + " transport_id, edge0, edge1, type, epoch, window_start, window_end, sent, recv, seq)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setBytes(1, record.id().bytes());
                    ps.setBytes(2, r.reporter().bytes());
                    ps.setObject(3, r.transportId());
                    ps.setBytes(4, r.edge0().bytes());
                    ps.setBytes(5, r.edge1().bytes());
                    ps.setString(6, r.type());
                    ps.setLong(7, epoch);
                    ps.setLong(8, r.windowStart());
                    ps.setLong(9, r.windowEnd());
                    ps.setLong(10, r.sent());
                    ps.setLong(11, r.recv());
                    ps.setLong(12, r.seq());
                    ps.executeUpdate();
                }
            }
            case EpochClaim cl -> {
                byte[] ids = new byte[cl.reports().size() * SHA256.SIZE];
                for (int i = 0; i < cl.reports().size(); i++) {
                    System.arraycopy(cl.reports().get(i).bytes(), 0, ids, i * SHA256.SIZE, SHA256.SIZE);
                }
                try (PreparedStatement ps = c.prepareStatement("insert into skywire_claim (record_id, relay, epoch,"
                        + " reward_address, report_ids) values (?, ?, ?, ?, ?)")) {
                    ps.setBytes(1, record.id().bytes());
                    ps.setBytes(2, cl.relay().bytes());
                    ps.setLong(3, cl.epoch());
                    ps.setString(4, cl.rewardAddress().toString());
                    ps.setBytes(5, ids);
                    ps.executeUpdate();
                }
            }
        }
    }

    private static Outcome refuse(Connection c, byte[] wire, byte[] relay, Reason reason, String detail,
                                  String source) throws SQLException {
        SHA256 wireHash = SHA256.sum(wire);
        int inserted;
        try (PreparedStatement ps = c.prepareStatement("insert into skywire_refusal (wire_hash, reason, detail,"
                + " relay, source, wire) values (?, ?, ?, ?, ?, ?) on conflict (wire_hash) do nothing")) {
            ps.setBytes(1, wireHash.bytes());
            ps.setString(2, reason.name());
            ps.setString(3, detail);
            ps.setBytes(4, relay);
            ps.setString(5, source);
            ps.setBytes(6, wire);
            inserted = ps.executeUpdate();
        }
        return new Outcome(Status.REFUSED, null, reason, detail, inserted == 1);
    }

    private static void lockRelay(Connection c, byte[] relay) throws SQLException {
        long key = 0;
        for (int i = 1; i < 9; i++) {
            key = (key << 8) | (relay[i] & 0xFF);
        }
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    private static boolean exists(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
