package io.skyx.api.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)}: each value in its binary wire form, so that
 * nothing is hex-encoded or bound as a parameter on this side or parsed on the server's (the bulk path of the
 * usage ingestion and of the orders and stream projections). Write one row with {@link #row} and its fields in the
 * column order of the COPY statement, then {@link #copy}. The column types must be exactly those written.
 */
public final class BinaryCopy {
    /** 2000-01-01T00:00:00Z, PostgreSQL's epoch for timestamps, in Unix milliseconds. */
    private static final long PG_EPOCH_MS = 946_684_800_000L;

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final ByteArrayOutputStream bytes;
    private final DataOutputStream out;

    public BinaryCopy(int expectedBytes) {
        this.bytes = new ByteArrayOutputStream(expectedBytes);
        this.out = new DataOutputStream(bytes);
        try {
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryCopy row(int fields) {
        try {
            out.writeShort(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BinaryCopy bytea(byte[] v) {
        try {
            out.writeInt(v.length);
            out.write(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BinaryCopy int2(int v) {
        try {
            out.writeInt(2);
            out.writeShort(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BinaryCopy int8(long v) {
        try {
            out.writeInt(8);
            out.writeLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BinaryCopy text(String v) {
        return bytea(v.getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code text} value or SQL NULL. */
    public BinaryCopy textOrNull(String v) {
        return v == null ? nullValue() : text(v);
    }

    public BinaryCopy int4(int v) {
        try {
            out.writeInt(4);
            out.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A {@code timestamptz} from Unix milliseconds (microseconds since 2000-01-01 UTC on the wire). */
    public BinaryCopy timestamptzMs(long unixMs) {
        return int8(Math.multiplyExact(unixMs - PG_EPOCH_MS, 1000L));
    }

    public BinaryCopy nullValue() {
        try {
            out.writeInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public BinaryCopy uuid(UUID v) {
        try {
            out.writeInt(16);
            out.writeLong(v.getMostSignificantBits());
            out.writeLong(v.getLeastSignificantBits());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Sends the rows with {@code sql} ({@code COPY t (cols) FROM STDIN (FORMAT binary)}) on {@code c}'s transaction. */
    public long copy(Connection c, String sql) throws SQLException {
        try {
            out.writeShort(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] data = bytes.toByteArray();
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            in.writeToCopy(data, 0, data.length);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }
}
