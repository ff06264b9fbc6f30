package org.encounter.base.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.DependencyList;
import com.vaadin.flow.shared.ui.Dependency;
import com.vaadin.flow.shared.ui.LoadMode;
import java.util.List;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.junit.jupiter.api.Test;

class SharedDependenciesTest extends KaribuTest {

    /** A piece as each tab gets it: its own copy of the same text. */
    private static Dependency piece(String chunk) {
        return new Dependency(Dependency.Type.DYNAMIC_IMPORT,
                new StringBuilder("return window.Vaadin.Flow.loadOnDemand('").append(chunk).append("');").toString());
    }

    @Test
    void two_tabs_refer_to_one_copy_of_each_piece_in_the_order_they_were_added() {
        DependencyList first = new DependencyList();
        DependencyList second = new DependencyList();
        List<String> chunks = List.of("layout-chunk", "button-chunk", "text-area-chunk");
        chunks.forEach(c -> first.add(piece(c)));
        first.add(new Dependency(Dependency.Type.STYLESHEET, "styles/a.css", LoadMode.EAGER));
        chunks.forEach(c -> second.add(piece(c)));
        assertThat(first.getDependencyByUrl(piece("button-chunk").getUrl(), Dependency.Type.DYNAMIC_IMPORT))
                .isNotSameAs(second.getDependencyByUrl(piece("button-chunk").getUrl(), Dependency.Type.DYNAMIC_IMPORT));

        SharedDependencies.share(first);
        first.clearPendingSendToClient(); // sent
        SharedDependencies.share(second);

        for (String c : chunks) {
            String url = piece(c).getUrl();
            Dependency one = first.getDependencyByUrl(url, Dependency.Type.DYNAMIC_IMPORT);
            assertThat(one).isSameAs(second.getDependencyByUrl(url, Dependency.Type.DYNAMIC_IMPORT));
            assertThat(one.getUrl()).isSameAs(second.getDependencyByUrl(url, Dependency.Type.DYNAMIC_IMPORT).getUrl());
        }
        // Still to be sent, in the order the page added them; a piece sent once is not sent again.
        assertThat(second.getPendingSendToClient()).extracting(Dependency::getUrl).containsExactly(
                piece("layout-chunk").getUrl(), piece("button-chunk").getUrl(), piece("text-area-chunk").getUrl());
        assertThat(first.getPendingSendToClient()).isEmpty();
        first.add(piece("button-chunk"));
        second.clearPendingSendToClient();
        second.add(piece("text-area-chunk"));
        SharedDependencies.share(second);
        assertThat(first.getPendingSendToClient()).isEmpty();
        assertThat(second.getPendingSendToClient()).isEmpty();
        second.add(piece("new-chunk"));
        SharedDependencies.share(second);
        assertThat(second.getPendingSendToClient()).extracting(Dependency::getUrl).containsExactly(piece("new-chunk").getUrl());
    }

    @Test
    void a_piece_with_an_id_of_its_own_is_not_kept_in_the_shared_copies() {
        // Vaadin gives each page's style sheet a random id: sharing such pieces would only fill the shared copies.
        Dependency sheet = new Dependency(Dependency.Type.STYLESHEET, "styles/b.css", LoadMode.EAGER,
                java.util.UUID.randomUUID().toString());
        Dependency same = new Dependency(Dependency.Type.STYLESHEET, "styles/b.css", LoadMode.EAGER, sheet.getId());
        assertThat(SharedDependencies.shared(sheet)).isSameAs(sheet);
        assertThat(SharedDependencies.shared(same)).isSameAs(same);
    }

    @Test
    void this_vaadin_version_lets_tabs_share_their_pieces() {
        assertThat(SharedDependencies.works()).as("DependencyList's collections, by name").isTrue();
    }

    @Test
    void after_a_request_two_tabs_showing_the_same_page_refer_to_the_same_pieces() {
        Dependency first = pieceOfATabOnTheCatalogue("sanna");
        Dependency second = pieceOfATabOnTheCatalogue("fiona");
        assertThat(second).isEqualTo(first).isSameAs(first);
    }

    private Dependency pieceOfATabOnTheCatalogue(String who) {
        signInAs(who + ServiceTest.DOMAIN);
        UI.getCurrent().navigate("learn");
        MockVaadin.clientRoundtrip(false);
        CompactTabsTest.aRequestOf(UI.getCurrent());
        DependencyList list = UI.getCurrent().getInternals().getDependencyList();
        return list.getPendingSendToClient().stream().filter(d -> d.getType() == Dependency.Type.DYNAMIC_IMPORT)
                .reduce((a, b) -> b).orElseThrow();
    }
}
