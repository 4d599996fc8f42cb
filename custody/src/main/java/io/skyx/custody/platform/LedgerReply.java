package io.skyx.custody.platform;

/**
 * The platform's answer to a {@link LedgerCommand}, once it is durable.
 *
 * @param seq      the command's sequence number in the journal
 * @param code     the engine's result code name ("OK", "INSUFFICIENT_FUNDS", "UNKNOWN_WITHDRAWAL", ...)
 * @param repeated whether this key was seen before (the original result, nothing changed now)
 */
public record LedgerReply(long seq, String code, boolean repeated) {

    /** The code for an applied command. */
    public static final String OK = "OK";

    /** @return whether the command was applied (now or, if repeated, the first time) */
    public boolean ok() {
        return OK.equals(code);
    }
}
