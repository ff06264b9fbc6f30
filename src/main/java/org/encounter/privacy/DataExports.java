package org.encounter.privacy;

import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.encounter.base.Audited;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.CurrentPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "Download my data": a person asks, the archive is built in the background ({@link ExportBuilder}) while they watch
 * its progress, and they download it here or from the link they are sent. Only ever their own: nobody — an admin
 * included — asks for or opens another person's.
 */
@Service
@Transactional(readOnly = true)
@PermitAll
public class DataExports {

    /** The refusal's message: the i18n key of what the person is told. */
    public static final String NOT_YOURS = "privacy.export.not-yours";

    public enum Status { QUEUED, RUNNING, READY, FAILED, EXPIRED }

    public record Export(long id, Status status, int doneParts, int totalParts, Instant requestedAt, Instant readyAt,
                         Instant expiresAt, Long sizeBytes) {

        /** 0–100, for a progress bar. */
        public int percent() {
            return status == Status.READY ? 100 : totalParts == 0 ? 0 : Math.min(99, doneParts * 100 / totalParts);
        }

        public boolean inProgress() {
            return status == Status.QUEUED || status == Status.RUNNING;
        }
    }

    private final JdbcClient db;
    private final CurrentPerson current;
    private final ExportBuilder builder;
    private final Subjects subjects;
    private final ExportFiles files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DataExports(JdbcClient db, CurrentPerson current, ExportBuilder builder, Subjects subjects, ExportFiles files,
                ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.current = current;
        this.builder = builder;
        this.subjects = subjects;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts building the signed-in person's export, or returns the one already on its way. Asking for anyone else's
     * is refused (an access refusal whose message is the i18n key {@code privacy.export.not-yours}): a person's data
     * goes to that person only, an admin's request included.
     */
    @Transactional
    public Export request(long personId) {
        long me = current.requireId();
        if (personId != me) {
            throw new AccessDeniedException(NOT_YOURS);
        }
        var open = db.sql("select id from data_export where person_id = ? and status in ('QUEUED', 'RUNNING')")
                .param(me).query(Long.class).optional();
        if (open.isPresent()) {
            return find(open.get());
        }
        db.sql("insert into data_export (person_id, requested_at, status) values (?, ?, 'QUEUED')")
                .params(me, Times.utc(clock.instant())).update();
        long id = db.sql("select last_insert_id()").query(Long.class).single();
        events.publishEvent(new Audited(me, "data-export-requested", "person", Long.toString(me),
                subjects.find(me).map(Subjects.Subject::organisationId).orElse(null), null));
        afterCommit(() -> builder.submit(id));
        return find(id);
    }

    /** The signed-in person's exports, newest first. */
    public List<Export> mine() {
        return db.sql("""
                        select id, status, done_parts, total_parts, requested_at, ready_at, expires_at, size_bytes
                          from data_export where person_id = ? order by requested_at desc, id desc limit 10""")
                .param(current.requireId()).query(DataExports::export).list();
    }

    /** One of the signed-in person's exports; another person's is refused as not theirs (an access refusal). */
    public Export status(long exportId) {
        own(exportId);
        return find(exportId);
    }

    /** The archive of a ready export of the signed-in person's, to stream to them. */
    public InputStream open(long exportId) {
        own(exportId);
        var row = db.sql("select file_name from data_export where id = ? and status = 'READY'").param(exportId)
                .query(String.class).optional();
        Path file = row.map(files::path).filter(Files::isRegularFile)
                .orElseThrow(() -> new InvalidInputException("export", "privacy.export.not-ready"));
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name the person's browser saves it as. */
    public String fileName(long exportId) {
        Export export = status(exportId);
        return "encounter-my-data-" + java.time.LocalDate.ofInstant(export.requestedAt(), java.time.ZoneOffset.UTC)
                + ".zip";
    }

    private void own(long exportId) {
        long me = current.requireId();
        boolean mine = db.sql("select count(*) from data_export where id = ? and person_id = ?").params(exportId, me)
                .query(Long.class).single() > 0;
        if (!mine) {
            throw new AccessDeniedException(NOT_YOURS);
        }
    }

    private Export find(long id) {
        return db.sql("""
                        select id, status, done_parts, total_parts, requested_at, ready_at, expires_at, size_bytes
                          from data_export where id = ?""").param(id).query(DataExports::export).single();
    }

    private static Export export(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Export(rs.getLong(1), Status.valueOf(rs.getString(2)), rs.getInt(3), rs.getInt(4),
                Times.instant(rs, 5), Times.instant(rs, 6), Times.instant(rs, 7), rs.getObject(8, Long.class));
    }

    static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
