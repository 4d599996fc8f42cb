package io.skyx.custody.cold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HotTargetTest {

    @Test
    void theExcessOverTheTargetGoesOnlyAboveTheBand() {
        HotTarget t = HotTarget.of(1_000);
        assertThat(t.sweepAbove()).isEqualTo(1_500);
        assertThat(t.alarmBelow()).isEqualTo(500);
        assertThat(t.excess(1_500)).isZero();
        assertThat(t.excess(1_501)).isEqualTo(501);
        assertThat(t.excess(0)).isZero();
        assertThat(t.low(499)).isTrue();
        assertThat(t.low(500)).isFalse();
        assertThat(HotTarget.of(0).excess(1)).isEqualTo(1);
        assertThat(HotTarget.of(Long.MAX_VALUE / 2).excess(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE - Long.MAX_VALUE / 2);
    }

    @Test
    void aBadBandIsRefused() {
        assertThatThrownBy(() -> new HotTarget(-1, 150, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HotTarget(1, 99, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HotTarget(1, 150, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HotTarget.of(Long.MAX_VALUE).sweepAbove()).as("saturates").isEqualTo(Long.MAX_VALUE);
    }
}
