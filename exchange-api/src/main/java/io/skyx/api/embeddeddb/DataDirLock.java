package io.skyx.api.embeddeddb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <data-dir>.lock} beside the embedded PostgreSQL's data directory, held for as
 * long as this app runs: the operating system releases it when the process ends, even by SIGKILL. A second app
 * started on the same data directory cannot take it and refuses to start with a clear message, instead of
 * treating the running app's PostgreSQL as a leftover and stopping it.
 */
final class DataDirLock implements AutoCloseable {

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDir}, or throws {@link IllegalStateException} naming the owner. */
    static DataDirLock acquire(Path dataDir) throws IOException {
        Path file = lockFile(dataDir);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            String owner = readOwner(ch);
            ch.close();
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDir + " is in use by "
                    + "another running SkyX (" + owner + ", lock " + file + "). Stop that instance first, or give "
                    + "this one its own directory with SKYX_DATA_DIR (skyx.embedded-postgres.data-dir).");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        return new DataDirLock(dataDir, ch, l);
    }

    static Path lockFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }

    private static String readOwner(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = ch.read(buf, 0);
            String s = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "pid unknown" : s;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
