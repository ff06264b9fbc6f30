package org.encounter.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.encounter.RecordingExport;
import org.encounter.ServiceTest;
import org.encounter.base.Audited;
import org.encounter.identity.CreatedInvitation;
import org.encounter.identity.InvitationService;
import org.encounter.identity.PersonService;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;
import org.encounter.learning.ImpactAnswered;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log: what the features report is recorded (only once their work commits), each admin reads their own
 * organisation's entries, the CSV holds what the filter shows, and the log is append-only twice over: the database
 * refuses to change or delete a row, and the hash chain names the first entry that was changed or removed anyway.
 */
class AuditLogTest extends ServiceTest {

    private static final String PASSWORD = "encounter-demo-2026";

    @Autowired AuditService audit;
    @Autowired AuditChain chain;
    @Autowired AuditPersonalData personalData;
    @Autowired PersonService people;
    @Autowired InvitationService invitations;
    @Autowired ApplicationEventPublisher events;
    @Autowired SecurityFilterChain securityFilterChain;
    @Autowired PlatformTransactionManager transactions;

    record Row(long id, Long actorId, String action, String targetType, String targetId, Long organisationId,
               String detail) {
    }

    private long lastId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_log", Long.class);
    }

    private List<Row> rowsAfter(long id) {
        return jdbc.query("select * from audit_log where id > ? order by id", (rs, i) -> new Row(rs.getLong("id"),
                rs.getObject("actor_id", Long.class), rs.getString("action"), rs.getString("target_type"),
                rs.getString("target_id"), rs.getObject("organisation_id", Long.class), rs.getString("detail")), id);
    }

    private long organisationOf(String who) {
        return jdbc.queryForObject("select organisation_id from person where id = ?", Long.class, personId(who));
    }

    /** The password check the sign-in form posts to, with its events, as the running app has it. */
    private void signIn(String email, String password) {
        var filter = securityFilterChain.getFilters().stream()
                .filter(f -> f instanceof UsernamePasswordAuthenticationFilter).findFirst().orElseThrow();
        AuthenticationManager manager = ReflectionTestUtils.invokeMethod(filter, "getAuthenticationManager");
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password));
    }

    @Test
    void sign_ins_and_failed_sign_ins_are_recorded_without_an_email_address_or_a_password() {
        long before = lastId();
        String stranger = "nobody-" + UUID.randomUUID() + "@example.org";
        try {
            assertThatThrownBy(() -> signIn(stranger, "a guessed password"))
                    .isInstanceOf(BadCredentialsException.class);
            assertThatThrownBy(() -> signIn("jussi" + DOMAIN, "not jussi's password"))
                    .isInstanceOf(BadCredentialsException.class);
            signIn("sanna" + DOMAIN, PASSWORD);
        } finally {
            jdbc.update("delete from sign_in_failure where email in (?, ?) and client = 'unknown'", stranger,
                    "jussi" + DOMAIN);
        }
        List<Row> rows = rowsAfter(before);
        assertThat(rows).containsExactly(
                new Row(before + 1, null, "sign-in-failed", "account", null, null, "wrong-password"),
                new Row(before + 2, null, "sign-in-failed", "person", Long.toString(personId("jussi")),
                        organisationOf("jussi"), "wrong-password"),
                new Row(before + 3, personId("sanna"), "sign-in", "person", Long.toString(personId("sanna")),
                        organisationOf("sanna"), null));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where detail like ? or target_id like '%@%'"
                + " or detail like '%guessed%' or detail like ? or detail like '%jussi%'", Integer.class,
                "%" + stranger + "%", "%" + PASSWORD + "%")).isZero();
    }

    @Test
    void a_role_change_is_recorded_once_it_commits_and_a_rolled_back_one_leaves_no_entry() {
        long sanna = personId("sanna");
        long before = lastId();
        PersonSummary was = as("admin", () -> people.get(sanna));
        Set<Role> more = EnumSet.copyOf(was.roles());
        more.add(Role.MANAGER);

        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        rolledBack.executeWithoutResult(status -> {
            as("admin", () -> people.update(sanna, was.displayName(), was.email(), more));
            status.setRollbackOnly();
        });
        assertThat(rowsAfter(before)).as("nothing was done, so nothing is recorded").isEmpty();

        try {
            as("admin", () -> people.update(sanna, was.displayName(), was.email(), more));
        } finally {
            as("admin", () -> people.update(sanna, was.displayName(), was.email(), was.roles()));
        }
        List<Row> rows = rowsAfter(before);
        assertThat(rows).hasSize(2);
        assertThat(rows.getFirst()).isEqualTo(new Row(before + 1, personId("admin"), "roles-changed", "person",
                Long.toString(sanna), organisationOf("sanna"), "from=LEARNER;to=LEARNER,MANAGER"));
        assertThat(rows.get(1).detail()).isEqualTo("from=LEARNER,MANAGER;to=LEARNER");
    }

    @Test
    void invitations_sent_and_revoked_are_recorded_without_the_names_or_notes_in_them() {
        long before = lastId();
        long organisation = organisationOf("riikka");
        CreatedInvitation created = as("riikka", () -> invitations.create(organisation, null, Set.of(Role.LEARNER),
                "Auditta Kutsuttu", "a private note about her"));
        as("riikka", () -> invitations.revoke(created.id()));
        List<Row> rows = rowsAfter(before);
        assertThat(rows).containsExactly(
                new Row(before + 1, personId("riikka"), "invitation-sent", "invitation", Long.toString(created.id()),
                        organisation, "roles=LEARNER"),
                new Row(before + 2, personId("riikka"), "invitation-revoked", "invitation",
                        Long.toString(created.id()), organisation, null));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where detail like '%Auditta%'"
                + " or detail like '%note%'", Integer.class)).isZero();
    }

    @Test
    void a_released_cohort_of_impact_figures_is_recorded_as_the_platforms_doing() {
        long module = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        List<Long> learners = jdbc.queryForList("select id from person where email like '%" + DOMAIN + "'"
                + " order by id limit 5", Long.class);
        long before = lastId();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> learners.forEach(learner ->
                    events.publishEvent(new ImpactAnswered(learner, module, Instant.now(), Map.of(0, 1), null))));
            List<Row> released = rowsAfter(before).stream().filter(r -> r.action().equals("impact-released")).toList();
            assertThat(released).isNotEmpty().allSatisfy(r -> {
                assertThat(r.actorId()).isNull();
                assertThat(r.targetType()).isEqualTo("module");
                assertThat(r.targetId()).isEqualTo(Long.toString(module));
                assertThat(r.detail()).contains("figures=0").contains("people=5");
            });
            assertThat(released).extracting(Row::detail).anyMatch(d -> d.startsWith("scope=everyone;"));
        } finally {
            // The draft has no answers in the demo world: leave it so.
            jdbc.update("delete from impact_waiting where module_id = ?", module);
            jdbc.update("delete from impact_released where module_id = ?", module);
            jdbc.update("delete from impact_released_organisation where module_id = ?", module);
        }
    }

    @Test
    void an_organisation_admin_reads_only_their_own_organisations_entries_and_the_platform_admin_reads_all() {
        String marker = "scope-" + UUID.randomUUID();
        long own = organisationOf("riikka");
        long other = organisationOf("ville");
        events.publishEvent(new Audited(null, "team-changed", "team", "1", own, marker));
        events.publishEvent(new Audited(null, "team-changed", "team", "2", other, marker));
        events.publishEvent(new Audited(null, "team-changed", "team", "3", null, marker));
        AuditFilter filter = new AuditFilter(null, null, "team-changed", null);

        List<AuditEntry> riikka = as("riikka", () -> audit.page(filter, 0, 500));
        assertThat(riikka).isNotEmpty().allSatisfy(e -> assertThat(e.organisationId()).isEqualTo(own));
        assertThat(riikka).filteredOn(e -> marker.equals(e.detail())).extracting(AuditEntry::targetId)
                .containsExactly("1");
        assertThat(as("riikka", () -> audit.count(filter))).isEqualTo(riikka.size());
        assertThat(as("ville", () -> audit.page(filter, 0, 500))).filteredOn(e -> marker.equals(e.detail()))
                .extracting(AuditEntry::targetId).containsExactly("2");
        assertThat(as("admin", () -> audit.page(filter, 0, 500))).filteredOn(e -> marker.equals(e.detail()))
                .extracting(AuditEntry::targetId).containsExactly("3", "2", "1");
        assertThatThrownBy(() -> as("sanna", () -> audit.page(filter, 0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("riikka", () -> audit.verifyChain())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_person_filter_finds_what_they_did_and_what_was_done_to_them_by_name() {
        long sanna = personId("sanna");
        long admin = personId("admin");
        long organisation = organisationOf("sanna");
        events.publishEvent(new Audited(sanna, "sign-in", "person", Long.toString(sanna), organisation, null));
        events.publishEvent(new Audited(admin, "account-disabled", "person", Long.toString(sanna), organisation,
                null));
        events.publishEvent(new Audited(admin, "account-disabled", "person", Long.toString(personId("jussi")),
                organisation, null));

        List<AuditEntry> found = as("admin", () -> audit.page(new AuditFilter(null, null, null, sanna), 0, 500));
        assertThat(found).isNotEmpty().allSatisfy(e -> assertThat(e.actorId() != null && e.actorId() == sanna
                || "person".equals(e.targetType()) && Long.toString(sanna).equals(e.targetId())).isTrue());
        AuditEntry disabled = found.stream().filter(e -> e.action().equals("account-disabled")).findFirst()
                .orElseThrow();
        assertThat(disabled.actorName()).isEqualTo("Helena Virtanen");
        assertThat(disabled.targetName()).isEqualTo("Sanna Nieminen");
        assertThat(disabled.organisationName()).isNotBlank();
    }

    @Test
    void the_csv_holds_the_filtered_entries_in_pages_with_formulas_neutralised() {
        String marker = "csv-" + UUID.randomUUID();
        long sanna = personId("sanna");
        events.publishEvent(new Audited(sanna, "team-changed", "team", "7", organisationOf("sanna"), "=1+1 " + marker));
        StringWriter csv = new StringWriter();
        as("admin", () -> audit.csv(new AuditFilter(null, null, "team-changed", null), Locale.ENGLISH, csv));
        String text = csv.toString();
        assertThat(text).startsWith("\uFEFF\"When (Europe/Helsinki)\",\"Actor id\",\"Who\",\"Action\"");
        assertThat(text).contains("\"Sanna Nieminen\",\"Team changed\",\"team-changed\",\"Team\",\"7\"")
                .contains("\"'=1+1 " + marker + "\"").doesNotContain("\"sign-in\"");
        StringWriter other = new StringWriter();
        as("ville", () -> audit.csv(new AuditFilter(null, null, "team-changed", null), Locale.ENGLISH, other));
        assertThat(other.toString()).doesNotContain(marker);
    }

    @Test
    void the_database_refuses_to_change_or_delete_an_entry() {
        events.publishEvent(new Audited(null, "team-changed", "team", "1", null, "refused"));
        long id = lastId();
        assertThatThrownBy(() -> jdbc.update("update audit_log set detail = 'changed' where id = ?", id))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where id = ?", id))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select detail from audit_log where id = ?", String.class, id))
                .isEqualTo("refused");
    }

    @Test
    void the_chain_names_the_entry_changed_or_removed_behind_the_triggers_back() {
        for (int i = 0; i < 3; i++) {
            events.publishEvent(new Audited(null, "team-changed", "team", "1", null, "chain " + i));
        }
        long last = lastId();
        long changed = last - 2;
        long removed = last - 1;
        assertThat(as("admin", () -> audit.verifyChain())).isEqualTo(new ChainStatus(true, last, null, false));
        String noUpdate = showTrigger("audit_log_no_update");
        String noDelete = showTrigger("audit_log_no_delete");
        jdbc.execute("drop trigger audit_log_no_update");
        jdbc.execute("drop trigger audit_log_no_delete");
        try {
            jdbc.update("update audit_log set detail = 'chain X' where id = ?", changed);
            assertThat(as("admin", () -> audit.verifyChain()))
                    .isEqualTo(new ChainStatus(false, changed - 1, changed, false));
            jdbc.update("update audit_log set detail = 'chain 0' where id = ?", changed);
            assertThat(chain.verify().intact()).isTrue();

            Map<String, Object> row = jdbc.queryForMap("select * from audit_log where id = ?", removed);
            jdbc.update("delete from audit_log where id = ?", removed);
            assertThat(as("admin", () -> audit.verifyChain()))
                    .isEqualTo(new ChainStatus(false, removed - 1, removed, true));
            jdbc.update("insert into audit_log (id, occurred_at, actor_id, action, target_type, target_id,"
                    + " organisation_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"), row.get("occurred_at"), row.get("actor_id"), row.get("action"),
                    row.get("target_type"), row.get("target_id"), row.get("organisation_id"), row.get("detail"),
                    row.get("prev_hash"), row.get("hash"));
            assertThat(chain.verify().intact()).isTrue();

            Map<String, Object> end = jdbc.queryForMap("select * from audit_log where id = ?", last);
            jdbc.update("delete from audit_log where id = ?", last);
            assertThat(chain.verify()).isEqualTo(new AuditChain.Check(false, last - 1, last,
                    AuditChain.Break.MISSING));
            jdbc.update("insert into audit_log (id, occurred_at, actor_id, action, target_type, target_id,"
                    + " organisation_id, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    end.get("id"), end.get("occurred_at"), end.get("actor_id"), end.get("action"),
                    end.get("target_type"), end.get("target_id"), end.get("organisation_id"), end.get("detail"),
                    end.get("prev_hash"), end.get("hash"));
        } finally {
            jdbc.execute(noUpdate);
            jdbc.execute(noDelete);
        }
        assertThat(chain.verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where id = ?", removed))
                .hasMessageContaining("append-only");
    }

    private String showTrigger(String name) {
        return jdbc.queryForObject("show create trigger " + name, (rs, i) -> rs.getString("SQL Original Statement"));
    }

    @Test
    void appends_from_many_threads_at_once_form_one_unbroken_chain() throws Exception {
        String action = "concurrency-" + UUID.randomUUID().toString().substring(0, 8);
        int threads = 8;
        int each = 70;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        events.publishEvent(new Audited(null, action, "team", thread + ":" + i, null, null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = ?", Integer.class, action))
                .isEqualTo(threads * each);
        assertThat(jdbc.queryForObject("select count(*) = max(id) from audit_log", Boolean.class))
                .as("ids run 1, 2, 3... without a gap").isTrue();
        assertThat(chain.verify().intact()).isTrue();
        // More than one page of CSV (500 entries a page), none lost or repeated between pages.
        StringWriter csv = new StringWriter();
        as("admin", () -> audit.csv(new AuditFilter(null, null, action, null), Locale.ENGLISH, csv));
        assertThat(csv.toString().lines().skip(1).distinct().count()).isEqualTo(threads * each);
    }

    @Test
    void a_persons_export_holds_what_they_did_and_what_was_done_to_them_and_nothing_of_others() throws Exception {
        long sanna = personId("sanna");
        long admin = personId("admin");
        long organisation = organisationOf("sanna");
        events.publishEvent(new Audited(admin, "roles-changed", "person", Long.toString(sanna), organisation,
                "from=LEARNER;to=LEARNER,MANAGER"));
        events.publishEvent(new Audited(sanna, "invitation-accepted", "invitation", "42", organisation,
                "person=" + sanna));
        events.publishEvent(new Audited(admin, "account-disabled", "person", Long.toString(personId("jussi")),
                organisation, null));
        RecordingExport export = new RecordingExport();
        personalData.export(sanna, export);
        List<Map<String, Object>> entries = export.of("auditEntry");
        int expected = jdbc.queryForObject("select count(*) from audit_log where actor_id = ?"
                + " or (target_type = 'person' and target_id = ?)", Integer.class, sanna, Long.toString(sanna));
        assertThat(entries).hasSize(expected).allSatisfy(e ->
                assertThat(e.keySet()).containsExactly("occurredAt", "action", "targetType"));
        assertThat(entries).extracting(e -> e.get("action")).contains("roles-changed", "invitation-accepted");
        assertThat(export.text()).doesNotContain("Helena").doesNotContain("from=").doesNotContain("person=");
    }
}
