package org.encounter.base;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets on disk (the certificate signing key, the embedded database's password): created readable by
 * their owner only from the first byte, and tightened, with a warning, when found open to others.
 * On a file system without POSIX permissions these do nothing.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Logger log = LoggerFactory.getLogger(OwnerOnlyFiles.class);

    private OwnerOnlyFiles() {
    }

    /** Creates an empty file that only its owner can read or write. */
    public static Path create(Path file) throws IOException {
        return posix() ? Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE)) : Files.createFile(file);
    }

    /** Makes an existing file readable by its owner only. */
    public static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(FILE)) {
            log.warn("{} could be read by others; it is now readable by its owner only", file.toAbsolutePath());
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Makes a directory listable and readable by its owner only. */
    public static void restrictDirectory(Path directory) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
