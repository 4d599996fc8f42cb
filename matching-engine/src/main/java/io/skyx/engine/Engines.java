package io.skyx.engine;

import java.util.Objects;

/** Creates and restores engines. */
public final class Engines {

    /** Which implementation to run; both give the same events and state hashes for the same commands. */
    public enum Implementation {
        /** Plain TreeMap-and-list engine: the test oracle. */
        REFERENCE,
        /** Allocation-free engine: open addressing, intrusive lists, pooled orders and levels. */
        FAST
    }

    private Engines() {
    }

    /** A new, empty engine of the default (fastest available) implementation. */
    public static ExchangeEngine create(EngineConfig config, EventSink sink) {
        return create(Implementation.FAST, config, sink);
    }

    /** A new, empty engine. */
    public static ExchangeEngine create(Implementation impl, EngineConfig config, EventSink sink) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        return switch (Objects.requireNonNull(impl, "impl")) {
            case REFERENCE -> new ReferenceEngine(config, sink);
            case FAST -> new FastEngine(config, sink);
        };
    }

    /**
     * An engine restored from {@link ExchangeEngine#snapshot()} bytes taken under the same config.
     *
     * @throws IllegalArgumentException if the bytes are not a valid snapshot for this config
     */
    public static ExchangeEngine restore(Implementation impl, EngineConfig config, EventSink sink, byte[] snapshot) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        EngineState state = SnapshotCodec.decode(config, snapshot);
        return switch (Objects.requireNonNull(impl, "impl")) {
            case REFERENCE -> new ReferenceEngine(config, sink, state);
            case FAST -> new FastEngine(config, sink, state);
        };
    }
}
