package io.skyx.api.sequencer;

import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.EventSink;
import io.skyx.engine.ExchangeEngine;

/** Creates the engine the sequencer drives (the matching-engine module's default implementation). */
final class EngineFactory {

    private EngineFactory() {
    }

    static ExchangeEngine create(EngineConfig config, EventSink sink) {
        return Engines.create(config, sink);
    }

    static ExchangeEngine restore(EngineConfig config, EventSink sink, byte[] snapshot) {
        return Engines.restore(Engines.Implementation.REFERENCE, config, sink, snapshot);
    }
}
