package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeesTest {
    @Test
    void requiredFeeIsTheCeilingOfHoursOverBurnFactor() {
        assertThat(Fees.requiredFee(0, 10)).isZero();
        assertThat(Fees.requiredFee(1, 10)).isEqualTo(1);
        assertThat(Fees.requiredFee(10, 10)).isEqualTo(1);
        assertThat(Fees.requiredFee(11, 10)).isEqualTo(2);
        assertThat(Fees.requiredFee(100, 2)).isEqualTo(50);
        assertThat(Fees.requiredFee(-1L, 10)).isEqualTo(Long.divideUnsigned(-1L, 10) + 1);
        assertThatThrownBy(() -> Fees.requiredFee(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feeChecks() {
        assertThat(Fees.checkFee(0, 0, 10)).isEqualTo(TxnResult.NO_FEE);
        assertThat(Fees.checkFee(100, 0, 10)).isEqualTo(TxnResult.NO_FEE);
        // total 100: required 10
        assertThat(Fees.checkFee(90, 10, 10)).isEqualTo(TxnResult.OK);
        assertThat(Fees.checkFee(91, 9, 10)).isEqualTo(TxnResult.INSUFFICIENT_FEE);
        // total 101: required 11
        assertThat(Fees.checkFee(91, 10, 10)).isEqualTo(TxnResult.INSUFFICIENT_FEE);
        assertThat(Fees.checkFee(90, 11, 10)).isEqualTo(TxnResult.OK);
        assertThat(Fees.checkFee(-1L, 1, 10)).isEqualTo(TxnResult.HOURS_AND_FEE_OVERFLOW);
        // burn factor 2 (before v0.26.0): half must be burned
        assertThat(Fees.checkFee(50, 50, 2)).isEqualTo(TxnResult.OK);
        assertThat(Fees.checkFee(51, 49, 2)).isEqualTo(TxnResult.INSUFFICIENT_FEE);
    }
}
