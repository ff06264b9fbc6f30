package org.encounter.privacy;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long things are kept: what a platform admin has set, or else the configured defaults (documented in the
 * README): private answers two years after completion, inactive accounts three years, export files seven days.
 */
@Component
class RetentionPeriods {

    /** In days. */
    record Periods(int privateAnswersDays, int inactiveAccountDays, int exportFileDays) {
    }

    private final JdbcClient db;
    private final Periods defaults;

    RetentionPeriods(JdbcClient db,
                     @Value("${encounter.privacy.retention.private-answers:730d}") Duration privateAnswers,
                     @Value("${encounter.privacy.retention.inactive-accounts:1095d}") Duration inactiveAccounts,
                     @Value("${encounter.privacy.retention.export-files:7d}") Duration exportFiles) {
        this.db = db;
        this.defaults = new Periods((int) privateAnswers.toDays(), (int) inactiveAccounts.toDays(),
                (int) exportFiles.toDays());
    }

    Periods defaults() {
        return defaults;
    }

    Periods periods() {
        return db.sql("select private_answers_days, inactive_account_days, export_file_days from retention_setting where id = 1")
                .query((rs, row) -> new Periods(
                        or(rs.getObject(1, Integer.class), defaults.privateAnswersDays()),
                        or(rs.getObject(2, Integer.class), defaults.inactiveAccountDays()),
                        or(rs.getObject(3, Integer.class), defaults.exportFileDays())))
                .optional().orElse(defaults);
    }

    private static int or(Integer set, int fallback) {
        return set == null ? fallback : set;
    }
}
