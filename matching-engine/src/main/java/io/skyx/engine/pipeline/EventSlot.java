package io.skyx.engine.pipeline;

/** One pre-allocated entry of an event ring: the event's tag and up to 18 fields. */
final class EventSlot {
    int tag;
    final long[] fields = new long[18];
}
