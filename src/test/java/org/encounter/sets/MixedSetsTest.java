package org.encounter.sets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.encounter.ServiceTest;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.learning.Commitments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Mixed sets: a facilitator brings together people of their organisation and its partners in One Aurajoki (Elina and
 * Matti of the wellbeing services county beside the city's people). Members see each other's names and shared
 * commitments, nothing of each other's organisations; nobody from outside the partnership gets in, not even by id.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class MixedSetsTest extends ServiceTest {

    private static final String ASSUMPTIONS = "When our assumptions came tumbling down";
    private static final String WELLBEING = "Aurajoki Wellbeing Services County";
    private static final String CITY = "City of Aurajoki Youth and Community Services";

    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired Commitments commitments;
    @Autowired PersonDirectory directory;

    long module(String title) {
        return jdbc.queryForObject("select id from module where title = ?", Long.class, title);
    }

    SetService.Form form(String name, String module, List<String> members, String co) {
        return new SetService.Form(name, module(module), members.stream().map(this::personId).toList(),
                co == null ? null : personId(co), List.of(SetsTest.meeting(9, 15, 90, "Wellbeing centre, room 1")));
    }

    long mixedSet() {
        return as("tuula", () -> sets.create(form("Mixed set " + System.nanoTime(), ASSUMPTIONS,
                List.of("sanna", "callum", "elina", "matti"), null)));
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    static List<String> keys(Throwable e) {
        return ((InvalidInputException) e).errors().stream().map(er -> er.messageKey()).toList();
    }

    @Test
    void a_facilitator_builds_a_set_with_members_of_partner_organisations_who_see_each_others_names_and_commitments() {
        // The set pickers reach the partner organisations; the co-author picker stays with the own organisation.
        assertThat(as("tuula", () -> directory.pickableAcrossPartners("Elina", Role.LEARNER, 20)))
                .extracting(PersonRef::displayName).containsExactly("Elina Lindholm");
        assertThat(as("tuula", () -> directory.pickable("Elina", Role.LEARNER, 20))).isEmpty();

        long id = mixedSet();
        SetService.Detail seenByElina = as("elina", () -> sets.detail(id));
        assertThat(seenByElina.part()).isEqualTo(SetService.Part.MEMBER);
        assertThat(seenByElina.facilitator().displayName()).isEqualTo("Tuula Heikkinen");
        assertThat(seenByElina.members()).extracting(PersonRef::displayName)
                .containsExactly("Callum Reid", "Elina Lindholm", "Matti Koskinen", "Sanna Nieminen");
        assertThat(as("matti", () -> sets.mine())).anyMatch(s -> s.id() == id);
        assertThat(jdbc.queryForObject("select count(*) from notification n join person p on p.id = n.person_id"
                + " where p.email = ? and n.kind = 'set-member' and n.link = ?", Integer.class, "elina" + DOMAIN,
                "sets/" + id)).isEqualTo(1);

        // Callum of the city shares his commitment; Elina of the county reads it, as any member does.
        as("callum", () -> sets.share(id, as("callum", () -> sets.consent(id)).audience().stream()
                .map(PersonRef::id).toList()));
        assertThat(as("elina", () -> commitments.shared(module(ASSUMPTIONS), List.of(personId("callum")))))
                .hasSize(1);
        long first = seenByElina.meetings().getFirst().id();
        assertThat(as("elina", () -> meetings.page(id, first)).shared()).singleElement()
                .satisfies(s -> assertThat(s.member().displayName()).isEqualTo("Callum Reid"));
    }

    @Test
    void members_of_a_mixed_set_learn_nothing_of_each_others_organisations() {
        long id = mixedSet();
        for (String who : List.of("elina", "sanna")) {
            String seen = as(who, () -> sets.detail(id)).toString() + as(who, () -> sets.consent(id));
            assertThat(seen).as(who).doesNotContain(WELLBEING, CITY, "@", "Family Support", "Youth Services");
        }
        // The facilitator's attendance list gives the addresses of her own organisation's people only.
        String csv = new String(as("tuula", () -> meetings.overviewCsv(id, Locale.ENGLISH)), StandardCharsets.UTF_8);
        assertThat(csv).contains("Elina Lindholm", "Matti Koskinen", "sanna" + DOMAIN, "callum" + DOMAIN)
                .doesNotContain("elina" + DOMAIN, "matti" + DOMAIN);
    }

    @Test
    void a_person_from_outside_the_partnership_is_refused_by_id_as_member_or_co_facilitator() {
        long nils = personId("nils");
        jdbc.update("insert into person_role (person_id, role) values (?, 'LEARNER'), (?, 'AUTHOR')", nils, nils);
        try {
            // Nils of Northvale is in no partnership with the city: the picker never offers him.
            assertThat(as("tuula", () -> directory.pickableAcrossPartners("Nils", Role.LEARNER, 20))).isEmpty();
            assertThat(as("tuula", () -> directory.pickableAcrossPartners("Nils", Role.AUTHOR, 20))).isEmpty();
            int sets0 = count("learning_set");
            int members0 = count("learning_set_member");
            assertThatThrownBy(() -> as("tuula", () -> sets.create(form("Round the partnership", ASSUMPTIONS,
                    List.of("sanna", "elina", "nils"), null))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(keys(e)).containsExactly("set.member-outside-partnership"));
            assertThatThrownBy(() -> as("tuula", () -> sets.create(form("Round the partnership", ASSUMPTIONS,
                    List.of("sanna", "elina"), "nils"))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(keys(e)).containsExactly("set.co-facilitator-outside-partnership"));
            assertThat(count("learning_set")).isEqualTo(sets0);
            // Nor is he added to a set that exists.
            long id = mixedSet();
            SetService.Detail d = as("tuula", () -> sets.detail(id));
            assertThatThrownBy(() -> as("tuula", () -> sets.update(id, new SetService.Form(d.name(),
                    d.moduleId(), List.of(personId("sanna"), nils), null, List.of(new SetService.MeetingForm(
                    d.meetings().getFirst().id(), d.meetings().getFirst().start().toLocalDate(),
                    d.meetings().getFirst().start().toLocalTime(), d.meetings().getFirst().end().toLocalTime(),
                    d.meetings().getFirst().place(), null))))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(keys(e)).containsExactly("set.member-outside-partnership"));
            assertThat(count("learning_set_member")).isEqualTo(members0 + 4);
            assertThat(jdbc.queryForObject("select count(*) from learning_set_member where person_id = ?",
                    Integer.class, nils)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and kind like 'set-%'",
                    Integer.class, nils)).isZero();
        } finally {
            jdbc.update("delete from person_role where person_id = ? and role in ('LEARNER', 'AUTHOR')", nils);
        }
    }

    @Test
    void a_new_set_runs_on_a_module_of_the_facilitators_catalogue_only() {
        // Matti of the county facilitates: the city's own module is not in his catalogue, the shared one is.
        jdbc.update("insert into person_role (person_id, role) values (?, 'FACILITATOR')", personId("matti"));
        try {
            int sets0 = count("learning_set");
            assertThatThrownBy(() -> as("matti", () -> sets.create(form("County set", "See the whole person",
                    List.of("elina", "sanna"), null))))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(keys(e)).containsExactly("set.module-not-in-catalogue"));
            assertThat(count("learning_set")).isEqualTo(sets0);
            long id = as("matti", () -> sets.create(form("County set", "Walk in another's shoes",
                    List.of("elina", "sanna"), null)));
            assertThat(as("sanna", () -> sets.detail(id)).moduleTitle()).isEqualTo("Walk in another's shoes");
        } finally {
            jdbc.update("delete from person_role where person_id = ? and role = 'FACILITATOR'", personId("matti"));
        }
    }

    @Test
    void partner_organisations_people_join_only_a_set_on_a_module_their_own_catalogue_holds() {
        // "See the whole person" is the city's own: Tuula may run it, but Elina of the county could not open it.
        assertThatThrownBy(() -> as("tuula", () -> sets.create(form("Whole person, mixed", "See the whole person",
                List.of("sanna", "elina"), null))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(keys(e)).containsExactly("set.module-not-for-member"));
        // Once the share ends, the set goes on with the members it has: its meetings can still change.
        long id = mixedSet();
        long assumptions = module(ASSUMPTIONS);
        jdbc.update("update module_share set ended_at = current_timestamp(6) where module_id = ? and ended_at is null",
                assumptions);
        try {
            SetService.Detail d = as("tuula", () -> sets.detail(id));
            as("tuula", () -> sets.update(id, new SetService.Form(d.name() + " (renamed)", d.moduleId(),
                    d.members().stream().map(PersonRef::id).toList(), null, List.of(new SetService.MeetingForm(null,
                    d.meetings().getFirst().start().toLocalDate().plusDays(1), java.time.LocalTime.of(10, 0),
                    java.time.LocalTime.of(11, 0), "Wellbeing centre, room 2", null)))));
            assertThat(as("elina", () -> sets.detail(id)).name()).endsWith("(renamed)");
        } finally {
            jdbc.update("update module_share set ended_at = null where module_id = ? and ended_at is not null"
                    + " and id = (select max(id) from (select id from module_share where module_id = ?) s)",
                    assumptions, assumptions);
        }
    }

    @Test
    void the_demo_world_has_a_mixed_set_of_two_organisations_on_a_module_shared_with_one_aurajoki() {
        long id = jdbc.queryForObject("select id from learning_set where name = 'One Aurajoki shoes set'", Long.class);
        assertThat(jdbc.queryForList("""
                select distinct o.name from learning_set_member m join person p on p.id = m.person_id
                join organisation o on o.id = p.organisation_id where m.set_id = ? order by o.name""", String.class, id))
                .containsExactly(WELLBEING, CITY);
        assertThat(jdbc.queryForObject("""
                select count(*) from learning_set s join module_share ms on ms.module_id = s.module_id
                join partnership pa on pa.id = ms.partnership_id where s.id = ? and pa.name = 'One Aurajoki'""",
                Integer.class, id)).isEqualTo(1);
        assertThat(as("elina", () -> sets.detail(id)).facilitator().displayName()).isEqualTo("Tuula Heikkinen");
        // The demo's first set is still the one other tests and journeys open.
        assertThat(jdbc.queryForObject("select name from learning_set where id = (select min(id) from learning_set)",
                String.class)).isEqualTo("Youth workers’ Thursday set");
    }
}
