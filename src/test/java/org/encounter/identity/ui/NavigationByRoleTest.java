package org.encounter.identity.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import org.encounter.base.ui.AppMenu;
import org.encounter.KaribuTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NavigationByRoleTest extends KaribuTest {

    static final String DOMAIN = "@demo.encounter.example";

    private List<String> menu() {
        // What the browser gets: the menu's markup, item by item.
        String html = _get(AppMenu.class).getElement().getProperty("innerHTML");
        return Jsoup.parse(html).select("vaadin-side-nav-item").stream().map(item -> item.text()).toList();
    }

    @Test
    void an_admin_sees_the_admin_pages_in_the_menu() {
        signInAs("admin" + DOMAIN);
        assertThat(menu()).containsExactly("Home", "Stories of change", "Action-learning sets", "Notifications", "Organisation overview", "People", "Teams", "Invitations", "New starters",
                "Organisations", "All certificates", "Partnerships", "Shared catalogue", "Induction pathways", "Exchange rounds",
                "Audit log", "Erasure requests", "Data retention");
        assertThat(_get(Div.class, spec -> spec.withId("home-admin")).isVisible()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "riikka | menu.home, menu.stories, menu.sets, menu.notifications, menu.admin-overview, menu.people, menu.teams, menu.invitations, menu.starters, menu.adoptions, menu.admin-certificates, menu.shared-catalogue, menu.audit, menu.erasure-requests",
        "sanna | menu.home, menu.catalogue, menu.my-learning, menu.certificates, menu.stories, menu.sets, menu.exchange, menu.notifications",
        "mikko | menu.home, menu.catalogue, menu.my-learning, menu.certificates, menu.stories, menu.sets, menu.exchange, menu.team, menu.notifications",
        "emma  | menu.home, menu.my-modules, menu.author-impact, menu.stories, menu.sets, menu.notifications",
        "noor  | menu.home, menu.my-modules, menu.author-impact, menu.stories, menu.sets, menu.review, menu.notifications",
        "tuula | menu.home, menu.catalogue, menu.my-learning, menu.certificates, menu.stories, menu.sets, menu.exchange, menu.review, menu.notifications",
        "kirsi | menu.home, menu.catalogue, menu.my-learning, menu.certificates, menu.stories, menu.sets, menu.exchange, menu.notifications, menu.partnerships, menu.shared-catalogue, menu.pathways, menu.exchange-rounds"})
    void everyone_else_sees_only_what_their_roles_allow(String who, String keys) {
        signInAs(who + DOMAIN);
        UI ui = UI.getCurrent();
        assertThat(menu()).containsExactly(java.util.Arrays.stream(keys.split(","))
                .map(key -> ui.getTranslation(key.strip())).toArray(String[]::new));
    }

    @ParameterizedTest
    @CsvSource({"sanna,admin/people", "mikko,admin/teams", "emma,admin/invitations", "noor,admin/organisations",
            "tuula,admin/people", "fiona,admin/invitations", "sanna,team", "emma,team", "mikko,author/impact",
            "fiona,admin/overview", "sanna,sets/new", "emma,sets/new", "riikka,admin/organisations", "ville,partnerships/1/report", "sanna,partnerships/1/report",
            "riikka,partnerships", "ville,partnerships", "sanna,partnerships", "kirsi,admin/organisations",
            "sanna,pathways", "riikka,pathways", "ville,pathways", "kirsi,admin/starters", "mikko,admin/starters",
            "emma,exchange", "riikka,exchange", "ville,exchange/pair/1",
            "sanna,exchange/rounds", "riikka,exchange/rounds", "ville,exchange/rounds", "mikko,exchange/rounds/1", "sanna,audit", "kirsi,audit", "mikko,audit",
            "sanna,privacy/requests", "kirsi,privacy/requests", "mikko,privacy/requests", "riikka,privacy/retention",
            "ville,privacy/retention", "sanna,privacy/retention"})
    void a_role_reaching_a_page_it_must_not_see_is_refused(String who, String route) {
        signInAs(who + DOMAIN);
        // Karibu reports Vaadin's access refusal as an exception; the real app shows "not found".
        assertThatThrownBy(() -> UI.getCurrent().navigate(route)).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(PeopleView.class)).isEmpty();
        assertThat(_find(TeamsView.class)).isEmpty();
        assertThat(_find(InvitationsView.class)).isEmpty();
        assertThat(_find(OrganisationsView.class)).isEmpty();
    }

    @Test
    void an_organisation_admin_home_speaks_of_their_organisation_not_of_all_organisations() {
        signInAs("riikka" + DOMAIN);
        Div card = _get(Div.class, spec -> spec.withId("home-admin"));
        assertThat(card.getElement().getTextRecursively())
                .contains(UI.getCurrent().getTranslation("home.org-admin.text"));
        assertThat(card.getElement().getTextRecursively())
                .doesNotContain(UI.getCurrent().getTranslation("home.admin.text"));
    }

    @Test
    void a_manager_home_lists_their_own_teams_only() {
        signInAs("fiona" + DOMAIN);
        Div card = _get(Div.class, spec -> spec.withId("home-manager"));
        assertThat(card.getElement().getTextRecursively()).contains("Community Policing: 4 members")
                .doesNotContain("Youth Services");
        assertThat(_find(Div.class, spec -> spec.withId("home-admin"))).isEmpty();
    }

    @Test
    void each_role_gets_its_own_next_steps_on_the_home_page() {
        signInAs("noor" + DOMAIN);
        assertThat(_find(Div.class, spec -> spec.withId("home-author"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("home-curator"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("home-learner"))).isEmpty();
        assertThat(_find(Div.class, spec -> spec.withId("home-manager"))).isEmpty();
    }

    @Test
    void the_interface_speaks_the_persons_chosen_language() {
        signInAs("mikko" + DOMAIN);
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("fi");
        assertThat(menu()).containsExactly("Etusivu", "Moduulit", "Oma oppiminen", "Todistukset", "Muutostarinat", "Toimintaoppimisryhmät", "Johtajavaihto", "Tiimin eteneminen",
                "Ilmoitukset");
        assertThat(_get(H1.class, spec -> spec.withId("home-greeting")).getText()).isEqualTo("Hei, Mikko Laine");
    }
}
