package io.skyx.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The load generator waits for the faucet's on-chain funds: both grants free in the balances answer. */
class LoadFundingTest {

    @Test
    void fundedOnlyWhenBothGrantsAreFree() {
        assertThat(LoadClient.funded("{\"SKY\":{\"free\":\"1000\",\"locked\":\"0\"},"
                + "\"BTC\":{\"free\":\"0.01\",\"locked\":\"0\"}}")).isTrue();
        assertThat(LoadClient.funded("{\"BTC\":{\"free\":\"0.01000000\",\"locked\":\"0\"},"
                + "\"SKY\":{\"locked\":\"0\",\"free\":\"1000.000000\"}}")).isTrue();
        assertThat(LoadClient.funded("{\"SKY\":{\"free\":\"1000\",\"locked\":\"0\"}}"))
                .as("BTC not credited yet").isFalse();
        assertThat(LoadClient.funded("{\"SKY\":{\"free\":\"999.999999\",\"locked\":\"0\"},"
                + "\"BTC\":{\"free\":\"0.01\",\"locked\":\"0\"}}")).isFalse();
        assertThat(LoadClient.funded("{}")).isFalse();
        assertThat(LoadClient.funded(null)).isFalse();
    }
}
