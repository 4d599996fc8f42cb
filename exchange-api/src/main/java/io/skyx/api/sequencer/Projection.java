package io.skyx.api.sequencer;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model of the journal kept in PostgreSQL. {@link Projections} runs the projections on a few threads off
 * the commit path: it follows the journal (fed by committed batches, catching up with {@link Journal#read}) and
 * calls {@link #project} inside a transaction that also stores the projection's position, so after a crash it
 * resumes exactly after the last batch it stored. Projecting the journal from sequence 0 gives the same rows.
 */
public interface Projection {

    /** Stable name, the key of its row in {@code projection_position}. */
    String name();

    /** Called before projecting from the stored position (at start and after a failed batch), e.g. to load totals. */
    default void load(JdbcTemplate jdbc) {
    }

    /** Writes the effects of consecutive journal entries (in sequence order) inside the projection's transaction. */
    void project(JdbcTemplate jdbc, List<AppliedCommand> batch);

    /**
     * False when {@link #project} would write nothing for these entries: the runner then opens no transaction for
     * them (their position is stored later, with other entries or once the runner is idle).
     */
    default boolean writes(List<AppliedCommand> batch) {
        return true;
    }

    /** Deletes every row of the projection (a rebuild from sequence 0 follows). */
    void reset(JdbcTemplate jdbc);
}
