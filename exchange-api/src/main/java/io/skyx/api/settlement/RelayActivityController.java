package io.skyx.api.settlement;

import io.skyx.api.market.Decimals;
import io.skyx.api.web.ApiException;
import io.skyx.api.web.ErrorCode;
import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.PubKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Relays page reads: one relay's accepted reports and claims, its payouts and refused records (public,
 * like its receipts), and for operators the list of settlement runs. Amounts are SKY decimal strings.
 */
@RestController
@Tag(name = "skywire")
class RelayActivityController {

    private static final HexFormat HEX = HexFormat.of();
    private static final int SKY_DECIMALS = 6;

    /** One accepted usage report of the relay. */
    record Report(String id, long epoch, String transportId, String peer, String type, long windowStart,
                  long windowEnd, long sent, long recv, long seq, Instant receivedAt) { }

    /** One accepted epoch claim. */
    record Claim(String id, long epoch, String rewardAddress, int reports, Instant receivedAt) { }

    /** One payout the settlement decided ({@code state} pending, done or refused). */
    record Payout(long epoch, String amount, String method, String state, String result) { }

    /** One refused record. */
    record Refusal(String reason, String detail, String source, Instant at) { }

    /** The relay's activity, newest first in each list. */
    record Activity(String relay, List<Report> reports, List<Claim> claims, List<Payout> payouts,
                    List<Refusal> refusals) { }

    /**
     * One settlement run, with how many of its payouts are done, pending or refused; {@code fundingWait} (with the
     * {@code fundingSurplus} last proven) while its pool is not funded for want of proven surplus.
     */
    record Run(long epoch, String reportHash, String merkleRoot, String pool, String carryIn, String totalPaid,
               String remainder, long claims, Long fundedSeq, Instant settledAt, long payoutsDone,
               long payoutsPending, long payoutsRefused, String fundingWait, String fundingSurplus) { }

    private final JdbcClient jdbc;

    RelayActivityController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/relays/{key}/activity")
    @Operation(summary = "A relay's accepted reports and claims, payouts and refused records, newest first")
    Activity activity(@PathVariable("key") String key, @RequestParam(name = "limit", defaultValue = "50") int limit) {
        byte[] relay = relay(key);
        int n = Math.clamp(limit, 1, 500);
        List<Report> reports = jdbc.sql("""
                        select u.record_id, u.epoch, u.transport_id, u.edge0, u.edge1, u.type, u.window_start,
                               u.window_end, u.sent, u.recv, u.seq, r.received_at
                        from skywire_usage u join skywire_record r on r.id = u.record_id
                        where u.reporter = :relay order by u.epoch desc, u.seq desc limit :n""")
                .param("relay", relay).param("n", n)
                .query((rs, i) -> new Report(HEX.formatHex(rs.getBytes(1)), rs.getLong(2), rs.getString(3),
                        peer(relay, rs.getBytes(4), rs.getBytes(5)), rs.getString(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getLong(10), rs.getLong(11), instant(rs, 12)))
                .list();
        List<Claim> claims = jdbc.sql("""
                        select c.record_id, c.epoch, c.reward_address, length(c.report_ids) / 32, r.received_at
                        from skywire_claim c join skywire_record r on r.id = c.record_id
                        where c.relay = :relay order by c.epoch desc limit :n""")
                .param("relay", relay).param("n", n)
                .query((rs, i) -> new Claim(HEX.formatHex(rs.getBytes(1)), rs.getLong(2), rs.getString(3),
                        rs.getInt(4), instant(rs, 5)))
                .list();
        List<Payout> payouts = jdbc.sql("""
                        select epoch, amount, method, state, result from skywire_payout
                        where relay = :relay order by epoch desc limit :n""")
                .param("relay", relay).param("n", n)
                .query((rs, i) -> new Payout(rs.getLong(1), sky(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        List<Refusal> refusals = jdbc.sql("""
                        select reason, detail, source, refused_at from skywire_refusal
                        where relay = :relay order by refused_at desc limit :n""")
                .param("relay", relay).param("n", n)
                .query((rs, i) -> new Refusal(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
                .list();
        return new Activity(HEX.formatHex(relay), reports, claims, payouts, refusals);
    }

    @GetMapping("/api/v1/admin/settlement")
    @Operation(summary = "Operators: the settlement runs, newest epoch first, with their payout states")
    List<Run> runs(@RequestParam(name = "limit", defaultValue = "30") int limit) {
        return jdbc.sql("""
                        select s.epoch, s.report_hash, s.merkle_root, s.pool, s.carry_in, s.total_paid, s.remainder,
                               (select count(*) from skywire_receipt r where r.epoch = s.epoch),
                               s.funded_seq, s.settled_at,
                               (select count(*) from skywire_payout p where p.epoch = s.epoch and p.state = 'done'),
                               (select count(*) from skywire_payout p where p.epoch = s.epoch and p.state = 'pending'),
                               (select count(*) from skywire_payout p where p.epoch = s.epoch and p.state = 'refused'),
                               s.funding_wait, s.funding_surplus
                        from skywire_settlement s order by s.epoch desc limit :n""")
                .param("n", Math.clamp(limit, 1, 365))
                .query((rs, i) -> new Run(rs.getLong(1), HEX.formatHex(rs.getBytes(2)), HEX.formatHex(rs.getBytes(3)),
                        sky(rs.getLong(4)), sky(rs.getLong(5)), sky(rs.getLong(6)), sky(rs.getLong(7)), rs.getLong(8),
                        rs.getObject(9, Long.class), instant(rs, 10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                        rs.getString(14), rs.getObject(15) == null ? null : sky(rs.getLong(15))))
                .list();
    }

    private static String sky(long droplets) {
        return Decimals.format(droplets, SKY_DECIMALS);
    }

    private static String peer(byte[] relay, byte[] edge0, byte[] edge1) {
        return HEX.formatHex(java.util.Arrays.equals(relay, edge0) ? edge1 : edge0);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static byte[] relay(String hex) {
        try {
            return PubKey.fromHex(hex).bytes();
        } catch (CipherException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "not a relay public key (66 hex characters)", "key");
        }
    }
}
