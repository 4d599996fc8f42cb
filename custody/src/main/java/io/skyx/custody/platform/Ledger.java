package io.skyx.custody.platform;

import java.util.concurrent.CompletableFuture;

/** The platform's ledger as custody sees it (exchange-api implements it with its sequencer). */
public interface Ledger {

    /** Submits a command; the future completes once its result is durable. */
    CompletableFuture<LedgerReply> submit(LedgerCommand command);
}
