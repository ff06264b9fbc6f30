package org.encounter.base.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.encounter.base.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database's password for the app's own account: generated on first start, kept in
 * the data directory in a file only its owner can read, and given to MariaDB through an init file
 * (which runs with full rights before the server takes connections, so it also closes a data
 * directory made by an older, open version of the app).
 */
final class EmbeddedCredentials {

    static final String PASSWORD_FILE = "encounter-app.password";
    private static final String INIT_FILE = "encounter-init.sql";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

    private final Path dataDir;
    private final String password;

    private EmbeddedCredentials(Path dataDir, String password) {
        this.dataDir = dataDir;
        this.password = password;
    }

    /** Reads the password kept in {@code dataDir}, or makes and keeps a new one. */
    static EmbeddedCredentials in(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.exists(file)) {
            OwnerOnlyFiles.restrict(file);
            String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (kept.matches("[A-Za-z0-9]{" + LENGTH + ",}")) {
                return new EmbeddedCredentials(dataDir, kept);
            }
            log.warn("{} is not a password this app made; making a new one", file);
            Files.delete(file);
        }
        String password = generate();
        writeOwnerOnly(file, password + "\n");
        log.info("Made a password for the embedded database, kept in {}", file);
        return new EmbeddedCredentials(dataDir, password);
    }

    String password() {
        return password;
    }

    /**
     * SQL that makes sure the database exists and only the app's account, with this password, reaches it. The
     * server is the app's own: its account may create scratch databases (migration tests do), as root could before.
     */
    Path writeInitFile(String database) throws IOException {
        String sql = """
                CREATE DATABASE IF NOT EXISTS `%1$s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                DELETE FROM mysql.global_priv WHERE User = '';
                FLUSH PRIVILEGES;
                CREATE USER IF NOT EXISTS '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
                ALTER USER '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
                GRANT ALL PRIVILEGES ON *.* TO '%2$s'@'127.0.0.1';
                """.formatted(database, EmbeddedMariaDb.USER, password);
        Path file = dataDir.resolve(INIT_FILE);
        Files.deleteIfExists(file);
        writeOwnerOnly(file, sql);
        return file;
    }

    /** The data directory holds every table: nobody but its owner may list or read it. */
    void closeDataDirectory() throws IOException {
        OwnerOnlyFiles.restrictDirectory(dataDir);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(OwnerOnlyFiles.create(file), content, StandardCharsets.US_ASCII);
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
