package io.skyx.api.sequencer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators: the engine's sequence number and state hash (compare with a fresh replay of the journal). */
@RestController
@Tag(name = "admin")
class AdminStateController {

    private final Sequencer sequencer;

    AdminStateController(Sequencer sequencer) {
        this.sequencer = sequencer;
    }

    @GetMapping("/api/v1/admin/state")
    @Operation(summary = "Sequence number and SHA-256 state hash of the engine",
            description = "Role ADMIN, or any session in the local profile.")
    CompletableFuture<Sequencer.StateView> state() {
        return sequencer.state();
    }
}
