package org.encounter.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.SystemAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A learner's impact answers waiting for their cohort are theirs: exported, and erased with them; what has been
 * released stays exactly as it was. Rolled back.
 */
class ProgressPersonalDataTest extends ServiceTest {

    @Autowired ProgressPersonalData data;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void waiting_answers_are_exported_and_erased_and_released_figures_never_change() throws Exception {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            long leo = personId("leo");
            long sanna = personId("sanna");
            long module = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
            long team = jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
            // As completing queues them (ImpactRelease): everyone's scope and the team's, a change and "tried it".
            for (long scope : List.of(0L, team)) {
                waiting(scope, module, 0, leo, 2);
                waiting(scope, module, ImpactRelease.TRIED, leo, 1);
                waiting(scope, module, 0, sanna, 1);
            }
            jdbc.update("""
                    insert into impact_released (scope_team_id, module_id, figure, people, value_sum)
                    values (0, ?, 0, 5, 7) on duplicate key update people = people + 5, value_sum = value_sum + 7""",
                    module);
            int leosBefore = count(leo);
            List<Map<String, Object>> released = released();

            RecordingExport export = new RecordingExport();
            try {
                data.export(leo, export);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            List<Map<String, Object>> answers = export.of("impactWaiting");
            assertThat(answers).hasSize(leosBefore);
            assertThat(answers).filteredOn(a -> "See the whole person".equals(a.get("module")))
                    .extracting(a -> a.get("figure") + "/" + a.get("scope") + "/" + a.get("value"))
                    .contains("impact/everyone/2", "impact/team/2", "tried/everyone/1", "tried/team/1");
            assertThat(answers).filteredOn(a -> "impact".equals(a.get("figure"))
                            && "See the whole person".equals(a.get("module")))
                    .allSatisfy(a -> assertThat(a.get("statement")).isNotNull());
            assertThat(answers).allSatisfy(a -> assertThat(a.get("answeredAt")).isInstanceOf(java.time.Instant.class));

            int sannasBefore = count(sanna);
            SystemAccess.run(() -> {
                data.erase(leo, new ErasureChoices(false, false, false));
                data.erase(leo, new ErasureChoices(false, false, false));
                return null;
            });
            assertThat(count(leo)).isZero();
            assertThat(count(sanna)).isEqualTo(sannasBefore);
            assertThat(released()).isEqualTo(released);
        });
    }

    private void waiting(long scope, long module, int figure, long learner, int value) {
        jdbc.update("""
                insert into impact_waiting (scope_team_id, module_id, figure, learner_id, answered_at, value)
                values (?, ?, ?, ?, current_timestamp(6), ?)""", scope, module, figure, learner, value);
    }

    private int count(long learner) {
        return jdbc.queryForObject("select count(*) from impact_waiting where learner_id = ?", Integer.class, learner);
    }

    private List<Map<String, Object>> released() {
        return jdbc.queryForList("""
                select 'scope' as kind, scope_team_id as id, module_id, figure, people, value_sum from impact_released
                union all select 'organisation', organisation_id, module_id, figure, people, value_sum
                from impact_released_organisation order by 1, 2, 3, 4""");
    }
}
