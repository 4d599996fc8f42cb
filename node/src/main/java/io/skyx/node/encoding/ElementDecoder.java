package io.skyx.node.encoding;

/**
 * Reads one value from a {@link Decoder}; used for the elements of length-prefixed slices.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface ElementDecoder<T> {
    /** Reads one value at the decoder's position. */
    T decode(Decoder decoder) throws DecodeException;
}
