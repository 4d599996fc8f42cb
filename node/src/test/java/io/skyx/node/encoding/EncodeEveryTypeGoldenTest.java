package io.skyx.node.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** encoder/encode-every-type.golden decodes to the values of skycoin-protocol.md §6 and re-encodes identically. */
class EncodeEveryTypeGoldenTest {

    record P(int a, int b) {
    }

    record EveryType(int a, int b, int c, long d, int e, int f, long g, long h, boolean i, int j, String k,
                     byte[] l, List<Long> m, byte[] n, long[] o, P p, Map<String, String> q, float r, double s) {
    }

    enum EveryTypeCodec implements Codec<EveryType> {
        INSTANCE;

        @Override
        public int size(EveryType v) {
            int size = 1 + 2 + 4 + 8 + 1 + 2 + 4 + 8 + 1 + 1;
            size += Encoder.stringSize(v.k()) + Encoder.byteSliceSize(v.l().length) + Encoder.sliceSize(v.m().size(), 8);
            size += 3 + 3 * 8 + 1 + 2;
            size += 4;
            for (Map.Entry<String, String> e : v.q().entrySet()) {
                size += Encoder.stringSize(e.getKey()) + Encoder.stringSize(e.getValue());
            }
            return size + 4 + 8;
        }

        @Override
        public void encode(EveryType v, Encoder e) {
            e.i8(v.a()).i16(v.b()).i32(v.c()).i64(v.d()).u8(v.e()).u16(v.f()).u32(v.g()).u64(v.h()).bool(v.i())
                    .u8(v.j()).string(v.k()).byteSlice(v.l()).slice(v.m(), (x, enc) -> enc.i64(x)).fixed(v.n());
            for (long x : v.o()) {
                e.i64(x);
            }
            e.i8(v.p().a()).u16(v.p().b());
            e.length(v.q().size());
            v.q().forEach((key, value) -> e.string(key).string(value));
            e.f32(v.r()).f64(v.s());
        }

        @Override
        public EveryType decode(Decoder d) throws DecodeException {
            int a = d.i8();
            int b = d.i16();
            int c = d.i32();
            long dd = d.i64();
            int e = d.u8();
            int f = d.u16();
            long g = d.u32();
            long h = d.u64();
            boolean i = d.bool();
            int j = d.u8();
            String k = d.string(Decoder.UNLIMITED);
            byte[] l = d.byteSlice(Decoder.UNLIMITED);
            List<Long> m = d.slice(Decoder.UNLIMITED, 8, Decoder::i64);
            byte[] n = d.fixed(3);
            long[] o = {d.i64(), d.i64(), d.i64()};
            P p = new P(d.i8(), d.u16());
            int entries = d.length(Decoder.UNLIMITED, 8);
            Map<String, String> q = new java.util.LinkedHashMap<>();
            for (int x = 0; x < entries; x++) {
                q.put(d.string(Decoder.UNLIMITED), d.string(Decoder.UNLIMITED));
            }
            return new EveryType(a, b, c, dd, e, f, g, h, i, j, k, l, m, n, o, p, q, d.f32(), d.f64());
        }
    }

    @Test
    void decodesToTheDocumentedValuesAndReEncodesIdentically() throws Exception {
        byte[] golden = SharedVectors.read("encoder/encode-every-type.golden");
        assertThat(golden).hasSize(134);

        EveryType v = EveryTypeCodec.INSTANCE.decodeExact(golden);

        assertThat(v.a()).isEqualTo(-127);
        assertThat(v.b()).isEqualTo(32767);
        assertThat(v.c()).isEqualTo(Integer.MAX_VALUE);
        assertThat(v.d()).isEqualTo(Long.MAX_VALUE);
        assertThat(v.e()).isEqualTo(128);
        assertThat(v.f()).isEqualTo(32768);
        assertThat(v.g()).isEqualTo(1L << 31);
        assertThat(Long.toUnsignedString(v.h())).isEqualTo("9223372036854775808");
        assertThat(v.i()).isTrue();
        assertThat(v.j()).isEqualTo(128);
        assertThat(v.k()).isEqualTo("foo");
        assertThat(new String(v.l(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("bar");
        assertThat(v.m()).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE / 2, -10000L);
        assertThat(new String(v.n(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("baz");
        assertThat(v.o()).containsExactly(Long.MAX_VALUE, Long.MAX_VALUE / 2, -10000L);
        assertThat(v.p()).isEqualTo(new P(-127, 65535));
        assertThat(v.q()).containsExactly(Map.entry("foo", "bar"));
        assertThat(v.r()).isEqualTo(123.45f);
        assertThat(v.s()).isEqualTo(123.45d);

        assertThat(EveryTypeCodec.INSTANCE.size(v)).isEqualTo(134);
        assertThat(EveryTypeCodec.INSTANCE.encode(v)).isEqualTo(golden);
    }

    @Test
    void everyTruncationAndAnyExtraByteIsRejectedWithTheCodecsOwnError() throws Exception {
        byte[] golden = SharedVectors.read("encoder/encode-every-type.golden");
        for (int len = 0; len < golden.length; len++) {
            byte[] cut = Arrays.copyOf(golden, len);
            assertThatThrownBy(() -> EveryTypeCodec.INSTANCE.decodeExact(cut))
                    .isInstanceOf(DecodeException.class)
                    .extracting(t -> ((DecodeException) t).error()).isEqualTo(DecodeError.SHORT_BUFFER);
        }
        byte[] longer = Arrays.copyOf(golden, golden.length + 1);
        assertThatThrownBy(() -> EveryTypeCodec.INSTANCE.decodeExact(longer))
                .isInstanceOf(DecodeException.class)
                .extracting(t -> ((DecodeException) t).error()).isEqualTo(DecodeError.TRAILING_BYTES);
    }

    @Test
    void aBoolByteOtherThanZeroOrOneIsInvalid() throws Exception {
        byte[] bad = SharedVectors.read("encoder/encode-every-type.golden").clone();
        bad[30] = 2;
        assertThatThrownBy(() -> EveryTypeCodec.INSTANCE.decodeExact(bad))
                .isInstanceOf(DecodeException.class)
                .extracting(t -> ((DecodeException) t).error(), t -> ((DecodeException) t).offset())
                .containsExactly(DecodeError.INVALID_VALUE, 30);
    }
}
