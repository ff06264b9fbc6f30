package org.encounter.stories;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.SystemAccess;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A writer's stories of change, named and anonymous (both are theirs), and a curator's notes returning others'
 * stories. Erasure deletes the writer's stories, except the approved anonymous ones they chose to keep: those stay
 * published, unlinked from them (no writer, attempt, source, link or insiders). A curator's notes are their words:
 * blanked, the decision kept.
 *
 * <p>Erases before the learning feature ({@link Order}): a story's attempt cascades, so a kept story must let go of
 * it before attempts go.
 */
@Component
@Order(StoriesPersonalData.ORDER)
class StoriesPersonalData implements PersonalData {

    /** Ahead of features left unordered (learning's attempts cascade to stories); identity erases last. */
    static final int ORDER = 100;
    private static final int PAGE = 200;
    /** The approved anonymous stories of a writer that may stay, unlinked, when they choose so. */
    private static final String KEEPABLE = """
            writer_id = ? and anonymous and not shown_named and status = 'APPROVED'""";

    private record Written(long id, Long moduleId, String about, String title, String tried, String happened,
                           String learned, boolean anonymous, String status, String curatorComment, Instant createdAt,
                           Instant updatedAt, Instant approvedAt) {
    }

    private record Note(long id, String comment, String status, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final PublishedModules published;

    StoriesPersonalData(JdbcTemplate jdbc, PublishedModules published) {
        this.jdbc = jdbc;
        this.published = published;
    }

    @Override
    public String section() {
        return "stories";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("story", "stories of change a person wrote from a report back, named or anonymous, and "
                                + "where they came from", Treatment.DELETED,
                        "writer_id", "title", "tried", "happened", "learned", "source", "link", "about"),
                Holding.of("story", "an approved anonymous story its writer chose to keep: published with no writer, "
                        + "attempt, source or link", Treatment.KEPT, "title", "tried", "happened", "learned", "about"),
                Holding.of("story", "a curator's decision on a story and the note returning it to its writer; the "
                        + "note is blanked when the curator is erased, the decision kept", Treatment.ANONYMISED,
                        "reviewed_by_id", "curator_comment"),
                Holding.of("story_insider", "who knows an offered story's writer by name (their exchange partner, the "
                        + "coordinators), so that none of them reviews it anonymous", Treatment.DELETED, "person_id"),
                Holding.codes("story", "status"));
    }

    /**
     * Every story the person wrote, anonymous ones included, with the curators' notes addressed to them (never who
     * reviewed it); then the notes they wrote as a curator, without the stories, which are others'.
     */
    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        long after = 0;
        List<Written> page;
        do {
            page = jdbc.query("""
                    select id, module_id, about, title, tried, happened, learned, anonymous, status, curator_comment,
                           created_at, updated_at, approved_at
                    from story where writer_id = ? and id > ? order by id limit""" + " " + PAGE,
                    (rs, i) -> new Written(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9),
                            rs.getString(10), instant(rs, 11), instant(rs, 12),
                            instant(rs, 13)), personId, after);
            Set<Long> modules = new HashSet<>();
            page.forEach(s -> {
                if (s.moduleId() != null) {
                    modules.add(s.moduleId());
                }
            });
            Map<Long, String> titles = modules.isEmpty() ? Map.of() : SystemAccess.run(() -> published.titles(modules));
            for (Written s : page) {
                out.record("story", "title", s.title(), "module", s.moduleId() == null ? s.about()
                                : titles.getOrDefault(s.moduleId(), ""), "anonymous", s.anonymous(),
                        "tried", s.tried(), "happened", s.happened(), "learned", s.learned(), "status", s.status(),
                        "curatorComment", s.curatorComment(), "createdAt", s.createdAt(), "updatedAt", s.updatedAt(),
                        "approvedAt", s.approvedAt());
                after = s.id();
            }
        } while (page.size() == PAGE);

        after = 0;
        List<Note> notes;
        do {
            notes = jdbc.query("""
                    select id, curator_comment, status, updated_at from story
                    where reviewed_by_id = ? and curator_comment is not null and (writer_id is null or writer_id <> ?)
                    and id > ? order by id limit""" + " " + PAGE, (rs, i) -> new Note(rs.getLong(1), rs.getString(2),
                    rs.getString(3), instant(rs, 4)), personId, personId, after);
            for (Note n : notes) {
                out.record("curatorNote", "text", n.comment(), "status", n.status(), "updatedAt", n.at());
                after = n.id();
            }
        } while (notes.size() == PAGE);
    }

    @Override
    public void erase(long personId, ErasureChoices choices) {
        if (choices.keepAnonymousStories()) {
            // Insiders knew the writer by name; the story now has no writer to know.
            jdbc.update("delete from story_insider where story_id in (select id from story where " + KEEPABLE + ")",
                    personId);
            jdbc.update("update story set writer_id = null, attempt_id = null, source = null, link = null where "
                    + KEEPABLE, personId);
        }
        // Everything else they wrote (story_insider rows go with their story).
        jdbc.update("delete from story where writer_id = ?", personId);
        // Their notes as a curator on others' stories are their words; the decision stays.
        jdbc.update("update story set curator_comment = null where reviewed_by_id = ? and curator_comment is not null",
                personId);
        jdbc.update("delete from story_insider where person_id = ?", personId);
    }

    /** Stored as UTC (hibernate.jdbc.time_zone), read the way the other features' queries read them. */
    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime at = rs.getObject(column, LocalDateTime.class);
        return at == null ? null : at.toInstant(ZoneOffset.UTC);
    }
}
