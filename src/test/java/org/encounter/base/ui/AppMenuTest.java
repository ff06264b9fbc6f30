package org.encounter.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.sidenav.SideNav;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class AppMenuTest {

    @Test
    void the_menu_is_vaadins_side_navigation_in_one_element_with_its_words_escaped() {
        AppMenu menu = new AppMenu("Main <menu>", new SideNav.SideNavI18n().setToggle("Näytä/piilota"), List.of(
                new AppMenu.Item("Home", "", "vaadin:home"),
                new AppMenu.Item("Stories & \"sets\" <script>alert(1)</script>", "stories", "vaadin:book"),
                new AppMenu.Item("No icon", "learn/mine", null)));

        assertThat(menu.getElement().getTag()).isEqualTo("vaadin-side-nav");
        assertThat(menu.getElement().getChildCount()).isZero();
        Document html = Jsoup.parseBodyFragment(menu.getElement().getProperty("innerHTML"));
        assertThat(html.select("span[slot=label]").text()).isEqualTo("Main <menu>");
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("vaadin-side-nav-item").eachAttr("path")).containsExactly("", "stories", "learn/mine");
        assertThat(html.select("vaadin-side-nav-item").eachText())
                .containsExactly("Home", "Stories & \"sets\" <script>alert(1)</script>", "No icon");
        assertThat(html.select("vaadin-side-nav-item > vaadin-icon[slot=prefix]").eachAttr("icon"))
                .containsExactly("vaadin:home", "vaadin:book");
        assertThat(menu.getElement().getPropertyRaw("i18n").toString()).contains("Näytä/piilota");
    }

    @Test
    void markup_escapes_what_a_person_wrote_in_texts_and_attributes() {
        Markup card = new Markup().add("h2", "Tom & Jerry <img src=x onerror=alert(1)>")
                .add("p", "Quote \" and apostrophe '", "class", "muted\" onclick=\"alert(1)");
        Document html = Jsoup.parseBodyFragment(card.getElement().getProperty("innerHTML"));
        assertThat(html.select("img")).isEmpty();
        assertThat(html.select("[onclick]")).isEmpty();
        assertThat(html.select("h2").text()).isEqualTo("Tom & Jerry <img src=x onerror=alert(1)>");
        assertThat(html.select("p").attr("class")).isEqualTo("muted\" onclick=\"alert(1)");
        assertThat(card.getText()).isEqualTo("Tom & Jerry <img src=x onerror=alert(1)> Quote \" and apostrophe '");
    }
}
