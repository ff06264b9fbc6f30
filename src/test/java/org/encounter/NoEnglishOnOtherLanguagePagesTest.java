package org.encounter;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.Route;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.encounter.base.RecordNotFound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

/**
 * A Finnish or Swedish reader meets no English: every page each role can open is read in both languages (its text,
 * and the labels, helpers, placeholders and accessible names of its fields), and no sentence of the English bundle
 * that the other language says differently may appear. Shares the access matrix's context and demo world.
 */
@EncounterTest
@TestPropertySource(properties = {"encounter.demo.learning=true", "encounter.test.context=access-matrix"})
class NoEnglishOnOtherLanguagePagesTest extends KaribuTest {

    private static final List<String> PEOPLE = List.of("sanna", "emma", "kaisa", "tuula", "mikko", "admin");

    @Autowired JdbcTemplate jdbc;
    @Autowired org.encounter.stories.StoryService stories;

    @Test
    void no_english_sentence_on_any_finnish_or_swedish_page() throws IOException {
        Properties english = bundle("");
        if (jdbc.queryForObject("select count(*) from story", Integer.class) == 0) {
            // As the access matrix does: the demo world's year of learning has no story yet, Sanna writes one.
            long attempt = jdbc.queryForObject("select min(a.id) from attempt a join person p on p.id = a.learner_id"
                    + " join module m on m.id = a.module_id where p.email = 'sanna@demo.encounter.example'"
                    + " and m.title = 'See the whole person'", Long.class);
            signInAs("sanna" + ServiceTest.DOMAIN);
            stories.submit(attempt, "Listening first", "I asked before the form.", "They talked.", "Ask first.", true);
            MockVaadin.tearDown();
        }
        // As the access matrix does: One Aurajoki's exchange round with an accepted pair and a proposal.
        ExchangeWorld.ensure(jdbc, context, (who, action) -> as(who, () -> {
            action.run();
            return null;
        }));
        AccessWorld world = new AccessWorld(jdbc);
        Map<String, String> routes = new TreeMap<>();
        for (Class<? extends Component> view : new Routes().autoDiscoverViews("org.encounter").getRoutes()) {
            Route route = view.getAnnotation(Route.class);
            if (route != null) {
                routes.put(route.value(), world.path(route.value().isEmpty() ? "/" : route.value()));
            }
        }
        Set<String> found = new TreeSet<>();
        int pages = 0;
        for (String language : List.of("fi", "sv")) {
            List<String> phrases = phrases(english, bundle("_" + language));
            // Each page once per language, read by the first of these people who may open it.
            Set<String> read = new TreeSet<>();
            for (String who : PEOPLE) {
                // The person reads this language: the whole page, menu included, is built in it from the start.
                String email = who + ServiceTest.DOMAIN;
                String own = jdbc.queryForObject("select language from person where email = ?", String.class, email);
                jdbc.update("update person set language = ? where email = ?", language, email);
                signInAs(email);
                jdbc.update("update person set language = ? where email = ?", own, email);
                UI.getCurrent().setLocale(Locale.of(language));
                for (Map.Entry<String, String> route : routes.entrySet()) {
                    if (read.contains(route.getKey())) {
                        continue;
                    }
                    try {
                        UI.getCurrent().navigate(route.getValue());
                    } catch (AccessDeniedException | RecordNotFound | com.github.mvysny.kaributesting.v10
                            .MockAccessDeniedException refused) {
                        continue;
                    }
                    pages++;
                    read.add(route.getKey());
                    String shown = shown(UI.getCurrent().getElement()) + "\n" + UI.getCurrent().getInternals().getTitle();
                    untranslated(UI.getCurrent()).forEach(c -> found.add(language + " " + who + " /" + route.getKey()
                            + ": " + c + " keeps Vaadin's English words (no i18n set)"));
                    for (String phrase : phrases) {
                        if (shown.contains(phrase)) {
                            found.add(language + " " + who + " /" + route.getKey() + ": \"" + phrase + "\"");
                        }
                    }
                }
                MockVaadin.tearDown();
            }
        }
        assertThat(pages).isGreaterThan(50);
        assertThat(found).isEmpty();
    }

    /**
     * The components on the page whose own words (month names, "Drop file here", what a screen reader hears as a chip
     * is added, the drawer's name) are English until an i18n object is set.
     */
    private static List<String> untranslated(Component c) {
        List<String> out = new ArrayList<>();
        boolean bare = c instanceof com.vaadin.flow.component.datepicker.DatePicker p && p.getI18n() == null
                || c instanceof com.vaadin.flow.component.timepicker.TimePicker t && t.getI18n() == null
                || c instanceof com.vaadin.flow.component.upload.Upload u && u.getI18n() == null
                || c instanceof com.vaadin.flow.component.combobox.MultiSelectComboBox<?> m && m.getI18n() == null
                || c instanceof com.vaadin.flow.component.applayout.AppLayout a && a.getI18n() == null
                || !c.getElement().isTextNode() && c.getElement().getTag().equals("vaadin-side-nav")
                        && c.getElement().getPropertyRaw("i18n") == null;
        if (bare) {
            out.add(c.getClass().getSimpleName() + c.getId().map(id -> " #" + id).orElse(""));
        }
        c.getChildren().forEach(child -> out.addAll(untranslated(child)));
        return out;
    }

    /** English fragments (between placeholders) of at least two words that the other language writes differently. */
    private static List<String> phrases(Properties english, Properties other) {
        List<String> out = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (en.equals(other.getProperty(key))) {
                continue;
            }
            Stream.of(en.split("\\{\\d+[^}]*}")).map(String::strip)
                    .filter(f -> f.length() >= 10 && f.contains(" ")).forEach(out::add);
        }
        return out;
    }

    /** What a reader meets: the text, and each element's label, helper, placeholder, title and accessible name. */
    private static String shown(Element element) {
        StringBuilder out = new StringBuilder();
        collect(element, out);
        return out.toString();
    }

    private static void collect(Element e, StringBuilder out) {
        if (e.isTextNode()) {
            out.append(e.getText()).append('\n');
            return;
        }
        for (String property : List.of("label", "helperText", "placeholder", "errorMessage", "ariaLabel")) {
            String value = e.getProperty(property);
            if (value != null) {
                out.append(value).append('\n');
            }
        }
        for (String attribute : List.of("title", "aria-label", "label", "placeholder")) {
            String value = e.getAttribute(attribute);
            if (value != null) {
                out.append(value).append('\n');
            }
        }
        // Texts drawn from one element's markup (Markup: the menu, cards, headings); not what people wrote (Markdown).
        if (e.getComponent().filter(org.encounter.base.ui.Markup.class::isInstance).isPresent()) {
            out.append(org.jsoup.Jsoup.parse(e.getProperty("innerHTML", "")).text()).append('\n');
        }
        e.getChildren().forEach(child -> collect(child, out));
        if (e.getNode().hasFeature(com.vaadin.flow.internal.nodefeature.VirtualChildrenList.class)) {
            e.getNode().getFeature(com.vaadin.flow.internal.nodefeature.VirtualChildrenList.class)
                    .forEachChild(node -> collect(Element.get(node), out));
        }
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = NoEnglishOnOtherLanguagePagesTest.class.getResourceAsStream(
                "/vaadin-i18n/translations" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
