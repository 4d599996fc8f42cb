package io.skyx.api.market;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DecimalsTest {

    @Property
    void formatThenParseIsTheIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long units,
                                      @ForAll @IntRange(min = 0, max = 8) int scale) {
        assertThat(Decimals.parse(Decimals.format(units, scale), scale, "x", InvalidInputException.Reason.INVALID_AMOUNT))
                .isEqualTo(units);
    }

    @Property
    void formatHasNoTrailingZerosOrExponent(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long units,
                                           @ForAll @IntRange(min = 0, max = 8) int scale) {
        String s = Decimals.format(units, scale);
        assertThat(s).doesNotContain("E").doesNotEndWith(".");
        if (s.contains(".")) {
            assertThat(s).doesNotEndWith("0");
        }
    }
}
