package io.skyx.api.sequencer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ProjectionRunnerTest {

    private static Projection named(String name) {
        return new Projection() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void project(JdbcTemplate jdbc, List<AppliedCommand> batch) {
            }

            @Override
            public void reset(JdbcTemplate jdbc) {
            }
        };
    }

    /** The name goes into the position statement as a literal: only plain lower-case names are accepted. */
    @Test
    void refusesNamesThatAreNotPlainLowerCase() {
        for (String bad : List.of("", "Orders", "a'b", "x; drop table journal", "1st", "a-b", "a".repeat(64))) {
            assertThatThrownBy(() -> new ProjectionRunner(named(bad), null, null, null, () -> { }))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        }
        assertThat(new ProjectionRunner(named("stream_log2"), null, null, null, () -> { }).name())
                .isEqualTo("stream_log2");
    }
}
