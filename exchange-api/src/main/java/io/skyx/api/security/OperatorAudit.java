package io.skyx.api.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The operator audit trail ({@code operator_audit}): who did what, when. Grants and revocations of the operator
 * role are recorded here by {@link OperatorGrants}; other packages record their operator actions (settlement
 * runs, sweeps, reserve snapshots) through {@link #record}. Shown at {@code GET /api/v1/admin/audit}.
 */
@Component
public class OperatorAudit {

    /** One recorded action. */
    public record Entry(long id, Instant at, String actor, String action, String detail) { }

    private final JdbcClient jdbc;

    OperatorAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one operator action.
     *
     * @param actor  who: an operator's e-mail address, or the configuration/command that acted
     * @param action what, a short stable name such as {@code "settlement-run"} (1-64 characters)
     * @param detail free text (ids, amounts), may be null
     */
    public void record(String actor, String action, String detail) {
        jdbc.sql("insert into operator_audit (actor, action, detail) values (:actor, :action, :detail)")
                .param("actor", actor)
                .param("action", action)
                .param("detail", detail)
                .update();
    }

    /** Records one operator action by a signed-in user (session or API key). */
    public void record(SkyxUser actor, String action, String detail) {
        record(actor.email(), action, detail);
    }

    /** The newest {@code limit} entries, newest first. */
    List<Entry> recent(int limit) {
        return jdbc.sql("select id, at, actor, action, detail from operator_audit order by id desc limit :limit")
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("detail")))
                .list();
    }
}
