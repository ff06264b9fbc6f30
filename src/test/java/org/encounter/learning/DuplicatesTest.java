package org.encounter.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A double click (two requests at the same moment) never leaves two open attempts of one module for one learner,
 * nor two live assignments of one module to one person: the database refuses the second row, and the services
 * land on the one there is (a learner) or say it is already assigned (a manager).
 */
class DuplicatesTest extends ServiceTest {

    static final int ROUNDS = 25;

    @Autowired LearningService learning;
    @Autowired AssignmentService assignments;

    long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Helsinki"));
    }

    /** Runs the two calls at the same moment, each on its own thread; returns what each returned or threw. */
    List<Object> together(Callable<Object> first, Callable<Object> second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> call : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    int openAttempts(long learner, long module) {
        return jdbc.queryForObject("select count(*) from attempt where learner_id = ? and module_id = ?"
                + " and status <> 'COMPLETED'", Integer.class, learner, module);
    }

    @Test
    void a_double_click_on_start_opens_one_attempt_and_both_clicks_land_on_it() throws Exception {
        long shoes = module("Walk in another's shoes");
        long callum = personId("callum");
        try {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("delete from attempt where learner_id = ? and module_id = ?", callum, shoes);
                List<Object> ids = together(() -> as("callum", () -> learning.start(shoes)),
                        () -> as("callum", () -> learning.start(shoes)));
                assertThat(openAttempts(callum, shoes)).as("open attempts after round " + round).isEqualTo(1);
                assertThat(ids).as("what both clicks got in round " + round).allMatch(Long.class::isInstance)
                        .containsOnly(ids.getFirst());
            }
        } finally {
            jdbc.update("delete from attempt where learner_id = ? and module_id = ?", callum, shoes);
        }
    }

    /**
     * Three clicks: the first request's insert holds the row's key, the two later clicks wait behind it, and then the
     * first fails and is rolled back. InnoDB lets both waiting inserts on at once and makes one of them a deadlock
     * victim. Returns what each later click returned or threw.
     */
    List<Object> behindAFailedFirst(String firstInsert, Object[] args, Callable<Object> click) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (java.sql.Connection first = jdbc.getDataSource().getConnection()) {
            first.setAutoCommit(false);
            try (var insert = first.prepareStatement(firstInsert)) {
                for (int i = 0; i < args.length; i++) {
                    insert.setObject(i + 1, args[i]);
                }
                insert.executeUpdate();
            }
            List<Future<Object>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(pool.submit(() -> {
                    try {
                        return click.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            // Both wait on the first request's key (one second is ample for two inserts to reach the lock).
            Thread.sleep(1_000);
            assertThat(clicks).noneMatch(Future::isDone);
            first.rollback();
            List<Object> results = new ArrayList<>();
            for (Future<Object> later : clicks) {
                results.add(later.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void when_the_first_of_three_clicks_on_start_fails_the_other_two_still_land_on_one_attempt() throws Exception {
        long shoes = module("Walk in another's shoes");
        long callum = personId("callum");
        long version = jdbc.queryForObject("select max(id) from module_version where module_id = ?", Long.class, shoes);
        jdbc.update("delete from attempt where learner_id = ? and module_id = ?", callum, shoes);
        try {
            List<Object> ids = behindAFailedFirst("""
                    insert into attempt (learner_id, module_id, version_id, status, step_count, started_at,
                        last_activity_at) values (?, ?, ?, 'IN_PROGRESS', 7, now(6), now(6))""",
                    new Object[] {callum, shoes, version}, () -> as("callum", () -> learning.start(shoes)));
            assertThat(ids).as("what both later clicks got").allMatch(Long.class::isInstance).containsOnly(ids.getFirst());
            assertThat(openAttempts(callum, shoes)).isEqualTo(1);
        } finally {
            jdbc.update("delete from attempt where learner_id = ? and module_id = ?", callum, shoes);
        }
    }

    @Test
    void when_the_first_of_three_clicks_on_assign_fails_one_assigns_and_the_other_is_told_it_is_already_assigned()
            throws Exception {
        long shoes = module("Walk in another's shoes");
        long leo = personId("leo");
        long mikko = personId("mikko");
        jdbc.update("update assignment set withdrawn_at = now(6) where learner_id = ? and module_id = ?", leo, shoes);
        LocalDate due = today().plusDays(10);
        try {
            List<Object> results = behindAFailedFirst("""
                    insert into assignment (learner_id, module_id, assigned_by_id, due_date, created_at)
                    values (?, ?, ?, ?, now(6))""", new Object[] {leo, shoes, mikko, due},
                    () -> as("mikko", () -> assignments.assign(shoes, List.of(leo), due)));
            assertThat(liveAssignments(leo, shoes)).isEqualTo(1);
            assertThat(results).as("%s", results).filteredOn(List.class::isInstance).hasSize(1);
            assertThat(results).as("%s", results).filteredOn(InvalidInputException.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().messageKey())
                            .isEqualTo("learning.already-assigned"));
        } finally {
            jdbc.update("update assignment set withdrawn_at = now(6) where learner_id = ? and module_id = ?", leo, shoes);
        }
    }

    @Test
    void the_database_refuses_a_second_open_attempt_but_keeps_any_number_of_completed_ones() {
        long shoes = module("Walk in another's shoes");
        long callum = personId("callum");
        long open = as("callum", () -> learning.start(shoes));
        try {
            String copy = """
                    insert into attempt (learner_id, module_id, version_id, status, step_count, started_at,
                        last_activity_at, completed_at)
                    select learner_id, module_id, version_id, ?, step_count, started_at, last_activity_at, now(6)
                    from attempt where id = ?""";
            assertThatThrownBy(() -> jdbc.update(copy, "IN_PROGRESS", open)).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.update(copy, "AWAITING_REPORT_BACK", open))
                    .isInstanceOf(DataIntegrityViolationException.class);
            jdbc.update(copy, "COMPLETED", open);
            jdbc.update(copy, "COMPLETED", open);
            assertThat(openAttempts(callum, shoes)).isEqualTo(1);
        } finally {
            jdbc.update("delete from attempt where learner_id = ? and module_id = ?", callum, shoes);
        }
    }

    int liveAssignments(long learner, long module) {
        return jdbc.queryForObject("select count(*) from assignment where learner_id = ? and module_id = ?"
                + " and withdrawn_at is null", Integer.class, learner, module);
    }

    @Test
    void a_double_click_on_assign_makes_one_assignment_and_the_other_click_is_told_it_is_already_assigned()
            throws Exception {
        long shoes = module("Walk in another's shoes");
        long leo = personId("leo");
        try {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("update assignment set withdrawn_at = now(6) where learner_id = ? and module_id = ?",
                        leo, shoes);
                LocalDate due = today().plusDays(10);
                List<Object> results = together(() -> as("mikko", () -> assignments.assign(shoes, List.of(leo), due)),
                        () -> as("mikko", () -> assignments.assign(shoes, List.of(leo), due)));
                assertThat(liveAssignments(leo, shoes)).as("live assignments after round " + round).isEqualTo(1);
                assertThat(results).as("round " + round).filteredOn(List.class::isInstance).hasSize(1);
                assertThat(results).as("round %d: %s", round, results).filteredOn(InvalidInputException.class::isInstance)
                        .singleElement().satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst()
                                .messageKey()).isEqualTo("learning.already-assigned"));
            }
        } finally {
            jdbc.update("update assignment set withdrawn_at = now(6) where learner_id = ? and module_id = ?", leo, shoes);
        }
    }

    @Test
    void assigning_a_module_someone_already_has_names_them_and_assigns_nobody() {
        long shoes = module("Walk in another's shoes");
        long leo = personId("leo");
        long asa = personId("asa");
        long first = as("mikko", () -> assignments.assign(shoes, List.of(leo), today().plusDays(10))).getFirst();
        try {
            assertThatThrownBy(() -> as("mikko", () -> assignments.assign(shoes, List.of(asa, leo), today().plusDays(20))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("learners");
                            assertThat(error.messageKey()).isEqualTo("learning.already-assigned");
                            assertThat(error.args()).contains(jdbc.queryForObject(
                                    "select display_name from person where id = ?", String.class, leo));
                        });
                    });
            assertThat(liveAssignments(asa, shoes)).isZero();
            assertThat(liveAssignments(leo, shoes)).isEqualTo(1);
            // Once withdrawn, it may be assigned again; the withdrawn one stays as history.
            as("mikko", () -> assignments.withdraw(first));
            as("mikko", () -> assignments.assign(shoes, List.of(leo), today().plusDays(20)));
            assertThat(liveAssignments(leo, shoes)).isEqualTo(1);
            assertThatThrownBy(() -> jdbc.update("""
                    insert into assignment (learner_id, module_id, assigned_by_id, due_date, created_at)
                    select learner_id, module_id, assigned_by_id, due_date, now(6) from assignment
                    where learner_id = ? and module_id = ? and withdrawn_at is null""", leo, shoes))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.update("update assignment set withdrawn_at = now(6) where module_id = ? and learner_id in (?, ?)",
                    shoes, leo, asa);
        }
    }
}
