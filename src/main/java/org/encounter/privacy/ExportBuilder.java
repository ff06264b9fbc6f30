package org.encounter.privacy;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.encounter.base.Audited;
import org.encounter.base.Dates;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds exports one at a time on a low-priority thread of its own, so a person with years of learning never slows
 * anyone's page. Each feature writes its section through its {@link PersonalData} declaration, inside a read-only
 * transaction; the archive streams to disk. An export left half-built by a restart is built again at start.
 */
@Component
class ExportBuilder {

    private static final Logger log = LoggerFactory.getLogger(ExportBuilder.class);

    private final JdbcClient db;
    private final List<PersonalData> features;
    private final ExportFiles files;
    private final Subjects subjects;
    private final I18NProvider i18n;
    private final Dates dates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate writing;
    private final Clock clock;
    private final RetentionPeriods retention;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("data-export")
            .daemon(true).priority(Thread.MIN_PRIORITY).factory());

    ExportBuilder(JdbcClient db, Features features, ExportFiles files, Subjects subjects, I18NProvider i18n,
                  Dates dates, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock,
                  RetentionPeriods retention) {
        this.db = db;
        this.features = features.forExport();
        this.files = files;
        this.subjects = subjects;
        this.i18n = i18n;
        this.dates = dates;
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.writing = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    void submit(long exportId) {
        try {
            worker.execute(() -> SystemAccess.run(() -> {
                build(exportId);
                return null;
            }));
        } catch (RejectedExecutionException e) {
            log.warn("Export {} not started: the application is stopping; it starts again with the application", exportId);
        }
    }

    /** Exports a restart interrupted, and ones queued on a node that went away: built again here. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        db.sql("update data_export set status = 'QUEUED', done_parts = 0 where status = 'RUNNING'").update();
        db.sql("select id from data_export where status = 'QUEUED' order by id").query(Long.class).list()
                .forEach(this::submit);
    }

    /** Builds one export, if no one else has taken it. */
    void build(long exportId) {
        boolean claimed = db.sql("update data_export set status = 'RUNNING', total_parts = ? where id = ? and status = 'QUEUED'")
                .params(features.size(), exportId).update() == 1;
        if (!claimed) {
            return;
        }
        long personId = db.sql("select person_id from data_export where id = ?").param(exportId).query(Long.class).single();
        String name = files.newName();
        Subjects.Subject subject;
        try {
            subject = subjects.find(personId).orElseThrow();
            Locale locale = subject.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(subject.language());
            Path part = files.create(name);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024);
                 ExportArchive archive = new ExportArchive(out, files.scratch(name),
                         key -> i18n.getTranslation(key, locale), dates, locale)) {
                archive.begin(subject.name(), clock.instant());
                int done = 0;
                for (PersonalData feature : features) {
                    archive.beginSection(feature.section());
                    readOnly.executeWithoutResult(status -> {
                        try {
                            feature.export(personId, archive);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    db.sql("update data_export set done_parts = ? where id = ?").params(++done, exportId).update();
                }
                archive.finish();
            }
            Files.move(part, files.path(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Instant now = clock.instant();
            Instant expires = now.plus(Duration.ofDays(retention.periods().exportFileDays()));
            long size = Files.size(files.path(name));
            writing.executeWithoutResult(status -> {
                db.sql("""
                                update data_export set status = 'READY', file_name = ?, size_bytes = ?, ready_at = ?,
                                       expires_at = ? where id = ?""")
                        .params(name, size, Times.utc(now), Times.utc(expires), exportId).update();
                events.publishEvent(new NotifyPerson(personId, "data-export-ready", "data-export:" + exportId,
                        "notify.data-export-ready", List.of(NotifyPerson.date(dates.day(expires))), "my-data"));
                events.publishEvent(new Audited(personId, "data-export-ready", "person", Long.toString(personId),
                        subject.organisationId(), Long.toString(exportId)));
            });
        } catch (RuntimeException | IOException e) {
            log.error("Export {} failed", exportId, e);
            files.delete(name);
            writing.executeWithoutResult(status -> {
                db.sql("update data_export set status = 'FAILED' where id = ?").param(exportId).update();
                events.publishEvent(new NotifyPerson(personId, "data-export-failed", "data-export:" + exportId,
                        "notify.data-export-failed", List.of(), "my-data"));
            });
        }
    }
}
