package io.skyx.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skyx.custody.platform.CustodyAsset;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void parsesPlainDecimalsIntoSmallestUnits() {
        assertThat(Amounts.parse("0.03", CustodyAsset.BTC, "amount")).isEqualTo(3_000_000);
        assertThat(Amounts.parse("1", CustodyAsset.BTC, "amount")).isEqualTo(100_000_000);
        assertThat(Amounts.parse("0.00000001", CustodyAsset.BTC, "amount")).isEqualTo(1);
        assertThat(Amounts.parse("12.345", CustodyAsset.SKY, "amount")).isEqualTo(12_345_000);
        assertThat(Amounts.parse("92233720368.54775807", CustodyAsset.BTC, "amount")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void refusesExcessDecimalsSignsExponentsAndOverflow() {
        for (String bad : new String[] {"0.000000001", "-1", "+1", "1e-3", ".5", "1.", "", " 1", "0x10",
                "92233720368.54775808", "99999999999999999999"}) {
            assertThatThrownBy(() -> Amounts.parse(bad, CustodyAsset.BTC, "amount")).as(bad)
                    .isInstanceOfSatisfying(CustodyException.class, e -> {
                        assertThat(e.code()).isEqualTo("INVALID_AMOUNT");
                        assertThat(e.field()).isEqualTo("amount");
                    });
        }
        assertThatThrownBy(() -> Amounts.parse(null, CustodyAsset.BTC, "amount")).isInstanceOf(CustodyException.class);
    }

    @Test
    void formatsWithAllDecimals() {
        assertThat(Amounts.format(3_000_000, CustodyAsset.BTC)).isEqualTo("0.03000000");
        assertThat(Amounts.format(1, CustodyAsset.SKY)).isEqualTo("0.000001");
        assertThat(Amounts.format(-150_000_000, CustodyAsset.BTC)).isEqualTo("-1.50000000");
    }
}
