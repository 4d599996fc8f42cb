package io.skyx.node.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Round trips of every primitive, and the error codes for truncated, oversized and random input. */
class EncoderDecoderPropertiesTest {

    record Mixed(int i8, int u16, long u32, long u64, boolean flag, String text, byte[] blob, List<Long> longs) {
    }

    static final Codec<Mixed> MIXED = new Codec<>() {
        @Override
        public int size(Mixed m) {
            return 1 + 2 + 4 + 8 + 1 + Encoder.stringSize(m.text()) + Encoder.byteSliceSize(m.blob().length)
                    + Encoder.sliceSize(m.longs().size(), 8);
        }

        @Override
        public void encode(Mixed m, Encoder e) {
            e.i8(m.i8()).u16(m.u16()).u32(m.u32()).u64(m.u64()).bool(m.flag()).string(m.text())
                    .byteSlice(m.blob()).slice(m.longs(), (x, enc) -> enc.i64(x));
        }

        @Override
        public Mixed decode(Decoder d) throws DecodeException {
            return new Mixed(d.i8(), d.u16(), d.u32(), d.u64(), d.bool(), d.string(100), d.byteSlice(64),
                    d.slice(16, 8, Decoder::i64));
        }
    };

    @Property(tries = 300)
    void mixedStructRoundTrips(@ForAll @IntRange(min = -128, max = 127) int i8,
                               @ForAll @IntRange(min = 0, max = 65535) int u16,
                               @ForAll int u32bits, @ForAll long u64, @ForAll boolean flag,
                               @ForAll @StringLength(max = 20) @AlphaChars @NumericChars @Chars({' ', '\u00e9', '\u20ac', '\u00df'}) String text, @ForAll @Size(max = 64) byte[] blob,
                               @ForAll @Size(max = 16) List<Long> longs) throws DecodeException {
        Mixed m = new Mixed(i8, u16, Integer.toUnsignedLong(u32bits), u64, flag, text, blob, longs);
        byte[] bytes = MIXED.encode(m);
        assertThat(bytes).hasSize(MIXED.size(m));
        Mixed back = MIXED.decodeExact(bytes);
        assertThat(back.i8()).isEqualTo(i8);
        assertThat(back.u16()).isEqualTo(u16);
        assertThat(back.u32()).isEqualTo(m.u32());
        assertThat(back.u64()).isEqualTo(u64);
        assertThat(back.flag()).isEqualTo(flag);
        assertThat(back.text()).isEqualTo(text);
        assertThat(back.blob()).isEqualTo(blob);
        assertThat(back.longs()).isEqualTo(longs);
    }

    @Property(tries = 200)
    void floatsAndSignedRoundTripBitExactly(@ForAll float f, @ForAll double d, @ForAll short s, @ForAll int i)
            throws DecodeException {
        byte[] bytes = new Encoder(18).f32(f).f64(d).i16(s).i32(i).toByteArray();
        Decoder dec = new Decoder(bytes);
        assertThat(Float.floatToRawIntBits(dec.f32())).isEqualTo(Float.floatToRawIntBits(f));
        assertThat(Double.doubleToRawLongBits(dec.f64())).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(dec.i16()).isEqualTo(s);
        assertThat(dec.i32()).isEqualTo(i);
        dec.requireEnd();
    }

    @Property(tries = 200)
    void anyTruncationIsShortBuffer(@ForAll @StringLength(max = 20) @AlphaChars @NumericChars @Chars({' ', '\u00e9', '\u20ac', '\u00df'}) String text, @ForAll @Size(max = 16) List<Long> longs,
                                    @ForAll @IntRange(min = 0, max = 1000) int cutSeed) {
        byte[] bytes = MIXED.encode(new Mixed(1, 2, 3, 4, true, text, new byte[3], longs));
        int cut = cutSeed % bytes.length;
        byte[] truncated = java.util.Arrays.copyOf(bytes, cut);
        assertThatThrownBy(() -> MIXED.decodeExact(truncated))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(DecodeError.SHORT_BUFFER));
    }

    @Test
    void littleEndianLayoutMatchesSkycoin() {
        byte[] bytes = new Encoder(0).u16(0x0102).u32(0x01020304L).u64(0x0102030405060708L).byteSlice(new byte[]{9})
                .toByteArray();
        assertThat(bytes).containsExactly(2, 1, 4, 3, 2, 1, 8, 7, 6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 9);
        assertThat(new Encoder(4).slice(List.of(), (Object x, Encoder e) -> e.u8(0)).toByteArray())
                .containsExactly(0, 0, 0, 0);
    }

    @Test
    void lengthAboveMaxIsTooLongAndAboveRemainingIsShortBuffer() {
        byte[] fiveBytes = new Encoder(9).byteSlice(new byte[5]).toByteArray();
        assertThatThrownBy(() -> new Decoder(fiveBytes).byteSlice(4))
                .isInstanceOfSatisfying(DecodeException.class, e -> {
                    assertThat(e.error()).isEqualTo(DecodeError.TOO_LONG);
                    assertThat(e.offset()).isZero();
                });
        byte[] hugeCount = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0};
        assertThatThrownBy(() -> new Decoder(hugeCount).slice(Decoder.UNLIMITED, 65, x -> x.fixed(65)))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(DecodeError.SHORT_BUFFER));
        byte[] invalidUtf8 = {2, 0, 0, 0, (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> new Decoder(invalidUtf8).string(10))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.error()).isEqualTo(DecodeError.INVALID_VALUE));
    }

    @Test
    void outOfRangeValuesAreProgrammingErrors() {
        Encoder e = new Encoder(0);
        assertThatThrownBy(() -> e.u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.u16(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.u32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.i8(128)).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.position()).isZero();
    }

    @Test
    void randomBytesOnlyEverRaiseDecodeException() {
        Random random = TestSeed.random("randomBytesOnlyEverRaiseDecodeException");
        int decoded = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] junk = new byte[random.nextInt(80)];
            random.nextBytes(junk);
            if (random.nextBoolean() && junk.length > 30) {
                junk[15] = (byte) random.nextInt(2);
                junk[16] = (byte) random.nextInt(21);
                junk[17] = junk[18] = junk[19] = 0;
            }
            try {
                MIXED.decodeExact(junk);
                decoded++;
            } catch (DecodeException expected) {
                assertThat(expected.error()).isNotNull();
                assertThat(expected.offset()).isBetween(0, junk.length);
            }
        }
        System.out.println("random inputs that happened to decode: " + decoded);
    }
}
