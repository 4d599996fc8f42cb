package io.skyx.node.encoding;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Little-endian reader implementing Skycoin's decoder rules (skycoin-protocol.md §6). Every read checks the
 * remaining bytes and throws {@link DecodeException} with a stable {@link DecodeError}; nothing else is thrown for
 * any input bytes.
 *
 * <ul>
 *   <li>a length prefix larger than the remaining bytes is {@link DecodeError#SHORT_BUFFER}, one above the
 *       field's {@code maxLen} is {@link DecodeError#TOO_LONG};</li>
 *   <li>a bool byte other than 0 or 1 is {@link DecodeError#INVALID_VALUE};</li>
 *   <li>{@link #requireEnd()} ends an exact top-level decode: leftover bytes are
 *       {@link DecodeError#TRAILING_BYTES};</li>
 *   <li>an {@code omitempty} last field is present iff {@link #hasRemaining()}.</li>
 * </ul>
 *
 * <p>Unsigned 32-bit values come back as non-negative {@code long}s; unsigned 64-bit values as raw {@code long}
 * bits (use {@link Long#compareUnsigned} / {@link Long#toUnsignedString}). Not thread-safe.
 */
public final class Decoder {
    /** The largest slice count a Skycoin {@code maxlen} can meaningfully be: anything fits in an int array. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    /** Reads the whole array (not copied: do not modify it while decoding). */
    public Decoder(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    /** Reads {@code bytes[off .. off+len)} (not copied). Offsets in errors are relative to {@code off}. */
    public Decoder(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        this.buf = bytes;
        this.start = off;
        this.end = off + len;
        this.pos = off;
    }

    /** Reads the remaining bytes of {@code buffer} (copied; the buffer's position is not moved). */
    public static Decoder of(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return new Decoder(copy);
    }

    /** @return bytes consumed so far */
    public int position() {
        return pos - start;
    }

    /** @return bytes left */
    public int remaining() {
        return end - pos;
    }

    /** @return whether any bytes are left (used for an {@code omitempty} last field) */
    public boolean hasRemaining() {
        return pos < end;
    }

    /** Ends an exact decode. @throws DecodeException {@link DecodeError#TRAILING_BYTES} if bytes are left */
    public void requireEnd() throws DecodeException {
        if (pos != end) {
            throw error(DecodeError.TRAILING_BYTES, remaining() + " trailing byte(s)");
        }
    }

    /** @return a {@link DecodeException} at the current position, for codecs that reject a decoded value */
    public DecodeException error(DecodeError code, String detail) {
        return new DecodeException(code, position(), detail);
    }

    private void need(int n, String what) throws DecodeException {
        if (end - pos < n) {
            throw error(DecodeError.SHORT_BUFFER, what + " needs " + n + " byte(s), " + remaining() + " left");
        }
    }

    /** Reads an unsigned 8-bit value. */
    public int u8() throws DecodeException {
        need(1, "u8");
        return buf[pos++] & 0xFF;
    }

    /** Reads a signed 8-bit value. */
    public int i8() throws DecodeException {
        need(1, "i8");
        return buf[pos++];
    }

    /** Reads an unsigned 16-bit value. */
    public int u16() throws DecodeException {
        need(2, "u16");
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** Reads a signed 16-bit value. */
    public int i16() throws DecodeException {
        return (short) u16();
    }

    /** Reads a signed 32-bit value (the raw bits of a uint32). */
    public int i32() throws DecodeException {
        need(4, "32-bit value");
        int v = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return v;
    }

    /** Reads an unsigned 32-bit value as a non-negative long. */
    public long u32() throws DecodeException {
        return Integer.toUnsignedLong(i32());
    }

    /** Reads a 64-bit value; for a uint64 the result is its raw bits. */
    public long u64() throws DecodeException {
        need(8, "64-bit value");
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /** Reads a signed 64-bit value (same bytes as {@link #u64}). */
    public long i64() throws DecodeException {
        return u64();
    }

    /** Reads a bool. @throws DecodeException {@link DecodeError#INVALID_VALUE} if the byte is not 0 or 1 */
    public boolean bool() throws DecodeException {
        need(1, "bool");
        int b = buf[pos];
        if (b != 0 && b != 1) {
            throw error(DecodeError.INVALID_VALUE, "bool byte must be 0 or 1, got " + (b & 0xFF));
        }
        pos++;
        return b == 1;
    }

    /** Reads a float32 from its IEEE-754 bits. */
    public float f32() throws DecodeException {
        return Float.intBitsToFloat(i32());
    }

    /** Reads a float64 from its IEEE-754 bits. */
    public double f64() throws DecodeException {
        return Double.longBitsToDouble(u64());
    }

    /** Reads a fixed-size array of {@code n} raw bytes (no length prefix). */
    public byte[] fixed(int n) throws DecodeException {
        if (n < 0) {
            throw new IllegalArgumentException("negative size " + n);
        }
        need(n, "fixed array");
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * Reads a uint32 element count and checks it: above {@code maxLen} is {@link DecodeError#TOO_LONG}; more
     * elements than the remaining bytes could hold at {@code minElementSize} bytes each is
     * {@link DecodeError#SHORT_BUFFER} (so a hostile count never causes a large allocation).
     *
     * @param maxLen         the field's maximum count ({@link #UNLIMITED} if none)
     * @param minElementSize the smallest encoded size of one element (1 for bytes; 0 is treated as 1)
     */
    public int length(int maxLen, int minElementSize) throws DecodeException {
        int at = position();
        long count = u32();
        long min = Math.max(1, minElementSize);
        if (count * min > remaining()) {
            throw new DecodeException(DecodeError.SHORT_BUFFER, at,
                    "length " + count + " exceeds the " + remaining() + " remaining byte(s)");
        }
        if (count > maxLen) {
            throw new DecodeException(DecodeError.TOO_LONG, at, "length " + count + " exceeds maximum " + maxLen);
        }
        return (int) count;
    }

    /** Reads a {@code []byte}: uint32 count (at most {@code maxLen}), then the bytes. */
    public byte[] byteSlice(int maxLen) throws DecodeException {
        int n = length(maxLen, 1);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * Reads a Go {@code string}: uint32 byte count (at most {@code maxLen}), then UTF-8 bytes.
     *
     * @throws DecodeException {@link DecodeError#INVALID_VALUE} if the bytes are not valid UTF-8
     */
    public String string(int maxLen) throws DecodeException {
        int at = position();
        byte[] bytes = byteSlice(maxLen);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException(DecodeError.INVALID_VALUE, at, "string is not valid UTF-8");
        }
    }

    /**
     * Reads a slice: uint32 count (at most {@code maxLen}), then that many elements.
     *
     * @param minElementSize the smallest encoded size of one element, used to reject impossible counts early
     * @return an unmodifiable list
     */
    public <T> List<T> slice(int maxLen, int minElementSize, ElementDecoder<? extends T> element)
            throws DecodeException {
        int n = length(maxLen, minElementSize);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.decode(this));
        }
        return List.copyOf(out);
    }
}
