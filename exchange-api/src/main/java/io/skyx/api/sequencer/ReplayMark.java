package io.skyx.api.sequencer;

/**
 * The signed request that carried a command, as the replay guard knows it: its signature and when that signature
 * leaves the window. The journal records it in the same transaction as the command's entry
 * ({@link Journal#append(java.util.List, java.util.List)}), so a request whose command took effect is remembered
 * exactly as durably as its effect, without a write of its own; {@link #recorded} is called once that transaction
 * is durable. A command that is not journaled (a repeat of an idempotency key, a failed commit) leaves its mark
 * unrecorded, and the guard records it itself.
 */
public interface ReplayMark {

    /** The request's signature: 64 lower-case hex digits. */
    String signatureHex();

    /** When the signature's timestamp leaves the window (epoch ms): a replay after that is refused by its time. */
    long expiresAtMillis();

    /** Called once the mark is durable together with its command. */
    void recorded();
}
