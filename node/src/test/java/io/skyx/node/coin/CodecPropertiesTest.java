package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.skyx.node.encoding.Codec;
import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Round trip, truncation, trailing bytes and random bytes for every coin codec. Values come from {@link RandomCoin}
 * seeded by a jqwik-drawn seed (printed with any failing sample; jqwik prints its run seed), or by
 * {@code -Dskyx.seed=N} (see {@link Seeds}).
 */
class CodecPropertiesTest {
    /** A codec with a generator of values for it. */
    record Case<T>(String name, Codec<T> codec, Function<Random, T> gen) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Case<?>> CASES = List.of(
            new Case<>("TransactionOutput", TransactionOutputCodec.INSTANCE, RandomCoin::output),
            new Case<>("Transaction", TransactionCodec.INSTANCE, RandomCoin::transaction),
            new Case<>("UxBody", UxBodyCodec.INSTANCE, RandomCoin::uxBody),
            new Case<>("UxHead", UxHeadCodec.INSTANCE, RandomCoin::uxHead),
            new Case<>("UxOut", UxOutCodec.INSTANCE, RandomCoin::uxOut),
            new Case<>("BlockHeader", BlockHeaderCodec.INSTANCE, RandomCoin::header),
            new Case<>("BlockBody", BlockBodyCodec.INSTANCE, RandomCoin::body),
            new Case<>("Block", BlockCodec.INSTANCE, RandomCoin::block),
            new Case<>("SignedBlock", SignedBlockCodec.INSTANCE, RandomCoin::signedBlock));

    @Provide
    Arbitrary<Case<?>> cases() {
        return Arbitraries.of(CASES);
    }

    @Property(tries = 300)
    <T> void roundTrip(@ForAll("cases") Case<T> c, @ForAll long seed) throws DecodeException {
        T value = c.gen().apply(Seeds.random(seed));
        byte[] bytes = c.codec().encode(value);
        assertThat(bytes).hasSize(c.codec().size(value));
        assertThat(c.codec().decodeExact(bytes)).isEqualTo(value);
    }

    @Property(tries = 300)
    <T> void truncatedAndTrailingBytesRaiseOnlyTheCodecError(@ForAll("cases") Case<T> c, @ForAll long seed) {
        Random r = Seeds.random(seed);
        byte[] bytes = c.codec().encode(c.gen().apply(r));
        int cut = r.nextInt(bytes.length);
        Throwable truncated = catchThrowable(() -> c.codec().decodeExact(Arrays.copyOf(bytes, cut)));
        assertThat(truncated).isInstanceOf(DecodeException.class);
        assertThat(((DecodeException) truncated).error()).isEqualTo(DecodeError.SHORT_BUFFER);
        Throwable trailing = catchThrowable(() -> c.codec().decodeExact(Arrays.copyOf(bytes, bytes.length + 1)));
        assertThat(((DecodeException) trailing).error()).isEqualTo(DecodeError.TRAILING_BYTES);
    }

    @Property(tries = 500)
    <T> void randomOrMutatedBytesDecodeOrRaiseTheCodecError(@ForAll("cases") Case<T> c, @ForAll long seed) {
        Random r = Seeds.random(seed);
        byte[] bytes = r.nextBoolean() ? RandomCoin.bytes(r, r.nextInt(400))
                : mutate(c.codec().encode(c.gen().apply(r)), r);
        try {
            T value = c.codec().decodeExact(bytes);
            assertThat(c.codec().encode(value)).isEqualTo(bytes);
        } catch (DecodeException e) {
            assertThat(e.error()).isNotNull();
        }
    }

    private static byte[] mutate(byte[] bytes, Random r) {
        byte[] out = bytes.clone();
        for (int i = 1 + r.nextInt(3); i > 0 && out.length > 0; i--) {
            out[r.nextInt(out.length)] = (byte) r.nextInt(256);
        }
        return out;
    }
}
