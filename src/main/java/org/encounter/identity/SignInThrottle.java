package org.encounter.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Failed sign-ins per pair of client address and e-mail (table sign_in_failure). Every try is
 * counted BEFORE its password is checked, in one atomic upsert that also locks the pair's row for
 * the decision that follows: so parallel tries are all counted and cannot slip past the limit
 * together. The first {@code max-failed-sign-ins} tries are checked freely; each further one
 * makes the pair wait a delay that doubles from {@code sign-in-delay} up to {@code lock-duration},
 * and tries during the wait are refused unchecked. A success deletes the pair's row; a pair quiet
 * for longer than {@code lock-duration} starts afresh. Only this pair waits: the same e-mail from
 * another address, and other e-mails from this address, are unaffected.
 */
@Component
class SignInThrottle {

    enum Verdict { CHECK, REFUSE }

    /** Counts the try; "failures" restarts at 1 when the pair's last failure is older than a whole wait. */
    private static final String COUNT = "insert into sign_in_failure (email, client, failures, last_failed_at)"
            + " values (?, ?, 1, ?) on duplicate key update"
            + " failures = if(last_failed_at < ?, 1, failures + 1), last_failed_at = values(last_failed_at)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    private final int maxFailures;
    private final Duration firstDelay;
    private final Duration longestDelay;
    private final Duration kept;

    SignInThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                   @Value("${encounter.security.max-failed-sign-ins}") int maxFailures,
                   @Value("${encounter.security.sign-in-delay}") Duration firstDelay,
                   @Value("${encounter.security.lock-duration}") Duration longestDelay,
                   @Value("${encounter.security.sign-in-failures-kept}") Duration kept) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.firstDelay = firstDelay;
        this.longestDelay = longestDelay;
        this.kept = kept;
    }

    /**
     * Counts a try and says whether its password may be checked. Committed before the (slow)
     * password check, so the row lock is held only for two short statements.
     */
    Verdict attempt(String client, String email) {
        for (int tryNo = 1; ; tryNo++) {
            try {
                return newTransaction.execute(status -> countAndDecide(client, email));
            } catch (PessimisticLockingFailureException deadlock) {
                // Two first tries of one pair can deadlock inserting the same new row; InnoDB
                // rolled one back, which is then simply counted again.
                if (tryNo == 3) {
                    throw deadlock;
                }
            }
        }
    }

    private Verdict countAndDecide(String client, String email) {
        Instant now = clock.instant();
        jdbc.update(COUNT, email, client, utc(now), utc(now.minus(longestDelay)));
        Map<String, Object> row = jdbc.queryForMap(
                "select failures, blocked_until from sign_in_failure where email = ? and client = ?", email, client);
        Instant blockedUntil = instant(row.get("blocked_until"));
        if (blockedUntil != null && blockedUntil.isAfter(now)) {
            return Verdict.REFUSE;
        }
        int failures = ((Number) row.get("failures")).intValue();
        if (failures >= maxFailures) {
            // Pessimistic: this try may fail too, so the next wait starts now; a success clears it.
            jdbc.update("update sign_in_failure set blocked_until = ? where email = ? and client = ?",
                    utc(now.plus(delayAfter(failures))), email, client);
        }
        return Verdict.CHECK;
    }

    /** 30 s after the 5th failure (by default), then 1, 2, 4 ... minutes, never more than lock-duration. */
    Duration delayAfter(int failures) {
        int doublings = Math.min(failures - maxFailures, 20);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
    }

    /** The right password was given: the pair starts afresh. */
    void succeeded(String client, String email) {
        jdbc.update("delete from sign_in_failure where email = ? and client = ?", email, client);
    }

    List<SignInFailure> of(String email) {
        Instant now = clock.instant();
        return jdbc.query("select client, failures, last_failed_at, blocked_until from sign_in_failure"
                + " where email = ? order by last_failed_at desc", (rs, i) -> {
                    Instant blockedUntil = instant(rs.getObject("blocked_until"));
                    return new SignInFailure(rs.getString("client"), rs.getInt("failures"),
                            instant(rs.getObject("last_failed_at")),
                            blockedUntil != null && blockedUntil.isAfter(now) ? blockedUntil : null);
                }, email);
    }

    /** Failed tries per e-mail, summed over clients, for a page of people. */
    Map<String, Integer> failuresByEmail(Collection<String> emails) {
        Map<String, Integer> counts = new HashMap<>();
        if (!emails.isEmpty()) {
            named.query("select email, sum(failures) as failures from sign_in_failure where email in (:emails)"
                    + " group by email", new MapSqlParameterSource("emails", emails),
                    rs -> {
                        counts.put(rs.getString("email"), rs.getInt("failures"));
                    });
        }
        return counts;
    }

    int clear(String email) {
        return jdbc.update("delete from sign_in_failure where email = ?", email);
    }

    /** Forgets pairs that have been quiet for {@code sign-in-failures-kept}, on one instance at a time. */
    @Scheduled(fixedDelayString = "${encounter.security.sign-in-failures-purge-interval:1h}",
            initialDelayString = "${encounter.security.sign-in-failures-purge-interval:1h}")
    @SchedulerLock(name = "identity-sign-in-failures-purge", lockAtLeastFor = "PT30S")
    public void purge() {
        Instant now = clock.instant();
        jdbc.update("delete from sign_in_failure where last_failed_at < ? and (blocked_until is null or blocked_until < ?)",
                utc(now.minus(kept)), utc(now));
    }

    /** Times are stored as UTC wall-clock time, as Hibernate stores them elsewhere (hibernate.jdbc.time_zone). */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Object column) {
        return switch (column) {
            case null -> null;
            case LocalDateTime time -> time.toInstant(ZoneOffset.UTC);
            case java.sql.Timestamp time -> time.toLocalDateTime().toInstant(ZoneOffset.UTC);
            default -> throw new IllegalStateException("unexpected time " + column.getClass());
        };
    }
}
