package io.skyx.api.sequencer;

import java.util.Optional;

/** Looks up the command journaled with an idempotency key (the journal's unique index). */
interface KeyIndex {

    /** The durable command with this key, if any. */
    Optional<AppliedCommand> byKey(String key);
}
