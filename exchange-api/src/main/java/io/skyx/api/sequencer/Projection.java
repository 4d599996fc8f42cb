package io.skyx.api.sequencer;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model of the engine's events kept in PostgreSQL. {@link #project} runs inside the journal's
 * transaction, so a projection is exactly as durable as the commands it reflects and is never replayed.
 */
public interface Projection {

    /** Called once at start, after recovery, before any new command (e.g. to load running totals). */
    default void load(JdbcTemplate jdbc) {
    }

    /** Writes the effects of a batch of applied commands (in sequence order) inside the journal transaction. */
    void project(JdbcTemplate jdbc, List<AppliedCommand> batch);
}
