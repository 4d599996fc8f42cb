package io.skyx.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * The first failure of any pipeline thread, shared by all of them. A stage that dies records its cause here, and
 * every wait in the pipeline (sequencer on a full command ring, engine thread on a full event ring, events
 * thread, {@link EnginePipeline#awaitIdle()}) checks it, so one dead thread stops the pipeline with that cause
 * instead of leaving the others waiting for ever.
 */
final class StageFailure implements ExceptionHandler<Object> {
    private volatile Throwable cause;

    void record(Throwable t) {
        if (cause == null) {
            cause = t;
        }
    }

    boolean failed() {
        return cause != null;
    }

    /** Throws if a stage has failed. */
    void check() {
        Throwable t = cause;
        if (t != null) {
            throw new IllegalStateException("engine pipeline stopped: a stage failed", t);
        }
    }

    @Override
    public void handleEventException(Throwable ex, long sequence, Object event) {
        record(ex);
        throw new IllegalStateException("engine shard failed on command ring sequence " + sequence, ex);
    }

    @Override
    public void handleOnStartException(Throwable ex) {
        record(ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
        record(ex);
    }
}
