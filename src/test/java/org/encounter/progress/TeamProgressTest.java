package org.encounter.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.encounter.ServiceTest;
import org.encounter.TestClock;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.certificates.CertificateFacts;
import org.encounter.learning.AssignmentService;
import org.encounter.learning.LearningFacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * Team progress on the demo world's year of learning (a fresh database per run): scoping to the manager's own
 * teams, the status rules, the five-answer rule, exports parsed back, and no private text anywhere.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
public class TeamProgressTest extends ServiceTest {

    /** Words learners wrote in the demo world; none may reach a manager, and only shared ones an author. */
    public static final List<String> PRIVATE = List.of("I thought about the last young person", "Ask first, then listen",
            "I asked first.", "They told me more than I expected", "Listening takes less time", "Walk the route");

    @Autowired TeamProgressService progress;
    @Autowired ImpactService impact;
    @Autowired OrganisationProgressService organisation;
    @Autowired AssignmentService assigning;
    @Autowired LearningFacts facts;
    @Autowired CertificateFacts certificateFacts;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long youth() {
        return jdbc.queryForObject("select id from team where name = 'Youth Services'", Long.class);
    }

    long policing() {
        return jdbc.queryForObject("select id from team where name = 'Community Policing'", Long.class);
    }

    long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    CellStatus status(TeamProgress p, String who, String module) {
        return p.cell(personId(who), module(module)).map(Cell::status).orElse(null);
    }

