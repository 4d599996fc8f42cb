package io.skyx.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rows' bytes are PostgreSQL's binary COPY format, big-endian, as a DataOutputStream would write them. */
class BinaryCopyTest {

    @Test
    void writesTheHeaderAndEachFieldAsLengthThenBytes() throws Exception {
        UUID id = new UUID(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
        BinaryCopy copy = new BinaryCopy(1).row(8).int2(-2).int4(70_000).int8(-3L).text("é").textOrNull(null)
                .bytea(new byte[] {9}).uuid(id).timestamptzMs(946_684_800_001L);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(expected);
        d.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0});
        d.writeInt(0);
        d.writeInt(0);
        d.writeShort(8);
        d.writeInt(2);
        d.writeShort(-2);
        d.writeInt(4);
        d.writeInt(70_000);
        d.writeInt(8);
        d.writeLong(-3L);
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        d.writeInt(e.length);
        d.write(e);
        d.writeInt(-1);
        d.writeInt(1);
        d.write(9);
        d.writeInt(16);
        d.writeLong(id.getMostSignificantBits());
        d.writeLong(id.getLeastSignificantBits());
        d.writeInt(8);
        d.writeLong(1000L);

        assertThat(written(copy)).isEqualTo(expected.toByteArray());
    }

    private static byte[] written(BinaryCopy copy) throws Exception {
        Field buf = BinaryCopy.class.getDeclaredField("buf");
        Field size = BinaryCopy.class.getDeclaredField("size");
        buf.setAccessible(true);
        size.setAccessible(true);
        return Arrays.copyOf((byte[]) buf.get(copy), size.getInt(copy));
    }
}
