package org.encounter.notifications;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.encounter.base.NotifyPerson;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.StoredText;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PrivacySubjects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The person's notifications, exported in their language and deleted at erasure. Other people's notifications can
 * name the person too ("Sanna commented on …", "Sanna asks to take part in …"): erasure puts a neutral name there.
 */
@Component
class NotificationsPersonalData implements PersonalData {

    private static final int PAGE = 200;

    private final JdbcTemplate jdbc;
    private final PrivacySubjects subjects;
    private final PersonDirectory directory;
    private final I18NProvider i18n;

    NotificationsPersonalData(JdbcTemplate jdbc, PrivacySubjects subjects, PersonDirectory directory,
                              I18NProvider i18n) {
        this.jdbc = jdbc;
        this.subjects = subjects;
        this.directory = directory;
        this.i18n = i18n;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("notification", "what the person was told in the app and by e-mail, and where it leads;"
                        + " the arguments can name other people. The person's own are deleted; where another person's"
                        + " names them, a neutral name replaces theirs", Treatment.DELETED,
                        "person_id", "message_key", "args", "link"),
                Holding.codes("notification", "kind", "ref"),
                // Created with the notifications (V4): which scheduled job runs where, for ShedLock.
                Holding.of("shedlock", "which scheduled job holds its lock, on which server: nobody's data",
                        Treatment.NOT_PERSONAL, "name", "locked_by"));
    }

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        Locale locale = directory.contact(personId).map(PersonDirectory.Contact::language).map(Locale::of)
                .orElse(Locale.ENGLISH);
        long after = 0;
        while (true) {
            List<Row> page = jdbc.query("""
                    select id, message_key, args, link, created_at, read_at, emailed_at from notification
                     where person_id = ? and id > ? order by id limit ?""", (rs, i) -> new Row(rs.getLong("id"),
                    rs.getString("message_key"), rs.getString("args"), rs.getString("link"),
                    instant(rs, "created_at"), instant(rs, "read_at"), instant(rs, "emailed_at")), personId, after,
                    PAGE);
            for (Row n : page) {
                String message = i18n.getTranslation(n.messageKey(), locale,
                        NotifyPerson.formatArgs(Notification.args(n.args())));
                out.record("notification", "createdAt", n.createdAt(), "message", message, "link", n.link(),
                        "readAt", n.readAt(), "emailedAt", n.emailedAt());
                after = n.id();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private record Row(long id, String messageKey, String args, String link, Instant createdAt, Instant readAt,
                       Instant emailedAt) {
    }

    /**
     * Deletes the person's notifications, then replaces their names and address in other people's, read in pages.
     * Runs before identity's erasure (which runs last), so the names are still there to look for; run again after
     * it, there is nothing left to find.
     */
    @Override
    public void erase(long personId, ErasureChoices choices) {
        jdbc.update("delete from notification where person_id = ?", personId);
        subjects.subject(personId).filter(s -> !s.erased())
                .ifPresent(subject -> replaceInOthers(subject.identifiers()));
    }

    /**
     * Replaces each identifier, in the order given (longest first), in every notification that holds one. A LIKE
     * '%…%' reads the whole table, so all identifiers are looked for in one pass, not one pass each.
     */
    private void replaceInOthers(List<String> identifiers) {
        if (identifiers.isEmpty()) {
            return;
        }
        // Whole words only: "Emma" leaves "Emmanuel" alone. The collation's LIKE finds candidates, case-blind.
        List<Pattern> words = identifiers.stream().map(identifier -> Pattern.compile("(?<![\\p{L}\\p{N}])"
                + Pattern.quote(identifier) + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        String anyOf = String.join(" or ", Collections.nCopies(identifiers.size(), "args like ?"));
        List<Object> likes = identifiers.stream().<Object>map(identifier -> "%" + identifier.replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%").toList();
        long after = 0;
        while (true) {
            List<Object> params = new ArrayList<>(likes);
            params.add(after);
            params.add(PAGE);
            List<Object[]> page = jdbc.query("select id, args from notification where (" + anyOf + ") and id > ?"
                    + " order by id limit ?", (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)},
                    params.toArray());
            for (Object[] row : page) {
                after = (Long) row[0];
                String args = (String) row[1];
                String replaced = args;
                for (Pattern word : words) {
                    replaced = word.matcher(replaced).replaceAll(Matcher.quoteReplacement(PrivacySubjects.ERASED_NAME));
                }
                if (!replaced.equals(args)) {
                    jdbc.update("update notification set args = ? where id = ?", StoredText.truncate(replaced, 500),
                            after);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    /** Times are stored as UTC wall-clock time, as Hibernate stores them (hibernate.jdbc.time_zone). */
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
