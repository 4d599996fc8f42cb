package io.skyx.node.encoding;

/**
 * Writes one value to an {@link Encoder}; used for the elements of length-prefixed slices.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface ElementEncoder<T> {
    /** Writes {@code value} at the encoder's position. */
    void encode(T value, Encoder encoder);
}
