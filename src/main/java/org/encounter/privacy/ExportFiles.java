package org.encounter.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.encounter.base.OwnerOnlyFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where finished exports wait for their person: one directory, files readable by the app's user only. */
@Component
class ExportFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    ExportFiles(@Value("${encounter.privacy.export-dir:./data/exports}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
    }

    /** A new, unguessable file name. */
    String newName() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + ".zip";
    }

    /** The file of a name this class gave; anything else (a path, "..") is refused. */
    Path path(String name) {
        if (!name.matches("[0-9a-f]{32}\\.zip")) {
            throw new IllegalArgumentException("not an export file name");
        }
        return directory.resolve(name);
    }

    /** A new file only the app's user can read, and the summary's scratch file beside it. */
    Path create(String name) throws IOException {
        Files.createDirectories(directory);
        return OwnerOnlyFiles.create(path(name).resolveSibling(name + ".part"));
    }

    Path scratch(String name) throws IOException {
        Files.createDirectories(directory);
        return OwnerOnlyFiles.create(path(name).resolveSibling(name + ".html.part"));
    }

    void delete(String name) {
        try {
            Files.deleteIfExists(path(name));
            Files.deleteIfExists(path(name).resolveSibling(name + ".part"));
            Files.deleteIfExists(path(name).resolveSibling(name + ".html.part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
