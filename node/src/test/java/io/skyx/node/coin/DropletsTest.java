package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DropletsTest {
    @Test
    void formatsSixDecimals() {
        assertThat(Droplets.format(0)).isEqualTo("0.000000");
        assertThat(Droplets.format(1)).isEqualTo("0.000001");
        assertThat(Droplets.format(100_000_000_000_000L)).isEqualTo("100000000.000000");
        assertThat(Droplets.format(-1L)).isEqualTo("18446744073709.551615");
    }

    @Test
    void parsesAmountsAndRefusesEverythingElse() {
        assertThat(Droplets.parse("22099.999")).contains(22_099_999_000L);
        assertThat(Droplets.parse("0.001000")).contains(1_000L);
        assertThat(Droplets.parse("7")).contains(7_000_000L);
        assertThat(Droplets.parse("18446744073709.551615")).contains(-1L);
        for (String bad : new String[] {"", "-1", "+1", "1e6", "01", "1.", ".5", "1.0000001", "1,5", " 1",
            "18446744073709.551616", "99999999999999"}) {
            assertThat(Droplets.parse(bad)).as(bad).isEqualTo(Optional.empty());
        }
    }
}
