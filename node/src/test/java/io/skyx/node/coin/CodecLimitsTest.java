package io.skyx.node.coin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skyx.node.encoding.DecodeError;
import io.skyx.node.encoding.DecodeException;
import io.skyx.node.encoding.Encoder;
import org.junit.jupiter.api.Test;

/** Length prefixes above Skycoin's maxlen (65535) or beyond the buffer are refused with the codec's own error. */
class CodecLimitsTest {
    private static byte[] transactionWithSigCount(long count, int sigBytes) {
        Encoder e = new Encoder(64 + sigBytes);
        e.u32(0).u8(0).fixed(new byte[32]).u32(count).fixed(new byte[sigBytes]).u32(0).u32(0);
        return e.toByteArray();
    }

    @Test
    void sliceAboveMaxLenIsTooLong() {
        DecodeException e = catchThrowableOfType(DecodeException.class,
                () -> TransactionCodec.INSTANCE.decodeExact(transactionWithSigCount(65536, 65 * 65536)));
        assertThat(e.error()).isEqualTo(DecodeError.TOO_LONG);
        assertThat(e.offset()).isEqualTo(37);
    }

    @Test
    void sliceLongerThanTheBufferIsShort() {
        DecodeException e = catchThrowableOfType(DecodeException.class,
                () -> TransactionCodec.INSTANCE.decodeExact(transactionWithSigCount(0xFFFF_FFFFL, 0)));
        assertThat(e.error()).isEqualTo(DecodeError.SHORT_BUFFER);
    }

    @Test
    void blockBodyCountIsBoundedByTheSmallestTransaction() {
        Encoder e = new Encoder(8);
        e.u32(2).fixed(new byte[60]);
        DecodeException ex = catchThrowableOfType(DecodeException.class,
                () -> BlockBodyCodec.INSTANCE.decodeExact(e.toByteArray()));
        assertThat(ex.error()).isEqualTo(DecodeError.SHORT_BUFFER);
    }

    @Test
    void exactly65535SignaturesDecode() throws DecodeException {
        Transaction t = TransactionCodec.INSTANCE.decodeExact(transactionWithSigCount(65535, 65 * 65535));
        assertThat(t.sigs()).hasSize(65535);
        assertThat(TransactionRules.verifyStructure(t)).isEqualTo(TxnResult.NO_INPUTS);
    }
}
