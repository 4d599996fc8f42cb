package io.skyx.skywire.agent;

import io.skyx.node.cipher.CipherException;
import io.skyx.node.cipher.KeyPair;
import io.skyx.node.cipher.SecKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The relay's secret key file: one line, the 32-byte secret key in hex (Skywire keeps the visor's key in its
 * config the same way). On POSIX systems the file must not be readable or writable by group or others (like
 * ssh's private keys); otherwise loading fails and says so.
 */
public final class RelayKeyFile {
    private RelayKeyFile() {
    }

    /** Loads the key, checking the permissions first. */
    public static KeyPair load(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.of(PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
            open.retainAll(perms);
            if (!open.isEmpty()) {
                throw new IOException("relay key file " + file + " is accessible by others ("
                        + PosixFilePermissions.toString(perms) + "); run chmod 600 " + file);
            }
        }
        String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return KeyPair.of(SecKey.fromHex(hex));
        } catch (CipherException e) {
            throw new IOException("relay key file " + file + " does not hold a 64-hex-digit secret key", e);
        }
    }

    /** Writes a new random key with mode 600 (refuses to overwrite) and returns it. */
    public static KeyPair create(Path file) throws IOException {
        KeyPair key = KeyPair.random();
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, key.sec().revealHex() + "\n", StandardCharsets.US_ASCII);
        return key;
    }
}
