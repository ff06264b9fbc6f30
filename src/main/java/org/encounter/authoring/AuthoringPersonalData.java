package org.encounter.authoring;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.encounter.base.Languages;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.StoredText;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What authoring holds about a person: the modules they write and how they are credited, their comments on steps,
 * the review moves they made (with their notes), the co-author links they sent or used, the shares they made.
 *
 * <p>A module is co-designed work, published for learners: erasure keeps every module someone else still needs and
 * credits the person as they chose — the credit they set, or "a co-designer" when they ask
 * ({@link ErasureChoices#creditAsCoDesigner()}), in the module's own language (the credit line stands among the
 * module's words and is copied as it is into certificates, where a translation key would read as a key). A module
 * only they ever wrote that was never published goes, with everything in it.
 */
@Component
class AuthoringPersonalData implements PersonalData {

    static final int PAGE = 200;
    static final String CO_DESIGNER_KEY = "credit.co-designer";

    private final JdbcTemplate jdbc;
    private final PersonDirectory directory;
    private final ParsedVersions parsed;
    private final I18NProvider i18n;
    private final EntityManager entities;

    AuthoringPersonalData(JdbcTemplate jdbc, PersonDirectory directory, ParsedVersions parsed,
                          I18NProvider i18n, EntityManager entities) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.directory = directory;
        this.parsed = parsed;
        this.i18n = i18n;
    }

    @Override
    public String section() {
        return "authoring";
    }

    @Override
    public List<Holding> holdings() {
        String work = "Co-designed work, published for learners or written with co-authors: it stays, crediting the "
                + "person as they chose. A module only they wrote that was never published is deleted.";
        return List.of(
                Holding.of("module", work + " The owner's part passes to the longest-standing co-author.",
                        Treatment.KEPT, "owner_id", "title", "summary", "audience", "themes", "statement_1",
                        "statement_2", "statement_3"),
                Holding.codes("module", "status", "language", "cover_image_key"),
                Holding.of("module_author", "How each author is credited: the credit they set (their name, a "
                        + "pseudonym, a group's name) stays, or becomes \"a co-designer\" in the module's language "
                        + "when they ask.", Treatment.KEPT, "person_id", "credit", "owner"),
                Holding.of("module_step", work + " Who last edited a step is forgotten.", Treatment.KEPT, "heading",
                        "body", "video_url", "caption", "alt_text", "options", "updated_by_id"),
                Holding.codes("module_step", "type", "image_key"),
                Holding.of("module_version", "Published versions, frozen for the learners who take them; their "
                        + "credits follow the author's choice as module_author does. Who published one is a curator's "
                        + "decision on record.", Treatment.KEPT, "title", "content", "summary", "themes", "credits",
                        "published_by_id"),
                Holding.codes("module_version", "language"),
                Holding.of("module_transition", "The review history: who moved a module when stays on record; the "
                        + "note they wrote is blanked.", Treatment.ANONYMISED, "actor_id", "note"),
                Holding.codes("module_transition", "from_status", "to_status"),
                Holding.of("step_comment", "Comments on a module's steps between its authors and curators: the "
                        + "person's own are deleted; others' comments on their work stay.", Treatment.DELETED,
                        "author_id", "body"),
                Holding.of("coauthor_invitation", "Single-use co-author links (only a hash of each), who made and "
                        + "who used them.", Treatment.DELETED, "created_by_id", "used_by_id", "token_hash"),
                Holding.of("module_image", "Pictures in modules: work, not personal data; a deleted module's go "
                        + "with it.", Treatment.NOT_PERSONAL, "public_key", "media_type", "content"),
                Holding.of("module_share", "Which modules are shared with which partnership; who shared one is "
                        + "forgotten.", Treatment.ANONYMISED, "shared_by"));
    }

    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        modules(personId, out);
        comments(personId, out);
        transitions(personId, out);
        invitations(personId, out);
        shares(personId, out);
    }

    private void modules(long personId, PersonalExport out) throws IOException {
        for (long after = 0; ; ) {
            List<Object[]> page = jdbc.query("""
                    select m.id, m.title, m.status, a.credit, a.owner, m.created_at, a.added_at
                    from module_author a join module m on m.id = a.module_id
                    where a.person_id = ? and a.module_id > ? order by a.module_id limit ?""",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), instant(rs, 6), instant(rs, 7)}, personId, after, PAGE);
            for (Object[] r : page) {
                out.record("modules", "title", r[1], "status", r[2], "credit", r[3], "owner", r[4],
                        "createdAt", r[5], "addedAt", r[6]);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private void comments(long personId, PersonalExport out) throws IOException {
        for (long after = 0; ; ) {
            List<Object[]> page = jdbc.query("""
                    select c.id, m.title, s.heading, c.body, c.created_at from step_comment c
                    join module m on m.id = c.module_id left join module_step s on s.id = c.step_id
                    where c.author_id = ? and c.id > ? order by c.id limit ?""",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5)}, personId, after, PAGE);
            for (Object[] r : page) {
                out.record("stepComments", "module", r[1], "heading", r[2], "text", r[3], "createdAt", r[4]);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private void transitions(long personId, PersonalExport out) throws IOException {
        for (long after = 0; ; ) {
            List<Object[]> page = jdbc.query("""
                    select t.id, m.title, t.from_status, t.to_status, t.at, t.note from module_transition t
                    join module m on m.id = t.module_id where t.actor_id = ? and t.id > ? order by t.id limit ?""",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), rs.getString(6)}, personId, after, PAGE);
            for (Object[] r : page) {
                out.record("reviewSteps", "module", r[1], "fromStatus", r[2], "toStatus", r[3], "at", r[4],
                        "note", r[5]);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private void invitations(long personId, PersonalExport out) throws IOException {
        for (long after = 0; ; ) {
            List<Object[]> page = jdbc.query("""
                    select i.id, m.title, i.created_by_id = ?, i.used_by_id = ?, i.created_at, i.expires_at,
                    i.used_at from coauthor_invitation i join module m on m.id = i.module_id
                    where (i.created_by_id = ? or i.used_by_id = ?) and i.id > ? order by i.id limit ?""",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                            instant(rs, 5), instant(rs, 6), instant(rs, 7)},
                    personId, personId, personId, personId, after, PAGE);
            for (Object[] r : page) {
                out.record("coauthorLinks", "module", r[1], "sent", r[2], "used", r[3], "createdAt", r[4],
                        "expiresAt", r[5], "usedAt", r[6]);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    private void shares(long personId, PersonalExport out) throws IOException {
        for (long after = 0; ; ) {
            List<Object[]> page = jdbc.query("""
                    select s.id, m.title, s.shared_at, s.ended_at from module_share s join module m on m.id = s.module_id
                    where s.shared_by = ? and s.id > ? order by s.id limit ?""",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4)},
                    personId, after, PAGE);
            for (Object[] r : page) {
                out.record("moduleShares", "module", r[1], "sharedAt", r[2], "endedAt", r[3]);
            }
            if (page.size() < PAGE) {
                return;
            }
            after = (Long) page.getLast()[0];
        }
    }

    @Override
    public void erase(long personId, ErasureChoices choices) {
        // The names the person goes by, read before identity (which erases last) anonymises them.
        Set<String> names = new LinkedHashSet<>();
        directory.find(personId).map(PersonRef::displayName).ifPresent(names::add);
        directory.registered(personId).map(PersonDirectory.Registered::name).ifPresent(names::add);

        deleteModulesOnlyTheyWrote(personId);
        handOverOwnership(personId);
        credit(personId, names, choices.creditAsCoDesigner());

        jdbc.update("delete from step_comment where author_id = ?", personId);
        jdbc.update("update module_transition set note = null where actor_id = ? and note is not null", personId);
        jdbc.update("delete from coauthor_invitation where created_by_id = ? or used_by_id = ?", personId, personId);
        jdbc.update("update module_share set shared_by = null where shared_by = ?", personId);
        jdbc.update("update module_step set updated_by_id = null where updated_by_id = ?", personId);
    }

    /**
     * Modules nobody else writes and no learner holds (never published): deleted with their steps, comments, history,
     * links and shares (ON DELETE CASCADE, V2 and V21) and their pictures (stored apart, deleted here).
     */
    private void deleteModulesOnlyTheyWrote(long personId) {
        List<Long> alone = jdbc.queryForList("""
                select m.id from module m join module_author a on a.module_id = m.id and a.person_id = ?
                where m.latest_version_id is null
                and not exists (select 1 from module_version v where v.module_id = m.id)
                and not exists (select 1 from module_author o where o.module_id = m.id and o.person_id <> ?)""",
                Long.class, personId, personId);
        for (long moduleId : alone) {
            jdbc.update("delete from module_image where module_id = ?", moduleId);
            jdbc.update("delete from module where id = ?", moduleId);
        }
    }

    /** A module they own that others write too passes to the co-author who joined first, who can then run it. */
    private void handOverOwnership(long personId) {
        List<Long> owned = jdbc.queryForList("select id from module where owner_id = ?", Long.class, personId);
        for (long moduleId : owned) {
            List<Long> next = jdbc.queryForList("""
                    select person_id from module_author where module_id = ? and person_id <> ?
                    order by added_at, person_id limit 1""", Long.class, moduleId, personId);
            if (!next.isEmpty()) {
                jdbc.update("update module set owner_id = ? where id = ?", next.getFirst(), moduleId);
                jdbc.update("update module_author set owner = (person_id = ?) where module_id = ?", next.getFirst(),
                        moduleId);
            }
        }
    }

    /**
     * Credits the person as they chose on every module they still write, and makes the published versions of those
     * modules say the same: where a version credits them by an earlier credit or by their name, it now reads as the
     * credit they chose, or "a co-designer". One entry per version, the first that matches: two authors credited
     * alike ("the youth council") are two entries, and only one is theirs.
     */
    private void credit(long personId, Set<String> names, boolean asCoDesigner) {
        List<Object[]> rows = jdbc.query("""
                select a.module_id, a.credit, m.language from module_author a join module m on m.id = a.module_id
                where a.person_id = ?""", (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)},
                personId);
        boolean versionsChanged = false;
        for (Object[] row : rows) {
            long moduleId = (Long) row[0];
            String chosen = (String) row[1];
            String credit = asCoDesigner ? coDesigner((String) row[2]) : chosen;
            if (!credit.equals(chosen)) {
                jdbc.update("update module_author set credit = ? where module_id = ? and person_id = ?", credit,
                        moduleId, personId);
            }
            List<String> theirs = new ArrayList<>();
            theirs.add(chosen);
            theirs.addAll(names);
            versionsChanged |= recredit(moduleId, theirs, asCoDesigner ? null : credit);
        }
        if (versionsChanged) {
            forgetParsedVersions();
        }
    }

    /** Rewrites the credits of the module's versions; {@code credit} null means "a co-designer" in each one's language. */
    private boolean recredit(long moduleId, List<String> theirs, String credit) {
        List<Object[]> versions = jdbc.query("select id, language, content, credits from module_version where module_id = ?",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, moduleId);
        boolean changed = false;
        for (Object[] v : versions) {
            String replacement = credit != null ? credit : coDesigner((String) v[1]);
            JsonNode content = Publisher.JSON.readTree((String) v[2]);
            if (!(content instanceof ObjectNode snapshot) || !(snapshot.get("credits") instanceof ArrayNode credits)) {
                continue;
            }
            int at = -1;
            for (String candidate : theirs) {
                for (int i = 0; i < credits.size() && at < 0; i++) {
                    if (candidate != null && candidate.equals(credits.get(i).asString())) {
                        at = i;
                    }
                }
            }
            if (at < 0 || replacement.equals(credits.get(at).asString())) {
                continue;
            }
            credits.set(at, replacement);
            List<String> line = new ArrayList<>();
            credits.forEach(c -> line.add(c.asString()));
            jdbc.update("update module_version set content = ?, credits = ? where id = ?",
                    Publisher.JSON.writeValueAsString(snapshot),
                    v[3] == null ? null : StoredText.truncate(String.join(", ", line), 1000), v[0]);
            // The erasure's transaction may have read the version before: the next read takes the new credits.
            ModuleVersion read = entities.find(ModuleVersion.class, v[0]);
            if (read != null) {
                entities.detach(read);
            }
            changed = true;
        }
        return changed;
    }

    /** "a co-designer" in the module's language (English for a language the app does not speak). */
    String coDesigner(String language) {
        Locale locale = language != null && Languages.isSupported(language) ? Locale.of(language) : Locale.ENGLISH;
        return i18n.getTranslation(CO_DESIGNER_KEY, locale);
    }

    /**
     * The learners' reader keeps parsed versions: it forgets them now and again once the erasure's transaction ends,
     * so nobody reads a version cached in between with the old credits.
     */
    private void forgetParsedVersions() {
        parsed.forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    parsed.forget();
                }
            });
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
