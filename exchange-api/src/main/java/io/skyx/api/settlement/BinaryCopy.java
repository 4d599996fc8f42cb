package io.skyx.api.settlement;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)}: each value in its binary wire form, so that
 * nothing is hex-encoded on this side or parsed on the server's (the bulk path of {@link IngestWriter}). Write one
 * row with {@link #row} and its fields in the column order of the COPY statement, then {@link #copy}. The rows are
 * written big-endian straight into one growing array, which is sent as it is (no stream layers, no final copy).
 */
final class BinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int pos;

    BinaryCopy(int expectedBytes) {
        this.buf = new byte[Math.max(expectedBytes, SIGNATURE.length + 10)];
        System.arraycopy(SIGNATURE, 0, buf, 0, SIGNATURE.length);
        pos = SIGNATURE.length;
        putInt(0); // flags
        putInt(0); // header extension length
    }

    BinaryCopy row(int fields) {
        putShort(fields);
        return this;
    }

    BinaryCopy bytea(byte[] v) {
        putInt(v.length);
        room(v.length);
        System.arraycopy(v, 0, buf, pos, v.length);
        pos += v.length;
        return this;
    }

    BinaryCopy int2(int v) {
        putInt(2);
        putShort(v);
        return this;
    }

    BinaryCopy int8(long v) {
        putInt(8);
        putLong(v);
        return this;
    }

    BinaryCopy text(String v) {
        return bytea(v.getBytes(StandardCharsets.UTF_8));
    }

    BinaryCopy uuid(UUID v) {
        putInt(16);
        putLong(v.getMostSignificantBits());
        putLong(v.getLeastSignificantBits());
        return this;
    }

    private void room(int n) {
        if (buf.length - pos < n) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void putShort(int v) {
        room(2);
        SHORT.set(buf, pos, (short) v);
        pos += 2;
    }

    private void putInt(int v) {
        room(4);
        INT.set(buf, pos, v);
        pos += 4;
    }

    private void putLong(long v) {
        room(8);
        LONG.set(buf, pos, v);
        pos += 8;
    }

    /** Sends the rows with {@code sql} ({@code COPY t (cols) FROM STDIN (FORMAT binary)}) on {@code c}'s transaction. */
    long copy(Connection c, String sql) throws SQLException {
        putShort(-1);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(buf, 0, pos);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
