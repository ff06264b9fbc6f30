package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.encounter.TextLimitRow.Form;
import org.encounter.authoring.CoAuthorService;
import org.encounter.authoring.ModuleDetails;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ReviewService;
import org.encounter.base.InvalidInputException;
import org.encounter.certificates.CertificateAdminService;
import org.encounter.identity.InvitationService;
import org.encounter.identity.OrganisationService;
import org.encounter.identity.PersonService;
import org.encounter.identity.TeamService;
import org.encounter.learning.LearningService;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;
import org.encounter.stories.StoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Bad input, played against every stored text field: its limit plus one, in the forms that fooled the old
 * checks (surrounding spaces, "İ" that grows when lower-cased, emoji, combining marks), is refused at its
 * field in the person's language with nothing stored; exactly its limit is stored intact. It runs in a context
 * (and database) of its own: the organisations, people, modules, stories and sets it makes would otherwise show in
 * the lists other tests read. The context is closed after the class, so its database does not stay running.
 */
@TestPropertySource(properties = "encounter.test.database=text-limits")
@DirtiesContext
class TextLimitsTest extends ServiceTest {

    static final String EMOJI = "\uD83D\uDE00";

    /**
     * Text columns that need no row, and why: nobody types into them, or the app composes or cuts what goes in.
     * Every other text column needs a row in {@link TextLimitRows}.
     */
    static final Map<String, String> NEEDS_NO_ROW = Map.ofEntries(
            Map.entry("person.language", "chosen from the supported languages"),
            Map.entry("person.password_hash", "a hash the app makes"),
            Map.entry("person_role.role", "a role name"),
            Map.entry("invitation_role.role", "a role name"),
            Map.entry("invitation.token_hash", "a SHA-256 digest the app makes"),
            Map.entry("coauthor_invitation.token_hash", "a SHA-256 digest the app makes"),
            Map.entry("module_image.public_key", "a key the app makes"),
            Map.entry("module_image.media_type", "one of the image types the app accepts"),
            Map.entry("module.status", "a status"),
            Map.entry("module.language", "chosen from the supported languages"),
            Map.entry("module.cover_image_key", "a key the app makes"),
            Map.entry("module_step.type", "a step type"),
            Map.entry("module_step.image_key", "a key the app makes"),
            Map.entry("module_version.title", "copied from the checked module at publication"),
            Map.entry("module_version.language", "copied from the checked module at publication"),
            Map.entry("module_version.content", "LONGTEXT: the checked module frozen as JSON"),
            Map.entry("module_version.summary", "copied from the checked module at publication"),
            Map.entry("module_version.themes", "copied from the checked module at publication"),
            Map.entry("module_version.credits", "the checked credits joined, cut at a whole character to fit"),
            Map.entry("module_transition.from_status", "a status"),
            Map.entry("module_transition.to_status", "a status"),
            Map.entry("attempt.status", "a status"),
            Map.entry("attempt_step.shared", "a sharing choice"),
            Map.entry("attempt_rating.phase", "a phase"),
            Map.entry("notification.kind", "made by the app"),
            Map.entry("notification.ref", "made by the app"),
            Map.entry("notification.message_key", "made by the app"),
            Map.entry("notification.args", "checked values joined, cut at a whole character to fit"),
            Map.entry("notification.link", "made by the app"),
            Map.entry("shedlock.name", "the scheduler's lock"),
            Map.entry("shedlock.locked_by", "the scheduler's lock"),
            Map.entry("certificate.code", "a code the app makes"),
            Map.entry("certificate.learner_name", "copied from the checked display name"),
            Map.entry("certificate.organisation", "copied from the checked organisation name"),
            Map.entry("certificate.module_title", "copied from the checked module title"),
            Map.entry("certificate.credits", "the checked credits joined, cut at a whole character to fit"),
            Map.entry("certificate.partnership_name", "copied from the checked partnership name"),
            // From V26 (programme certificates): what the exchange feature publishes, cut by the certificate to fit.
            Map.entry("certificate.programme", "a programme kind the app names"),
            Map.entry("certificate.programme_reference", "a key the app makes"),
            Map.entry("certificate.partner_organisation", "copied from the checked organisation name, cut to fit"),
            Map.entry("learning_set.time_zone", "from configuration"),
            Map.entry("meeting_attendance.status", "an attendance status"),
            Map.entry("story.status", "a status"),
            Map.entry("completion_tally.month", "made by the app"),
            // From V11 and V12 (sign-in throttle, first-admin setup), merged beside this test.
            Map.entry("sign_in_failure.email", "the sign-in name as a throttle key, cut by the app to fit"),
            Map.entry("sign_in_failure.client", "the client address the server reports"),
            Map.entry("setup_token.token_hash", "a SHA-256 digest the app makes"),
            // From V22 (partnership reports).
            Map.entry("organisation_completion_tally.month", "made by the app"),
            // From V25 and V27 (Leadership Exchange).
            Map.entry("exchange_pair.reasons", "made by the matching from checked applications, cut at a whole character to fit"),
            Map.entry("exchange_pair.status", "a status"),
            Map.entry("exchange_pair.first_answer", "an answer the app names"),
            Map.entry("exchange_pair.second_answer", "an answer the app names"),
            Map.entry("exchange_application.sector", "chosen from a list"),
            Map.entry("exchange_application.level", "chosen from a list"),
            Map.entry("exchange_application.want_themes", "chosen from a list"),
            Map.entry("exchange_application.offer_themes", "chosen from a list"),
            Map.entry("exchange_application.languages",
                    "chosen from a list; the service takes at most six, each two or three lower-case letters"),
            Map.entry("exchange_application.availability", "days of the week chosen from a list"),
            Map.entry("exchange_application.shown", "chosen from a list"),
            Map.entry("exchange_application.status", "a status"),
            Map.entry("exchange_application.unmatched_reason", "a message key the app sets"),
            Map.entry("exchange_attendance.meeting", "a meeting kind the app names"),
            Map.entry("story.source", "a key the app makes"),
            Map.entry("story.about", "the round's checked name after a fixed prefix, cut at a whole character to fit"),
            Map.entry("story.link", "made by the app"),
            Map.entry("data_export.status", "a status"),
            Map.entry("data_export.file_name", "a random name the app makes"),
            Map.entry("erasure_request.origin", "who asked, as a code the app sets"),
            Map.entry("erasure_request.status", "a status"),
            Map.entry("erasure_request.last_failure", "an exception's class name or a blocker's message key"),
            Map.entry("retention_run.removed", "counts by kind that the retention job composes"),
            Map.entry("audit_log.action", "an action code the features publish"),
            Map.entry("audit_log.target_type", "a target kind the features publish"),
            Map.entry("audit_log.target_id", "an id or a certificate code"),
            Map.entry("audit_log.detail", "codes and ids the features compose, never anybody's words"),
            Map.entry("audit_log.prev_hash", "a SHA-256 in hex"),
            Map.entry("audit_log.hash", "a SHA-256 in hex"),
            Map.entry("audit_chain_head.last_hash", "a SHA-256 in hex"));

