package io.skyx.api.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** skyx.custody.btc.fee-estimate.*: defaults for what is unset, a clear refusal naming the setting for bad values. */
class FeeEstimatePropertiesTest {

    @Test
    void unsetValuesTakeTheDefaults() {
        CustodyProperties.FeeEstimate fe = new CustodyProperties.FeeEstimate(null, null, null, 0, null, null);
        assertEquals(6, fe.targetBlocks());
        assertEquals(Duration.ofSeconds(3), fe.timeout());
        assertEquals(Duration.ofSeconds(30), fe.cacheFor());
        assertEquals("", fe.user());
        CustodyProperties.FeeEstimate set = new CustodyProperties.FeeEstimate("http://127.0.0.1:8332/", "u", "secret",
                2, Duration.ofSeconds(1), Duration.ZERO);
        assertEquals(2, set.targetBlocks());
        assertTrue(!set.toString().contains("secret"), set.toString());
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertRefused("url", () -> new CustodyProperties.FeeEstimate("127.0.0.1:8332", null, null, 0, null, null));
        assertRefused("url", () -> new CustodyProperties.FeeEstimate("ftp://node/", null, null, 0, null, null));
        assertRefused("url", () -> new CustodyProperties.FeeEstimate("http://no de/", null, null, 0, null, null));
        assertRefused("target-blocks", () -> new CustodyProperties.FeeEstimate(null, null, null, -1, null, null));
        assertRefused("timeout", () -> new CustodyProperties.FeeEstimate(null, null, null, 0, Duration.ZERO, null));
        assertRefused("timeout", () -> new CustodyProperties.FeeEstimate(null, null, null, 0, Duration.ofSeconds(-1),
                null));
        assertRefused("cache-for", () -> new CustodyProperties.FeeEstimate(null, null, null, 0, null,
                Duration.ofSeconds(-1)));
    }

    private static void assertRefused(String setting, Runnable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains("skyx.custody.btc.fee-estimate." + setting), e.getMessage());
    }
}
