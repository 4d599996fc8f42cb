package io.skyx.api.sequencer;

import io.skyx.engine.EngineConfig;
import io.skyx.engine.Engines;
import io.skyx.engine.ExchangeEngine;
import io.skyx.engine.ResultCode;
import java.util.List;

/**
 * Test support: drives a fresh engine the way the sequencer does (order id = sequence number, events collected
 * per command) without a database, giving {@link AppliedCommand}s for projection tests.
 */
public final class EngineDriver {

    private final EventCollector collector = new EventCollector();
    private final ExchangeEngine engine;
    private long seq;

    /** A driver over a fresh engine. */
    public EngineDriver(EngineConfig config) {
        this.engine = Engines.create(config, collector);
    }

    /** Applies one command at time {@code tsMs}. */
    public AppliedCommand apply(Command c, long tsMs) {
        seq++;
        collector.begin();
        ResultCode code;
        List<EngineEvent> events;
        try {
            code = Apply.apply(engine, seq, tsMs, c);
        } finally {
            events = collector.end();
        }
        return new AppliedCommand(seq, tsMs, c, code, events);
    }

    /** The engine (for reading balances and fees). */
    public ExchangeEngine engine() {
        return engine;
    }
}