    @Autowired OrganisationService organisations;
    @Autowired org.encounter.identity.PartnershipService partnerships;
    @Autowired org.encounter.learning.PathwayService pathways;
    @Autowired TeamService teams;
    @Autowired PersonService people;
    @Autowired InvitationService invitations;
    @Autowired ModuleService modules;
    @Autowired ReviewService review;
    @Autowired CoAuthorService coAuthors;
    @Autowired LearningService learning;
    @Autowired SetService sets;
    @Autowired MeetingService meetings;
    @Autowired StoryService stories;
    @Autowired CertificateAdminService certificates;
    @Autowired I18NProvider i18n;
    @Autowired org.encounter.base.Dates dates;
    @Autowired org.encounter.exchange.ExchangeRounds exchangeRounds;
    @Autowired org.encounter.exchange.ExchangeApplications exchangeApplications;
    @Autowired org.encounter.exchange.ExchangeMatchings exchangeMatchings;
    @Autowired org.encounter.exchange.ExchangeAgreements exchangeAgreements;
    @Autowired org.encounter.exchange.ExchangeReportBacks exchangeReportBacks;

    private static TextLimitWorld world;
    private int tags;

    @BeforeEach
    void buildTheWorldOnce() {
        if (world == null) {
            world = TextLimitWorld.build(this);
        }
    }

    <T> T one(Class<T> type, String sql, Object... args) {
        return jdbc.queryForObject(sql, type, args);
    }