    @Test
    void a_manager_sees_only_their_own_teams_whatever_id_they_ask_for() {
        assertThat(as("mikko", () -> progress.myTeams())).extracting(TeamProgressService.TeamRef::name)
                .containsExactly("Youth Services");
        long other = policing();
        assertThatThrownBy(() -> as("mikko", () -> progress.progress(other, ProgressFilter.ALL)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("mikko", () -> progress.charts(other))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("mikko", () -> progress.assignments(other))).isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("mikko", () -> progress.matrixCsv(other, ProgressFilter.ALL, Locale.ENGLISH)))
                .isInstanceOf(RecordNotFound.class);
        assertThatThrownBy(() -> as("mikko", () -> impact.forTeam(other))).isInstanceOf(RecordNotFound.class);
        // One layer down, the facts refuse people the manager does not manage, even mixed with their own.
        List<Long> mixed = List.of(personId("sanna"), personId("olga"));
        assertThatThrownBy(() -> as("mikko", () -> facts.attempts(mixed))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("mikko", () -> certificateFacts.held(mixed))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("mikko", () -> assigning.assign(module("See the whole person"),
                List.of(personId("olga")), LocalDate.now(clock).plusDays(7)))).isInstanceOf(AccessDeniedException.class);
        // Learners and authors are not managers at all; organisation-wide figures are for admins.
        assertThatThrownBy(() -> as("sanna", () -> progress.myTeams())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("emma", () -> facts.attempts(List.of(personId("sanna")))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("mikko", () -> organisation.overview())).isInstanceOf(AccessDeniedException.class);
        assertThat(as("fiona", () -> progress.progress(policing(), ProgressFilter.ALL)).members())
                .extracting(org.encounter.identity.PersonRef::displayName)
                .containsExactlyInAnyOrder("Ahmed Hassan", "Callum Reid", "Ольга Петрова", "Zoë Nic Dhòmhnaill");
    }

    @Test
    void each_cell_follows_the_status_rules() {
        TeamProgress youth = as("mikko", () -> progress.progress(youth(), ProgressFilter.ALL));
        assertThat(status(youth, "sanna", "See the whole person")).isEqualTo(CellStatus.COMPLETED);
        assertThat(status(youth, "asa", "See the whole person")).isEqualTo(CellStatus.OVERDUE);
        assertThat(status(youth, "leo", "Walk in another's shoes")).isEqualTo(CellStatus.AWAITING_REPORT_BACK);
        assertThat(status(youth, "jussi", "Walk in another's shoes")).isEqualTo(CellStatus.NOT_STARTED);
        assertThat(status(youth, "sanna", "When our assumptions came tumbling down")).isEqualTo(CellStatus.EXPIRING);
        assertThat(youth.cell(personId("sanna"), module("When our assumptions came tumbling down")).orElseThrow()
                .validUntil()).isNotNull();
        assertThat(youth.totalsByModule().get(module("See the whole person")))
                .containsEntry(CellStatus.COMPLETED, 5).containsEntry(CellStatus.OVERDUE, 1);
        assertThat(youth.totalsByMember().get(personId("sanna")))
                .containsEntry(CellStatus.COMPLETED, 1).containsEntry(CellStatus.EXPIRING, 1);

        TeamProgress policing = as("fiona", () -> progress.progress(policing(), ProgressFilter.ALL));
        String refresher = "When our assumptions came tumbling down";
        assertThat(status(policing, "olga", refresher)).isEqualTo(CellStatus.EXPIRED);
        assertThat(status(policing, "zoe", refresher)).isEqualTo(CellStatus.OVERDUE);
        assertThat(status(policing, "ahmed", refresher)).isEqualTo(CellStatus.IN_PROGRESS);
        assertThat(status(policing, "callum", refresher)).isEqualTo(CellStatus.COMPLETED);

        // Three weeks on, Jussi's and Leo's assignments are past due (Leo's report back is still open); the
        // filter finds exactly the overdue.
        clock.advance(Duration.ofDays(21));
        TeamProgress overdue = as("mikko", () -> progress.progress(youth(), new ProgressFilter(null, CellStatus.OVERDUE,
                null, null)));
        assertThat(overdue.members()).extracting(org.encounter.identity.PersonRef::displayName)
                .containsExactlyInAnyOrder("Åsa Öberg", "Jussi Korhonen", "Leo Mäkinen");
        assertThat(overdue.allCells()).allMatch(c -> c.status() == CellStatus.OVERDUE).hasSize(3);
    }

    @Test
    void filters_narrow_by_module_and_dates_and_refuse_backward_or_absurd_ranges() {
        long whole = module("See the whole person");
        TeamProgress one = as("mikko", () -> progress.progress(youth(), new ProgressFilter(whole, null, null, null)));
        assertThat(one.modules()).extracting(TeamProgress.ModuleColumn::title).containsExactly("See the whole person");
        assertThat(one.members()).hasSize(6);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki")));
        TeamProgress recent = as("mikko", () -> progress.progress(youth(), new ProgressFilter(whole,
                CellStatus.COMPLETED, today.minusDays(30), today)));
        assertThat(recent.members()).extracting(org.encounter.identity.PersonRef::displayName)
                .containsExactlyInAnyOrder("Tuula Heikkinen", "Kaisa Salo");

        assertThatThrownBy(() -> as("mikko", () -> progress.progress(youth(), new ProgressFilter(null, null, today,
                today.minusDays(1))))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("progress.range-backwards"));
        assertThatThrownBy(() -> as("mikko", () -> progress.progress(youth(), new ProgressFilter(null, null,
                today.minusYears(30), today)))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors().getFirst().messageKey()).isEqualTo("progress.range-absurd"));
        assertThatThrownBy(() -> as("mikko", () -> progress.certificationsCsv(youth(), today, today.minusDays(1),
                Locale.ENGLISH))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> as("mikko", () -> progress.certificationsCsv(youth(), null, today, Locale.ENGLISH)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void impact_is_shown_only_from_released_cohorts_of_five() {
        List<ModuleImpact> youth = as("mikko", () -> impact.forTeam(youth()));
        ModuleImpact whole = youth.stream().filter(m -> m.title().equals("See the whole person")).findFirst().orElseThrow();
        // Sanna +2/+1, Jussi +1/+2, Leo +1/+2, Tuula +2/+1, Kaisa +2/+1: one cohort, released. Callum (another
        // team, +1/+1) answered after them: his answer waits in everyone's figures for four more.
        assertThat(whole.statements().get(0).team()).isEqualTo(new ModuleImpact.Figure(5, 1.6, 0));
        assertThat(whole.statements().get(1).team().value()).isCloseTo(1.4, within(0.001));
        assertThat(whole.statements().get(0).everyone()).isEqualTo(new ModuleImpact.Figure(5, 1.6, 1));
        assertThat(whole.teamTried().people()).isEqualTo(5);
        assertThat(whole.teamTried().value()).isCloseTo(0.8, within(0.001));
        assertThat(whole.everyoneTried().waiting()).isEqualTo(1);
        // One person from the team took the refresher: no figure, only how many wait.
        ModuleImpact refresher = youth.stream().filter(m -> m.title().startsWith("When our")).findFirst().orElseThrow();
        assertThat(refresher.statements().getFirst().team()).isEqualTo(new ModuleImpact.Figure(0, null, 1));
        assertThat(refresher.statements().getFirst().everyone()).isEqualTo(new ModuleImpact.Figure(0, null, 3));
        assertThat(refresher.teamTried().shown()).isFalse();

        // Community policing has four members: nothing of theirs is ever shown as a team figure.
        assertThat(as("fiona", () -> impact.forTeam(policing()))).allSatisfy(m -> {
            assertThat(m.teamTried().shown()).isFalse();
            assertThat(m.statements()).allSatisfy(s -> assertThat(s.team().shown()).isFalse());
        });
        // Authors see everyone's figures for their own modules only.
        assertThat(as("emma", () -> impact.forMyModules())).extracting(ModuleImpact::title)
                .containsExactly("See the whole person", "Walk in another's shoes");
        assertThat(as("noor", () -> impact.forMyModules())).extracting(ModuleImpact::title)
                .doesNotContain("See the whole person");
        assertThat(as("emma", () -> impact.forMyModules()).getFirst().statements().getFirst().everyone().value())
                .isCloseTo(1.6, within(0.001));
    }

    @Test
    void exports_parse_back_with_names_intact() {
        byte[] bytes = as("mikko", () -> progress.matrixCsv(youth(), ProgressFilter.ALL, Locale.ENGLISH));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactly("Member", "Email", "Team", "Module", "Status", "Started",
                "Completed", "Due", "Valid until");
        assertThat(rows).contains(List.of("Åsa Öberg", "asa" + DOMAIN, "Youth Services", "See the whole person",
                "Overdue", rows.stream().filter(r -> r.getFirst().equals("Åsa Öberg")).findFirst().orElseThrow().get(5),
                "", LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).minusDays(5).toString(), ""));
        assertThat(rows.stream().filter(r -> r.getFirst().equals("Sanna Nieminen")).map(r -> r.get(4)))
                .containsExactlyInAnyOrder("Completed", "Certificate expiring");

        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki")));
        byte[] certs = as("mikko", () -> progress.certificationsCsv(youth(), today.minusYears(2), today, Locale.ENGLISH));
        List<List<String>> certRows = parse(new String(certs, 3, certs.length - 3, StandardCharsets.UTF_8));
        assertThat(certRows.getFirst()).containsExactly("Member", "Email", "Team", "Module", "Version", "Completed",
                "Valid until", "Verification code");
        assertThat(certRows.subList(1, certRows.size())).extracting(r -> r.get(1)).containsExactlyInAnyOrder(
                "sanna" + DOMAIN, "sanna" + DOMAIN, "jussi" + DOMAIN, "leo" + DOMAIN, "tuula" + DOMAIN, "kaisa" + DOMAIN);
        assertThat(certRows).noneMatch(r -> r.contains("olga" + DOMAIN));
        byte[] finnish = as("mikko", () -> progress.matrixCsv(youth(), ProgressFilter.ALL, Locale.of("fi")));
        assertThat(new String(finnish, StandardCharsets.UTF_8)).contains("\"Jäsen\"", "\"Myöhässä\"");
    }

    @Test
    void nothing_a_learner_wrote_reaches_a_manager_and_only_what_was_shared_reaches_an_author() {
        long team = youth();
        StringBuilder seen = new StringBuilder();
        as("mikko", () -> {
            seen.append(progress.progress(team, ProgressFilter.ALL)).append(progress.charts(team))
                    .append(progress.assignments(team)).append(impact.forTeam(team))
                    .append(new String(progress.matrixCsv(team, ProgressFilter.ALL, Locale.ENGLISH), StandardCharsets.UTF_8))
                    .append(facts.attempts(progress.members(team).stream().map(org.encounter.identity.PersonRef::id).toList()));
        });
        as("admin", () -> seen.append(organisation.overview()).append(impact.everywhere()));
        as("emma", () -> seen.append(impact.forMyModules()));
        assertThat(seen.toString()).contains("Åsa Öberg", "See the whole person");
        PRIVATE.forEach(text -> assertThat(seen.toString()).doesNotContain(text));
    }

    @Test
    void a_manager_assigns_changes_and_withdraws_and_the_member_is_told() {
        long shoes = module("Walk in another's shoes");
        long asa = personId("asa");
        LocalDate due = LocalDate.now(clock.withZone(ZoneId.of("Europe/Helsinki"))).plusDays(10);
        long id = as("mikko", () -> assigning.assign(shoes, List.of(asa), due)).getFirst();
        assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and ref = ?",
                Integer.class, asa, "assignment:" + id)).isEqualTo(1);
        TeamProgress p = as("mikko", () -> progress.progress(youth(), ProgressFilter.ALL));
        assertThat(p.cell(asa, shoes).orElseThrow().status()).isEqualTo(CellStatus.NOT_STARTED);
        as("mikko", () -> assigning.changeDue(id, due.plusDays(5)));
        assertThat(as("mikko", () -> progress.assignments(youth()))).anyMatch(a -> a.id() == id
                && a.dueDate().equals(due.plusDays(5)));
        as("mikko", () -> assigning.withdraw(id));
        assertThat(as("mikko", () -> progress.progress(youth(), ProgressFilter.ALL)).cell(asa, shoes)).isEmpty();
        assertThatThrownBy(() -> as("fiona", () -> assigning.withdraw(id))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admin_sees_organisation_wide_figures() {
        OrganisationProgressService.Overview o = as("admin", () -> organisation.overview());
        assertThat(o.months()).hasSize(12);
        assertThat(o.completions().stream().mapToLong(Long::longValue).sum()).isGreaterThanOrEqualTo(6);
        assertThat(o.overdue()).isGreaterThanOrEqualTo(2);
        assertThat(o.certificates().expiring()).isGreaterThanOrEqualTo(1);
        assertThat(o.certificates().expired()).isGreaterThanOrEqualTo(1);
    }

    /** A strict RFC 4180 reader: quoted fields, doubled quotes, CRLF rows. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows;
    }
}
