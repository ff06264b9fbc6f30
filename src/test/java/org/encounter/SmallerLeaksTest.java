package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.encounter.authoring.CoAuthorService;
import org.encounter.authoring.ImageService;
import org.encounter.base.InvalidInputException;
import org.encounter.identity.InvitationService;
import org.encounter.identity.OrganisationService;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
import org.encounter.identity.Role;
import org.encounter.sets.MeetingService;
import org.encounter.sets.SetService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Smaller leaks of issue 13, each played as the insider would: pickers, exports, images. It runs in a context (and
 * database) of its own, since it adds an organisation that other tests' counts of the demo world would see.
 */
@org.springframework.test.context.TestPropertySource(properties = "encounter.test.database=smaller-leaks")
@org.springframework.test.annotation.DirtiesContext
class SmallerLeaksTest extends ServiceTest {

    @Autowired PersonDirectory directory;
    @Autowired CoAuthorService coAuthors;
    @Autowired OrganisationService organisations;
    @Autowired InvitationService invitations;
    @Autowired MeetingService meetings;
    @Autowired SetService sets;
    @Autowired ImageService images;
    @Autowired WebApplicationContext web;
    @Autowired UserDetailsService users;

    /** Someone of another organisation, with a name and an address to search for. */
    private long outsider() {
        List<Long> found = jdbc.queryForList("select id from person where email = 'paula.quist@harbour-police.example'",
                Long.class);
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        long harbour = as("admin", () -> organisations.create("Harbour Police (leaks test)")).id();
        String link = as("admin", () -> invitations.create(harbour, null, Set.of(Role.LEARNER, Role.AUTHOR),
                "Paula Quist", null)).link();
        return invitations.accept(link.substring(link.lastIndexOf('/') + 1), "Paula Quist",
                "paula.quist@harbour-police.example", "blue kettle on the windowsill", "en");
    }

