package io.skyx.custody.withdrawal;

import java.util.Locale;

/**
 * Test hook, inert by default: with the system property {@code skyx.custody.test.halt-after=SIGNED} (or
 * {@code BROADCAST}) the JVM halts ({@link Runtime#halt}: no shutdown hook, no orderly close, as after kill -9) right
 * after a withdrawal's move to that state is committed, so a crash test stops the process at a precise step. The
 * property is read once, when the pipeline class loads; unset, {@link #after} does nothing. Only the crash tests
 * (exchange-api {@code CustodyCrashIT}) set it; an operator never does.
 */
final class CrashPoint {

    /** The system property. */
    static final String PROPERTY = "skyx.custody.test.halt-after";
    /** The exit status of a halt (as a process killed by SIGKILL reports it). */
    static final int STATUS = 137;

    private static final WithdrawalState HALT_AFTER = parse(System.getProperty(PROPERTY));

    private CrashPoint() {
    }

    static WithdrawalState parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        WithdrawalState s = WithdrawalState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        if (s != WithdrawalState.SIGNED && s != WithdrawalState.BROADCAST) {
            throw new IllegalArgumentException(PROPERTY + " is SIGNED or BROADCAST, not " + value);
        }
        return s;
    }

    /** Called right after a move to {@code committed} is committed: halts the JVM if the hook names that state. */
    static void after(WithdrawalState committed) {
        if (HALT_AFTER == committed) {
            System.err.println("test hook " + PROPERTY + "=" + committed + ": halting the JVM");
            System.err.flush();
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
