package org.encounter.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.encounter.base.PersonalData;
import org.encounter.base.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the retention periods once a day on one instance (ShedLock): each feature removes what has outlived them
 * (private answers of long-completed attempts), export files past their time are deleted, and accounts nobody has
 * used for too long are put up for erasure — with the cool-off and a notice, so a person who signs in keeps theirs.
 * Each run records what it removed.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcClient db;
    private final List<PersonalData> features;
    private final RetentionPeriods periods;
    private final Erasures erasures;
    private final Subjects subjects;
    private final ExportFiles files;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RetentionJob(JdbcClient db, Features features, RetentionPeriods periods, Erasures erasures,
                 Subjects subjects, ExportFiles files, PlatformTransactionManager transactions, Clock clock) {
        this.db = db;
        this.features = features.all();
        this.periods = periods;
        this.erasures = erasures;
        this.subjects = subjects;
        this.files = files;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${encounter.privacy.retention-cron:0 30 3 * * *}")
    @SchedulerLock(name = "privacy-retention", lockAtLeastFor = "PT1M")
    public void run() {
        runOnce();
    }

    RetentionSettings.Run runOnce() {
        return SystemAccess.run(() -> {
            Instant now = clock.instant();
            RetentionPeriods.Periods p = periods.periods();
            Map<String, Integer> removed = new LinkedHashMap<>();
            PersonalData.Retention retention =
                    new PersonalData.Retention(now.minus(Duration.ofDays(p.privateAnswersDays())));
            for (PersonalData feature : features) {
                Map<String, Integer> counts = transaction.execute(status -> feature.applyRetention(retention));
                counts.forEach((kind, n) -> removed.merge(kind, n, Integer::sum));
            }
            removed.put("exportFiles", expireExports(now));
            removed.put("inactiveAccounts", transaction.execute(status -> {
                int n = 0;
                for (long personId : subjects.inactiveSince(now.minus(Duration.ofDays(p.inactiveAccountDays())))) {
                    if (erasures.requestForInactive(personId)) {
                        n++;
                    }
                }
                return n;
            }));
            String summary = removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(","));
            transaction.executeWithoutResult(status -> db.sql("insert into retention_run (ran_at, removed) values (?, ?)")
                    .params(Times.utc(now), summary).update());
            log.info("Retention run removed {}", summary);
            return new RetentionSettings.Run(now, removed);
        });
    }

    private int expireExports(Instant now) {
        List<Object[]> expired = db.sql("""
                        select id, file_name from data_export where status = 'READY' and expires_at <= ?""")
                .param(Times.utc(now)).query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] e : expired) {
            files.delete((String) e[1]);
            db.sql("update data_export set status = 'EXPIRED', file_name = null where id = ?").param(e[0]).update();
        }
        return expired.size();
    }
}
