package io.skyx.node.encoding;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Little-endian writer implementing Skycoin's encoder rules (skycoin-protocol.md §6).
 *
 * <ul>
 *   <li>fixed-width integers little-endian ({@link #u8}, {@link #u16}, {@link #u32}, {@link #u64}, signed variants);</li>
 *   <li>{@code bool} as one byte 0/1;</li>
 *   <li>byte slices, strings and slices of values: a uint32 count, then the elements ({@link #byteSlice},
 *       {@link #string}, {@link #slice});</li>
 *   <li>fixed arrays raw with no length ({@link #fixed});</li>
 *   <li>structs field by field in declaration order (call the writers in that order);</li>
 *   <li>an {@code omitempty} last field that is empty is simply not written.</li>
 * </ul>
 *
 * <p>The buffer grows as needed; size it with the codec's {@code size()} to avoid copies. Passing a value outside
 * a field's range (for example a negative number to {@link #u32}) is a programming error and throws
 * {@link IllegalArgumentException}. Not thread-safe.
 */
public final class Encoder {
    private byte[] buf;
    private int pos;

    /** Creates an encoder with room for {@code initialCapacity} bytes (it grows beyond that if needed). */
    public Encoder(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("negative capacity " + initialCapacity);
        }
        this.buf = new byte[initialCapacity];
    }

    /** @return the number of bytes written so far */
    public int position() {
        return pos;
    }

    /** @return a copy of the bytes written so far (the internal array itself when it is exactly full) */
    public byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            int needed = Math.addExact(pos, n);
            buf = Arrays.copyOf(buf, Math.max(needed, buf.length * 2));
        }
    }

    /** Writes an unsigned 8-bit value (0..255). */
    public Encoder u8(int v) {
        if (v < 0 || v > 0xFF) {
            throw new IllegalArgumentException("u8 out of range: " + v);
        }
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Writes a signed 8-bit value (-128..127). */
    public Encoder i8(int v) {
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("i8 out of range: " + v);
        }
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Writes an unsigned 16-bit value (0..65535). */
    public Encoder u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("u16 out of range: " + v);
        }
        return raw16(v);
    }

    /** Writes a signed 16-bit value. */
    public Encoder i16(int v) {
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new IllegalArgumentException("i16 out of range: " + v);
        }
        return raw16(v);
    }

    private Encoder raw16(int v) {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        return this;
    }

    /** Writes an unsigned 32-bit value (0..4294967295). */
    public Encoder u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + v);
        }
        return i32((int) v);
    }

    /** Writes a signed 32-bit value (also the raw bits of an unsigned one). */
    public Encoder i32(int v) {
        ensure(4);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 24);
        return this;
    }

    /**
     * Writes a 64-bit value. Java has no unsigned long: a uint64 is passed as its raw bits (values above
     * {@link Long#MAX_VALUE} are negative longs), so this is both {@code u64} and {@code i64}.
     */
    public Encoder u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    /** Writes a signed 64-bit value (same bytes as {@link #u64}). */
    public Encoder i64(long v) {
        return u64(v);
    }

    /** Writes a bool as one byte, 1 or 0. */
    public Encoder bool(boolean v) {
        ensure(1);
        buf[pos++] = (byte) (v ? 1 : 0);
        return this;
    }

    /** Writes a float32 as its IEEE-754 bits, little-endian. */
    public Encoder f32(float v) {
        return i32(Float.floatToRawIntBits(v));
    }

    /** Writes a float64 as its IEEE-754 bits, little-endian. */
    public Encoder f64(double v) {
        return u64(Double.doubleToRawLongBits(v));
    }

    /** Writes a fixed-size array ({@code [N]byte}) raw, with no length prefix. */
    public Encoder fixed(byte[] bytes) {
        return fixed(bytes, 0, bytes.length);
    }

    /** Writes {@code len} raw bytes from {@code bytes[off..]}, with no length prefix. */
    public Encoder fixed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        ensure(len);
        System.arraycopy(bytes, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Writes a slice/string/map element count as a uint32. */
    public Encoder length(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative length " + count);
        }
        return i32(count);
    }

    /** Writes a {@code []byte}: uint32 byte count, then the bytes. */
    public Encoder byteSlice(byte[] bytes) {
        length(bytes.length);
        return fixed(bytes);
    }

    /** Writes a Go {@code string}: uint32 byte count of its UTF-8 form, then those bytes. */
    public Encoder string(String s) {
        return byteSlice(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a slice: uint32 element count, then each element with {@code element}. */
    public <T> Encoder slice(List<? extends T> items, ElementEncoder<T> element) {
        length(items.size());
        for (T item : items) {
            element.encode(item, this);
        }
        return this;
    }

    /** @return the encoded size of a {@code []byte} or string of {@code n} bytes: 4 + n */
    public static int byteSliceSize(int n) {
        return Math.addExact(4, n);
    }

    /** @return the encoded size of a Go string: 4 + its UTF-8 byte count */
    public static int stringSize(String s) {
        return byteSliceSize(s.getBytes(StandardCharsets.UTF_8).length);
    }

    /** @return the encoded size of a slice of {@code count} elements of {@code elementSize} bytes each */
    public static int sliceSize(int count, int elementSize) {
        return Math.addExact(4, Math.multiplyExact(count, elementSize));
    }
}
