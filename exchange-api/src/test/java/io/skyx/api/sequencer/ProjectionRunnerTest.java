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

    private static ProjectionRunner runner(Projection... projections) {
        return new ProjectionRunner(List.of(projections), null, null, null, () -> { }, () -> false, n -> { }, 10, 256);
    }

    /** The name goes into the position statement as a literal: only plain lower-case names are accepted. */
    @Test
    void refusesNamesThatAreNotPlainLowerCase() {
        for (String bad : List.of("", "Orders", "a'b", "x; drop table journal", "1st", "a-b", "a".repeat(64))) {
            assertThatThrownBy(() -> runner(named("orders"), named(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        }
        assertThat(runner(named("orders"), named("stream_log2")).position("stream_log2")).isZero();
        assertThat(runner(named("orders")).position("stream_log2")).isEqualTo(-1);
    }

    /** Dealt by name over the runners: every projection in exactly one, never an empty runner. */
    @Test
    void projectionsAreDealtByNameOverAtMostTheRunners() {
        List<Projection> all = List.of(named("trades"), named("ledger"), named("stream_log"), named("orders"));
        assertThat(Projections.groups(all, 2)).extracting(g -> g.stream().map(Projection::name).toList())
                .containsExactly(List.of("ledger", "stream_log"), List.of("orders", "trades"));
        assertThat(Projections.groups(all, 1)).singleElement().extracting(List::size).isEqualTo(4);
        assertThat(Projections.groups(all, 9)).hasSize(4).allSatisfy(g -> assertThat(g).hasSize(1));
        assertThat(Projections.groups(List.of(), 2)).isEmpty();
    }
}
