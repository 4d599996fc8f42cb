package io.skyx.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void skyBtcDefaultFollowsThePlatformUnits() {
        EngineConfig c = EngineConfig.skyBtc();
        MarketSpec m = c.market(1);
        assertThat(m.symbol()).isEqualTo("SKY-BTC");
        assertThat(c.asset(m.baseAsset()).scale()).isEqualTo(6);
        assertThat(c.asset(m.quoteAsset()).scale()).isEqualTo(8);
        assertThat(m.baseLotUnits()).isEqualTo(1_000_000L);
        assertThat(m.makerFeePpm()).isEqualTo(1_000);
        assertThat(m.takerFeePpm()).isEqualTo(2_000);
        assertThat(m.maxFeePpm()).isEqualTo(2_000);
        assertThat(c.market(99)).isNull();
    }

    @Test
    void refusesInconsistentConfigs() {
        AssetSpec sky = new AssetSpec(1, "SKY", 6);
        MarketSpec m = new MarketSpec(1, "SKY-BTC", 1, 2, 1_000_000L, 1L, 1L, 0L, 1_000, 2_000);
        assertThatThrownBy(() -> new EngineConfig(List.of(sky), List.of(m)))
                .hasMessageContaining("unknown asset");
        assertThatThrownBy(() -> new EngineConfig(List.of(sky, sky), List.of()))
                .hasMessageContaining("duplicate asset id");
        assertThatThrownBy(() -> new MarketSpec(1, "SKY-BTC", 1, 2, 0L, 1L, 1L, 0L, 0, 0))
                .hasMessageContaining("baseLotUnits");
        assertThatThrownBy(() -> new MarketSpec(1, "SKY-BTC", 1, 2, 1L, 1L, 1L, 0L, 0, 200_000))
                .hasMessageContaining("takerFeePpm");
        assertThatThrownBy(() -> new AssetSpec(1, "sky", 6)).hasMessageContaining("asset code");
    }
}
