package io.skyx.api.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)}: each value in its binary wire form, so that
 * nothing is hex-encoded or bound as a parameter on this side or parsed on the server's (the bulk path of the
 * usage ingestion and of the orders and stream projections). Write one row with {@link #row} and its fields in the
 * column order of the COPY statement, then {@link #copy}. The column types must be exactly those written. Every
 * field is its length (int32, −1 for NULL) then its bytes, big-endian, into one growing array.
 */
public final class BinaryCopy {
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
    private static final long PG_EPOCH_MS = 946_684_800_000L;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private byte[] buf;
    private int size;

    public BinaryCopy(int expectedBytes) {
        this.buf = new byte[Math.max(64, expectedBytes)];
        putBytes(SIGNATURE);
        putInt(0);
        putInt(0);
    }

    public BinaryCopy row(int fields) {
        putShort(fields);
        return this;
    }

    public BinaryCopy bytea(byte[] v) {
        putInt(v.length);
        putBytes(v);
        return this;
    }

    public BinaryCopy int2(int v) {
        putInt(2);
        putShort(v);
        return this;
    }

    public BinaryCopy int4(int v) {
        putInt(4);
        putInt(v);
        return this;
    }

    public BinaryCopy int8(long v) {
        putInt(8);
        putLong(v);
        return this;
    }

    public BinaryCopy text(String v) {
        return bytea(v.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code text} value or SQL NULL. */
    public BinaryCopy textOrNull(String v) {
        return v == null ? nullValue() : text(v);
    }

    /** A {@code timestamptz} from Unix milliseconds (microseconds since 2000-01-01 UTC on the wire). */
    public BinaryCopy timestamptzMs(long unixMs) {
        return int8(Math.multiplyExact(unixMs - PG_EPOCH_MS, 1000L));
    }

    public BinaryCopy nullValue() {
        putInt(-1);
        return this;
    }

    public BinaryCopy uuid(UUID v) {
        putInt(16);
        putLong(v.getMostSignificantBits());
        putLong(v.getLeastSignificantBits());
        return this;
    }

    /** Sends the rows with {@code sql} ({@code COPY t (cols) FROM STDIN (FORMAT binary)}) on {@code c}'s transaction. */
    public long copy(Connection c, String sql) throws SQLException {
        putShort(-1);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(buf, 0, size);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    private void putBytes(byte[] v) {
        room(v.length);
        System.arraycopy(v, 0, buf, size, v.length);
        size += v.length;
    }

    private void putShort(int v) {
        room(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putInt(int v) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }

    private void putLong(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }
}
