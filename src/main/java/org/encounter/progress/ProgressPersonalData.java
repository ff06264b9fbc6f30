package org.encounter.progress;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.encounter.authoring.PublishedModule;
import org.encounter.authoring.PublishedModules;
import org.encounter.base.PersonalData;
import org.encounter.base.PersonalExport;
import org.encounter.base.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The impact release ({@link ImpactRelease}): a person's impact answers waiting to be counted are theirs, exported and
 * erased with them; released sums hold no one and stay (taking an answer out of one would change a figure already
 * shown, and tell what that answer was).
 */
@Component
class ProgressPersonalData implements PersonalData {

    private static final int PAGE = 200;

    private record Waiting(long id, long scope, long moduleId, int figure, Instant answeredAt, int value) {
    }

    private final JdbcTemplate jdbc;
    private final PublishedModules published;

    ProgressPersonalData(JdbcTemplate jdbc, PublishedModules published) {
        this.jdbc = jdbc;
        this.published = published;
    }

    @Override
    public String section() {
        return "progress";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(
                Holding.of("impact_waiting", "a learner's impact answers (change on a statement, tried the action) "
                        + "waiting for a cohort of five before they are counted", Treatment.DELETED, "learner_id",
                        "value", "answered_at"),
                Holding.of("impact_released", "released impact figures: how many people and the sum of their "
                        + "answers, in whole cohorts of five; no one's answer can be told from them", Treatment.KEPT,
                        "people", "value_sum"),
                Holding.of("impact_released_organisation", "each organisation's sum of its released impact cohorts; "
                        + "no one's answer can be told from them", Treatment.KEPT, "people", "value_sum"));
    }

    /** Each waiting answer, once per figure it waits in (everyone's, and their team's or organisation's). */
    @Override
    public void export(long personId, PersonalExport out) throws IOException {
        long after = 0;
        List<Waiting> page;
        do {
            page = jdbc.query("""
                    select id, scope_team_id, module_id, figure, answered_at, value from impact_waiting
                    where learner_id = ? and id > ? order by id limit""" + " " + PAGE, (rs, i) -> new Waiting(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                    rs.getObject(5, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt(6)), personId, after);
            Set<Long> ids = new HashSet<>();
            page.forEach(w -> ids.add(w.moduleId()));
            Map<Long, PublishedModule> modules = ids.isEmpty() ? Map.of()
                    : SystemAccess.run(() -> published.latest(ids));
            for (Waiting w : page) {
                PublishedModule module = modules.get(w.moduleId());
                String statement = module == null || w.figure() < 0 || w.figure() >= module.statements().size() ? null
                        : module.statements().get(w.figure());
                out.record("impactWaiting", "module", module == null ? null : module.title(),
                        "figure", w.figure() == ImpactRelease.TRIED ? "tried" : "impact", "statement", statement,
                        "value", w.value(), "scope", w.scope() == ImpactRelease.EVERYONE ? "everyone"
                                : w.scope() > 0 ? "team" : "organisation", "answeredAt", w.answeredAt());
                after = w.id();
            }
        } while (page.size() == PAGE);
    }

    /**
     * Their waiting answers go; released sums stay as they are. A queue one short simply waits for one more answer:
     * nothing released before changes.
     */
    @Override
    public void erase(long personId, ErasureChoices choices) {
        jdbc.update("delete from impact_waiting where learner_id = ?", personId);
    }
}
