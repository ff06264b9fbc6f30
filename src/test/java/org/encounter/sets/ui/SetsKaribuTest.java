package org.encounter.sets.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.authoring.CatalogueItem;
import org.encounter.base.ui.RecordNotFoundView;
import org.encounter.identity.PersonRef;
import org.encounter.sets.AttendanceStatus;
import org.encounter.sets.SetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The facilitator's screens: creating a set (warned about its size, refused on a clash with nothing stored),
 * taking attendance and writing notes on the meeting page, and the attendance overview; a member's share;
 * an outsider finds nothing.
 */
@TestPropertySource(properties = "encounter.demo.learning=true")
class SetsKaribuTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    @Autowired JdbcTemplate jdbc;

    long person(String who) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, who + DOMAIN);
    }

    PersonRef ref(String who, String name) {
        return new PersonRef(person(who), name);
    }

    int sets() {
        return jdbc.queryForObject("select count(*) from learning_set", Integer.class);
    }

    String text(Class<? extends com.vaadin.flow.component.Component> view) {
        return _get(view).getElement().getTextRecursively();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_facilitator_schedules_a_set_takes_attendance_and_a_member_shares_with_it() {
        signInAs("tuula" + DOMAIN);
        UI ui = UI.getCurrent();
        ui.navigate("sets");
        _click(_get(Button.class, spec -> spec.withId("sets-new")));
        assertThat(_find(SetFormView.class)).hasSize(1);
        int before = sets();

        _setValue(_get(TextField.class, spec -> spec.withId("set-name")), "Tuesday set");
        ComboBox<CatalogueItem> module = _get(ComboBox.class, spec -> spec.withId("set-module"));
        module.setValue(module.getListDataView().getItems().filter(i -> i.title().equals("See the whole person"))
                .findFirst().orElseThrow());
        MultiSelectComboBox<PersonRef> members = _get(MultiSelectComboBox.class, spec -> spec.withId("set-members"));
        members.setValue(new LinkedHashSet<>(List.of(ref("sanna", "Sanna Nieminen"), ref("jussi", "Jussi Korhonen"),
                ref("leo", "Leo Mäkinen"))));
        // Three is fewer than sets work best with: a warning, not a refusal.
        Paragraph warning = _get(Paragraph.class, spec -> spec.withId("set-members-warning"));
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).isEqualTo(ui.getTranslation("set.members-warning", 3, 4, 8));

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(9);
        _setValue(_get(DatePicker.class, spec -> spec.withId("meeting-1-date")), day);
        // The pickers speak the facilitator's language, messages included.
        assertThat(_get(TimePicker.class, spec -> spec.withId("meeting-1-start")).getI18n().getBadInputErrorMessage())
                .isEqualTo(UI.getCurrent().getTranslation("timepicker.bad-input"));
        assertThat(_get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("meeting-1-date"))
                .getI18n().getToday()).isEqualTo(UI.getCurrent().getTranslation("datepicker.today"));
        _setValue(_get(TimePicker.class, spec -> spec.withId("meeting-1-start")), LocalTime.of(13, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("meeting-1-end")), LocalTime.of(14, 30));
        _setValue(_get(TextField.class, spec -> spec.withId("meeting-1-place")), "Library, meeting room");
        _click(_get(Button.class, spec -> spec.withId("set-add-meeting")));
        // The second meeting starts a week later at the same time and place; moved onto the first, it clashes.
        assertThat(_get(DatePicker.class, spec -> spec.withId("meeting-2-date")).getValue()).isEqualTo(day.plusDays(7));
        assertThat(_get(TextField.class, spec -> spec.withId("meeting-2-place")).getValue()).isEqualTo("Library, meeting room");
        _setValue(_get(DatePicker.class, spec -> spec.withId("meeting-2-date")), day);
        _setValue(_get(TimePicker.class, spec -> spec.withId("meeting-2-start")), LocalTime.of(14, 0));
        _setValue(_get(TimePicker.class, spec -> spec.withId("meeting-2-end")), LocalTime.of(15, 0));
        _click(_get(Button.class, spec -> spec.withId("set-save")));
        DatePicker second = _get(DatePicker.class, spec -> spec.withId("meeting-2-date"));
        assertThat(second.isInvalid()).isTrue();
        assertThat(second.getErrorMessage()).isEqualTo(ui.getTranslation("meeting.overlaps", 1));
        assertThat(sets()).isEqualTo(before);

        _setValue(second, day.plusDays(14));
        _click(_get(Button.class, spec -> spec.withId("set-save")));
        assertThat(sets()).isEqualTo(before + 1);
        assertThat(_find(SetView.class)).hasSize(1);
        long setId = jdbc.queryForObject("select id from learning_set where name = 'Tuesday set'", Long.class);
        assertThat(text(SetView.class)).contains("Tuesday set", "See the whole person", "Sanna Nieminen",
                ui.getTranslation("set.series-to-calendar"));
        List<Long> meetingIds = jdbc.queryForList("select id from set_meeting where set_id = ? order by starts_at",
                Long.class, setId);
        assertThat(meetingIds).hasSize(2);
        tearDownVaadin();

        // Sanna shares her commitment from the set's page.
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId);
        assertThat(_get(Div.class, spec -> spec.withId("set-my-commitment")).getElement().getTextRecursively())
                .contains("Ask first, then listen.");
        assertThat(_find(Div.class, spec -> spec.withId("attendance-overview"))).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("set-share")));
        assertThat(jdbc.queryForObject("select count(*) from set_share where set_id = ? and sharer_id = ?",
                Integer.class, setId, person("sanna"))).isOne();
        UI.getCurrent().navigate("sets/" + setId + "/meetings/" + meetingIds.getFirst());
        assertThat(_find(Div.class, spec -> spec.withId("meeting-attendance"))).isEmpty();
        assertThat(_find(TextArea.class, spec -> spec.withId("meeting-notes"))).isEmpty();
        tearDownVaadin();

        // Tuula takes attendance and writes notes on the meeting page.
        signInAs("tuula" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId + "/meetings/" + meetingIds.getFirst());
        assertThat(_get(Div.class, spec -> spec.withId("meeting-shared")).getElement().getTextRecursively())
                .contains("Sanna Nieminen", "Ask first, then listen.", "I asked first.").doesNotContain("Jussi");
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("attendance-" + person("sanna"))), AttendanceStatus.PRESENT);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("attendance-" + person("jussi"))), AttendanceStatus.EXCUSED);
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("attendance-" + person("leo"))), AttendanceStatus.ABSENT);
        _click(_get(Button.class, spec -> spec.withId("attendance-save")));
        assertThat(jdbc.queryForList("select status from meeting_attendance where meeting_id = ? order by status",
                String.class, meetingIds.getFirst())).containsExactly("ABSENT", "EXCUSED", "PRESENT");
        TextArea notes = _get(TextArea.class, spec -> spec.withId("meeting-notes"));
        _setValue(notes, "x".repeat(4001));
        _click(_get(Button.class, spec -> spec.withId("meeting-notes-save")));
        assertThat(notes.isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("select notes from set_meeting where id = ?", String.class, meetingIds.getFirst()))
                .isNull();
        _setValue(notes, "Asking first came up three times.");
        _click(_get(Button.class, spec -> spec.withId("meeting-notes-save")));
        assertThat(notes.isInvalid()).isFalse();

        UI.getCurrent().navigate("sets/" + setId);
        String overview = _get(Div.class, spec -> spec.withId("attendance-overview")).getElement().getTextRecursively();
        assertThat(_get(Anchor.class, spec -> spec.withId("attendance-csv")).getText())
                .isEqualTo(UI.getCurrent().getTranslation("attendance.csv"));
        assertThat(overview).contains(UI.getCurrent().getTranslation("attendance.title"));
        tearDownVaadin();

        // Sanna reads the notes; someone outside the set finds no such set.
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId + "/meetings/" + meetingIds.getFirst());
        assertThat(_get(Paragraph.class, spec -> spec.withId("meeting-notes-text")).getText())
                .isEqualTo("Asking first came up three times.");
        // Her home page lists the meetings to come.
        UI.getCurrent().navigate("");
        assertThat(_get(Div.class, spec -> spec.withId("home-meetings")).getElement().getTextRecursively())
                .contains("Tuesday set", "Library, meeting room");
        tearDownVaadin();
        for (String outsider : List.of("mikko", "olga", "kaisa", "emma")) {
            signInAs(outsider + DOMAIN);
            UI.getCurrent().navigate("sets/" + setId + "/meetings/" + meetingIds.getFirst());
            assertThat(_find(RecordNotFoundView.class)).as(outsider).hasSize(1);
            assertThat(_find(MeetingView.class)).isEmpty();
            UI.getCurrent().navigate("sets/" + setId);
            assertThat(_find(SetView.class)).isEmpty();
            UI.getCurrent().navigate("sets");
            assertThat(text(SetsView.class)).doesNotContain("Tuesday set");
            tearDownVaadin();
        }
    }

    String shared(long setId, long meetingId) {
        UI.getCurrent().navigate("sets/" + setId + "/meetings/" + meetingId);
        return _get(Div.class, spec -> spec.withId("meeting-shared")).getElement().getTextRecursively();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_manager_added_later_never_sees_what_their_team_member_shared_and_a_newcomer_waits_for_consent() {
        signInAs("tuula" + DOMAIN);
        long module = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Helsinki")).plusDays(9);
        long setId = context.getBean(SetService.class).create(new SetService.Form("Friday set", module,
                List.of(person("sanna"), person("jussi"), person("leo"), person("callum")), null,
                List.of(new SetService.MeetingForm(null, day, LocalTime.of(10, 0), LocalTime.of(11, 0), "Room 4",
                        null))));
        long meetingId = jdbc.queryForObject("select id from set_meeting where set_id = ?", Long.class, setId);
        tearDownVaadin();

        // Sanna's set page names who will see her commitment, and what; she shares with them.
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId);
        assertThat(_get(Div.class, spec -> spec.withId("set-consent")).getElement().getTextRecursively())
                .contains(UI.getCurrent().getTranslation("set.consent-what"));
        assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("set-consent-audience"))
                .getElement().getTextRecursively()).contains("Tuula Heikkinen", "Jussi Korhonen", "Leo Mäkinen",
                "Callum Reid").doesNotContain("Sanna");
        _click(_get(Button.class, spec -> spec.withId("set-share")));
        assertThat(shared(setId, meetingId)).contains("Ask first, then listen.", "I asked first.")
                .doesNotContain("Listening takes less time than I feared.");
        tearDownVaadin();

        // Tuula adds Mikko (who manages Sanna's team, and is a learner) and Åsa on the set form.
        signInAs("tuula" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId + "/edit");
        MultiSelectComboBox<PersonRef> members = _get(MultiSelectComboBox.class, spec -> spec.withId("set-members"));
        LinkedHashSet<PersonRef> more = new LinkedHashSet<>(members.getValue());
        more.add(ref("mikko", "Mikko Laine"));
        more.add(ref("asa", "Åsa Öberg"));
        members.setValue(more);
        _click(_get(Button.class, spec -> spec.withId("set-save")));
        assertThat(_find(SetView.class)).hasSize(1);
        assertThat(shared(setId, meetingId)).contains("Sanna Nieminen");
        tearDownVaadin();

        for (String newcomer : List.of("mikko", "asa")) {
            signInAs(newcomer + DOMAIN);
            assertThat(shared(setId, meetingId)).as(newcomer).doesNotContain("Sanna", "Ask first", "I asked first");
            tearDownVaadin();
        }

        // Sanna is told; her page lists Åsa as joined since she shared, never Mikko. She shares with Åsa too.
        assertThat(jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = 'set-joined'",
                Integer.class, person("sanna"))).isOne();
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId);
        assertThat(_get(Div.class, spec -> spec.withId("set-consent-joined")).getElement().getTextRecursively())
                .contains("Åsa Öberg").doesNotContain("Mikko");
        assertThat(_get(Div.class, spec -> spec.withId("set-consent")).getElement().getTextRecursively())
                .doesNotContain("Mikko");
        _click(_get(Button.class, spec -> spec.withId("set-share-confirm")));
        assertThat(_find(Div.class, spec -> spec.withId("set-consent-joined"))).isEmpty();
        tearDownVaadin();

        signInAs("asa" + DOMAIN);
        assertThat(shared(setId, meetingId)).contains("Sanna Nieminen", "I asked first.");
        tearDownVaadin();
        signInAs("mikko" + DOMAIN);
        assertThat(shared(setId, meetingId)).doesNotContain("Sanna", "I asked first");
        tearDownVaadin();

        // Sanna stops sharing: nobody in the set sees it any more.
        signInAs("sanna" + DOMAIN);
        UI.getCurrent().navigate("sets/" + setId);
        _click(_get(Button.class, spec -> spec.withId("set-share-stop")));
        assertThat(_get(Button.class, spec -> spec.withId("set-share")).isVisible()).isTrue();
        tearDownVaadin();
        signInAs("asa" + DOMAIN);
        assertThat(shared(setId, meetingId)).doesNotContain("Sanna", "I asked first");
    }
}
