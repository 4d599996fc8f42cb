package io.skyx.node.encoding;

/**
 * A hand-written binary codec for one type, following Skycoin's encoder rules (skycoin-protocol.md §6).
 * Implementations give the exact encoded size, write the value, and read it back.
 *
 * <p>Typical implementation:
 * <pre>{@code
 * enum PointCodec implements Codec<Point> {
 *     INSTANCE;
 *     public int size(Point p) { return 4 + 8; }
 *     public void encode(Point p, Encoder e) { e.u32(p.x()); e.i64(p.y()); }
 *     public Point decode(Decoder d) throws DecodeException { return new Point(d.u32(), d.i64()); }
 * }
 * byte[] bytes = PointCodec.INSTANCE.encode(point);
 * Point back = PointCodec.INSTANCE.decodeExact(bytes);   // rejects trailing bytes
 * }</pre>
 *
 * @param <T> the value type
 */
public interface Codec<T> extends ElementDecoder<T>, ElementEncoder<T> {

    /** @return the exact number of bytes {@link #encode(Object, Encoder)} writes for {@code value} */
    int size(T value);

    /** Writes {@code value} at the encoder's position. */
    @Override
    void encode(T value, Encoder encoder);

    /** Reads one value at the decoder's position; leftover bytes after it are the caller's business. */
    @Override
    T decode(Decoder decoder) throws DecodeException;

    /** @return the encoding of {@code value} as a new array of exactly {@link #size(Object)} bytes */
    default byte[] encode(T value) {
        int size = size(value);
        Encoder encoder = new Encoder(size);
        encode(value, encoder);
        byte[] out = encoder.toByteArray();
        if (out.length != size) {
            throw new IllegalStateException("codec " + getClass().getName() + " wrote " + out.length
                    + " bytes but size() said " + size);
        }
        return out;
    }

    /**
     * Decodes a whole top-level value: the input must hold exactly one value and nothing else.
     *
     * @throws DecodeException with {@link DecodeError#TRAILING_BYTES} if bytes remain after the value
     */
    default T decodeExact(byte[] bytes) throws DecodeException {
        Decoder decoder = new Decoder(bytes);
        T value = decode(decoder);
        decoder.requireEnd();
        return value;
    }
}
