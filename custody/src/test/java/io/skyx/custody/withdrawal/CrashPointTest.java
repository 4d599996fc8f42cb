package io.skyx.custody.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The crash-test hook: inert unless the system property names SIGNED or BROADCAST. */
class CrashPointTest {

    @Test
    void unsetTheHookDoesNothing() {
        assertThat(System.getProperty(CrashPoint.PROPERTY)).isNull();
        CrashPoint.after(WithdrawalState.SIGNED);
        CrashPoint.after(WithdrawalState.BROADCAST);
        assertThat(CrashPoint.parse(null)).isNull();
        assertThat(CrashPoint.parse(" ")).isNull();
    }

    @Test
    void onlyTheSignedAndBroadcastStepsCanBeNamed() {
        assertThat(CrashPoint.parse("signed")).isEqualTo(WithdrawalState.SIGNED);
        assertThat(CrashPoint.parse("BROADCAST")).isEqualTo(WithdrawalState.BROADCAST);
        assertThatThrownBy(() -> CrashPoint.parse("COMPLETED")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CrashPoint.PROPERTY);
        assertThatThrownBy(() -> CrashPoint.parse("SIGNDE")).isInstanceOf(IllegalArgumentException.class);
    }
}
