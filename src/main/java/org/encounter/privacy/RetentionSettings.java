package org.encounter.privacy;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.base.Audited;
import org.encounter.base.Validation;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The platform admin's page on how long data is kept, and what the retention job removed. */
@Service
@Transactional(readOnly = true)
@RolesAllowed(Role.Names.ADMIN)
public class RetentionSettings {

    public static final int MIN_DAYS = 30;
    public static final int MAX_DAYS = 3650;
    public static final int MIN_EXPORT_DAYS = 1;
    public static final int MAX_EXPORT_DAYS = 90;

    /** In days. */
    public record Periods(int privateAnswersDays, int inactiveAccountDays, int exportFileDays) {
    }

    /** One run of the retention job: what it removed, by kind. */
    public record Run(Instant ranAt, Map<String, Integer> removed) {
    }

    private final JdbcClient db;
    private final RetentionPeriods periods;
    private final RetentionJob job;
    private final CurrentPerson current;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionSettings(JdbcClient db, RetentionPeriods periods, RetentionJob job, CurrentPerson current,
                      ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.periods = periods;
        this.job = job;
        this.current = current;
        this.events = events;
        this.clock = clock;
    }

    public Periods periods() {
        return of(periods.periods());
    }

    public Periods defaults() {
        return of(periods.defaults());
    }

    @Transactional
    public void save(Periods changed) {
        Validation.start()
                .require("privateAnswersDays", within(changed.privateAnswersDays(), MIN_DAYS, MAX_DAYS),
                        "privacy.retention.days-range", MIN_DAYS, MAX_DAYS)
                .require("inactiveAccountDays", within(changed.inactiveAccountDays(), MIN_DAYS, MAX_DAYS),
                        "privacy.retention.days-range", MIN_DAYS, MAX_DAYS)
                .require("exportFileDays", within(changed.exportFileDays(), MIN_EXPORT_DAYS, MAX_EXPORT_DAYS),
                        "privacy.retention.days-range", MIN_EXPORT_DAYS, MAX_EXPORT_DAYS)
                .check();
        long me = current.requireId();
        db.sql("""
                        update retention_setting set private_answers_days = ?, inactive_account_days = ?,
                               export_file_days = ?, updated_by = ?, updated_at = ? where id = 1""")
                .params(changed.privateAnswersDays(), changed.inactiveAccountDays(), changed.exportFileDays(), me,
                        Times.utc(clock.instant())).update();
        events.publishEvent(new Audited(me, "retention-changed", "retention", null, null,
                changed.privateAnswersDays() + "," + changed.inactiveAccountDays() + "," + changed.exportFileDays()));
    }

    /** The last runs, newest first. */
    public List<Run> runs() {
        return db.sql("select ran_at, removed from retention_run order by ran_at desc, id desc limit 10")
                .query((rs, row) -> new Run(Times.instant(rs, 1), parse(rs.getString(2)))).list();
    }

    /** Runs the job now, as the schedule would; returns what it removed. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS, readOnly = false)
    public Run runNow() {
        return job.runOnce();
    }

    private static boolean within(int days, int min, int max) {
        return days >= min && days <= max;
    }

    static Map<String, Integer> parse(String removed) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (removed != null && !removed.isBlank()) {
            for (String part : removed.split(",")) {
                String[] kv = part.split("=", 2);
                counts.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }

    private static Periods of(RetentionPeriods.Periods p) {
        return new Periods(p.privateAnswersDays(), p.inactiveAccountDays(), p.exportFileDays());
    }
}