    @Test
    void pickers_find_people_by_name_in_the_pickers_own_organisation_never_by_email_or_elsewhere() {
        long paula = outsider();
        // The author looking for co-authors, and the facilitator looking for members and a co-facilitator.
        assertThat(as("emma", () -> directory.pickable("Ruby", null, 20))).extracting(PersonRef::displayName)
                .containsExactly("Ruby");
        assertThat(as("emma", () -> directory.pickable("Paula", null, 20))).isEmpty();
        assertThat(as("emma", () -> directory.pickable("harbour-police", null, 20))).isEmpty();
        assertThat(as("emma", () -> directory.pickable("demo.encounter", null, 20))).isEmpty();
        assertThat(as("emma", () -> directory.pickable("ruby@", null, 20))).isEmpty();
        assertThat(as("tuula", () -> directory.pickable("Paula", Role.LEARNER, 20))).isEmpty();
        assertThat(as("tuula", () -> directory.pickable("quist", Role.AUTHOR, 20))).isEmpty();
        assertThat(as("tuula", () -> directory.pickable("sanna@demo", Role.LEARNER, 20))).isEmpty();
        assertThat(as("tuula", () -> directory.pickable("Sanna", Role.LEARNER, 20))).extracting(PersonRef::displayName)
                .containsExactly("Sanna Nieminen");
        assertThat(as("tuula", () -> directory.pickable("Sanna", Role.AUTHOR, 20))).isEmpty();
        // Nor can the owner add the outsider by id, round the picker.
        long draft = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        assertThatThrownBy(() -> as("emma", () -> coAuthors.addExisting(draft, paula)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors().getFirst().messageKey())
                        .isEqualTo("picker.not-pickable"));
        assertThat(jdbc.queryForObject("select count(*) from module_author where module_id = ? and person_id = ?",
                Integer.class, draft, paula)).isZero();
        // Nor can the facilitator put the outsider into a set, as a member or as co-facilitator.
        long published = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        long sanna = personId("sanna");
        var start = java.time.LocalDateTime.of(2027, 3, 2, 14, 0);
        var meeting = new SetService.MeetingForm(null, start.toLocalDate(), start.toLocalTime(),
                start.toLocalTime().plusHours(1), "Room 1", null);
        int setsBefore = jdbc.queryForObject("select count(*) from learning_set", Integer.class);
        assertThatThrownBy(() -> as("tuula", () -> sets.create(new SetService.Form("Round the picker", published,
                List.of(sanna, paula), null, List.of(meeting)))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(er -> er.messageKey())
                        .contains("set.member-outside-partnership"));
        assertThatThrownBy(() -> as("tuula", () -> sets.create(new SetService.Form("Round the picker", published,
                List.of(sanna), paula, List.of(meeting)))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors()).extracting(er -> er.messageKey())
                        .contains("set.co-facilitator-outside-partnership"));
        assertThat(jdbc.queryForObject("select count(*) from learning_set", Integer.class)).isEqualTo(setsBefore);
    }

    @Test
    void a_co_facilitating_author_gets_the_attendance_csv_without_members_email_addresses() {
        long module = jdbc.queryForObject("select id from module where title = 'See the whole person'", Long.class);
        long set = as("tuula", () -> sets.create(new SetService.Form("Leaks set", module,
                List.of(personId("sanna"), personId("jussi"), personId("leo"), personId("asa")), personId("emma"),
                List.of(new SetService.MeetingForm(null, java.time.LocalDate.now().plusDays(7),
                        java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 30), "Room 2", null)))));
        String forAuthor = new String(as("emma", () -> meetings.overviewCsv(set, Locale.ENGLISH)), StandardCharsets.UTF_8);
        assertThat(forAuthor).contains("Sanna Nieminen").doesNotContain("@");
        String forFacilitator = new String(as("tuula", () -> meetings.overviewCsv(set, Locale.ENGLISH)),
                StandardCharsets.UTF_8);
        assertThat(forFacilitator).contains("Sanna Nieminen", "sanna" + DOMAIN);
    }

    @Test
    void an_image_of_a_draft_is_served_to_its_authors_only_and_a_published_image_to_signed_in_readers() throws Exception {
        long draft = jdbc.queryForObject("select id from module where title = 'Waiting rooms'", Long.class);
        Path file = Files.createTempFile("draft-picture", ".png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
        String draftKey = as("emma", () -> images.upload(draft, file));
        Files.delete(file);
        String publishedKey = jdbc.queryForObject("""
                select i.public_key from module_image i join module m on m.id = i.module_id
                where m.title = 'See the whole person' and exists (select 1 from module_version v
                where v.module_id = i.module_id and v.content like concat('%', i.public_key, '%')) limit 1""", String.class);

        MockMvc http = MockMvcBuilders.webAppContextSetup(web).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        // The learner who found the key (in a shared link, a log, a screenshot) reads neither draft nor its image.
        assertThat(status(http, get("/media/" + draftKey), "sanna")).isEqualTo(404);
        assertThat(status(http, get("/media/" + draftKey), "kaisa")).isEqualTo(404);
        assertThat(status(http, get("/media/" + draftKey), "emma")).isEqualTo(200);
        assertThat(status(http, get("/media/" + draftKey), "noor")).isEqualTo(200);
        assertThat(status(http, get("/media/" + publishedKey), "sanna")).isEqualTo(200);
        assertThat(status(http, get("/media/" + publishedKey), null)).isNotEqualTo(200);
        assertThat(status(http, get("/media/" + draftKey), null)).isNotEqualTo(200);
    }

    private int status(MockMvc http, MockHttpServletRequestBuilder request, String who) throws Exception {
        if (who != null) {
            var user = users.loadUserByUsername(who + DOMAIN);
            request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                    user.getAuthorities())));
        }
        return http.perform(request).andReturn().getResponse().getStatus();
    }
}
