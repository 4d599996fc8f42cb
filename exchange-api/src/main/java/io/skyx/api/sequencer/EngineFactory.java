package io.skyx.api.sequencer;

import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;

/**
 * Creates the engine the sequencer drives: the matching-engine module's implementation chosen by
 * {@code skyx.engine.implementation} (FAST by default; REFERENCE is the test oracle). Both give the same events
 * and state hashes, so either can restore the other's snapshots.
 */
final class EngineFactory {

    private final Engines.Implementation implementation;

    EngineFactory(Engines.Implementation implementation) {
        this.implementation = implementation;
    }

    ExchangeEngine create(EngineConfig config, EventSink sink) {
        return Engines.create(implementation, config, sink);
    }

    ExchangeEngine restore(EngineConfig config, EventSink sink, byte[] snapshot) {
        return Engines.restore(implementation, config, sink, snapshot);
    }
}