    @Test
    void every_stored_text_field_refuses_its_limit_plus_one_and_stores_exactly_its_limit_intact() {
        SoftAssertions soft = new SoftAssertions();
        for (TextLimitRow row : new TextLimitRows(this, world).all()) {
            for (Form form : row.forms()) {
                String label = row.column() + " (" + row.field() + ", " + form + ")";
                String[] atLimit = value(row, form, 0);
                String stored = null;
                Throwable failure = null;
                try {
                    stored = row.write().apply(atLimit[0]);
                } catch (RuntimeException e) {
                    failure = e;
                }
                soft.assertThat(failure).as(label + " at the limit is stored").isNull();
                soft.assertThat(stored).as(label + " at the limit is stored intact").isEqualTo(atLimit[1]);

                String over = value(row, form, 1)[0];
                Object before = row.state().get();
                Throwable refused = catchThrowable(() -> row.write().apply(over));
                soft.assertThat(refused).as(label + " over the limit is refused at its field")
                        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                                .anySatisfy(error -> {
                                    assertThat(error.field()).isEqualTo(row.field());
                                    assertThat(error.messageKey()).isEqualTo("validation.too-long");
                                    assertThat(error.args()).containsExactly(row.max());
                                }));
                soft.assertThat(row.state().get()).as(label + " over the limit stores nothing").isEqualTo(before);
            }
        }
        // The person reads it in their language, and the server keeps serving everyone else.
        assertThat(i18n.getTranslation("validation.too-long", Locale.forLanguageTag("fi"), 150)).contains("150")
                .isNotEqualTo(i18n.getTranslation("validation.too-long", Locale.ENGLISH, 150));
        assertThat(as("sanna", () -> learning.catalogue(null, null, null, null, false,
                org.springframework.data.domain.PageRequest.of(0, 20)))).isNotEmpty();
        soft.assertAll();
    }

    /**
     * {@code [value, what the database should then hold]}: exactly the limit ({@code extra} 0) or one over it,
     * counted after the case change and stripping the service applies.
     */
    private String[] value(TextLimitRow row, Form form, int extra) {
        int around = row.prefix().codePointCount(0, row.prefix().length())
                + row.suffix().codePointCount(0, row.suffix().length());
        if (form == Form.PADDED && !row.strips()) {
            String typed = " " + body(Form.ASCII, row.max() - 2 + extra) + " ";
            return new String[] {typed, typed};
        }
        int n = row.max() - around + extra - (form == Form.DOTTED_CAPITAL_I ? 1 : 0);
        String core = row.prefix() + body(form, n) + row.suffix();
        String typed = form == Form.PADDED ? "  " + core + "  " : core;
        return new String[] {typed, form == Form.DOTTED_CAPITAL_I ? core.toLowerCase(Locale.ROOT) : core};
    }

    /** Exactly {@code n} characters as the database counts them, starting with a tag that keeps names unique. */
    private String body(Form form, int n) {
        String tag = "q" + (tags++) + "q";
        int rest = n - tag.length();
        return tag + switch (form) {
            case EMOJI -> EMOJI.repeat(rest);
            case COMBINING -> "e\u0301".repeat(rest / 2) + (rest % 2 == 1 ? "e" : "");
            case DOTTED_CAPITAL_I -> "\u0130" + "a".repeat(rest - 1);
            default -> "a".repeat(rest);
        };
    }

    @Test
    void themes_that_grow_when_lower_cased_are_measured_as_they_are_stored() {
        // Eight themes of 36 characters fit in 300 as typed; lower-cased, each "İ" becomes "i" and a combining dot.
        List<String> themes = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> "\u0130\u0130\u0130\u0130" + (char) ('a' + i) + "b".repeat(31)).toList();
        assertThat(String.join(",", themes)).hasSize(295);
        Object before = jdbc.queryForList("select * from module where id = ?", world.draft);
        assertThat(catchThrowable(() -> as("emma", () -> modules.updateDetails(world.draft, null,
                new ModuleDetails("Text limits draft", "A summary.", null, null, "en", themes, List.of())))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("themes");
                            assertThat(error.messageKey()).isEqualTo("validation.too-long");
                        }));
        assertThat(jdbc.queryForList("select * from module where id = ?", world.draft)).isEqualTo(before);
    }

    @Test
    void every_text_column_is_checked_through_a_row_or_is_not_written_by_people() {
        List<TextLimitRow> rows = new TextLimitRows(this, world).all();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select concat(table_name, '.', column_name) as name, data_type, character_maximum_length as length
                from information_schema.columns where table_schema = database() and table_name <> 'flyway_schema_history'
                and data_type in ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext')""");
        Set<String> covered = rows.stream().map(TextLimitRow::column).collect(Collectors.toSet());
        assertThat(columns.stream().map(c -> (String) c.get("name"))
                .filter(c -> !covered.contains(c) && !NEEDS_NO_ROW.containsKey(c)))
                .as("text columns with neither a row in TextLimitRows nor a reason in NEEDS_NO_ROW").isEmpty();
        Map<String, Map<String, Object>> byName = columns.stream()
                .collect(Collectors.toMap(c -> (String) c.get("name"), c -> c));
        for (TextLimitRow row : rows) {
            Map<String, Object> column = byName.get(row.column());
            assertThat(column).as(row.column()).isNotNull();
            // A VARCHAR(n) holds n characters; a TEXT 65,535 bytes, at most four per character.
            long room = "text".equals(column.get("data_type")) ? 65_535 / 4
                    : ((Number) column.get("length")).longValue();
            assertThat((long) row.max()).as(row.column() + " limit fits its column").isLessThanOrEqualTo(room);
        }
    }
}
