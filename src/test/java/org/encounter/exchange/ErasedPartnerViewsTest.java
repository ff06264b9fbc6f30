package org.encounter.exchange;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import java.util.stream.Collectors;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.base.PersonalData;
import org.encounter.base.SystemAccess;
import org.encounter.exchange.ui.ExchangePairView;
import org.encounter.exchange.ui.ExchangeRoundView;
import org.encounter.exchange.ui.ExchangeView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange's pages after Sanna's data was erased (in a transaction rolled back at the end): Matti's completed
 * pair, Elina's ended one and Kirsi's round read without her words, naming her as the identity feature names her.
 */
class ErasedPartnerViewsTest extends KaribuTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired ExchangePersonalData data;
    @Autowired PlatformTransactionManager transactions;

    private long personId(String who) {
        return jdbc.queryForObject("select id from person where email = ?", Long.class, who + ServiceTest.DOMAIN);
    }

    private static String page() {
        return _find(VerticalLayout.class, spec -> spec.withClasses("view")).stream()
                .map(v -> v.getElement().getTextRecursively()).collect(Collectors.joining("\n"));
    }

    @Test
    void the_partners_and_the_coordinators_pages_read_a_pair_whose_partner_was_erased() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            ExchangeErasureWorld.World w = new ExchangeErasureWorld(jdbc, this::personId).build();
            SystemAccess.run(() -> {
                data.erase(personId("sanna"), new PersonalData.ErasureChoices(false, false, true));
                return null;
            });
            String sanna = jdbc.queryForObject("select display_name from person where id = ?", String.class,
                    personId("sanna"));

            signInAs("matti" + ServiceTest.DOMAIN);
            UI.getCurrent().navigate(ExchangePairView.class, new RouteParameters("pairId",
                    String.valueOf(w.completedPair())));
            String completed = page();
            assertThat(completed).contains(sanna, ExchangeErasureWorld.CITY);
            assertThat(_get(Div.class, spec -> spec.withId("pair-completed")).isVisible()).isTrue();
            assertThat(w.sannasWords()).allSatisfy(words -> assertThat(completed).doesNotContain(words));
            assertThat(_find(Paragraph.class)).noneMatch(p -> p.getText() != null && p.getText().endsWith(": "));

            signInAs("elina" + ServiceTest.DOMAIN);
            UI.getCurrent().navigate(ExchangeView.class);
            assertThat(page()).contains(sanna);
            UI.getCurrent().navigate(ExchangePairView.class, new RouteParameters("pairId",
                    String.valueOf(w.openPair())));
            assertThat(_get(Paragraph.class, spec -> spec.withId("pair-ended")).getText()).isNotBlank();
            assertThat(w.sannasWords()).allSatisfy(words -> assertThat(page()).doesNotContain(words));

            signInAs("kirsi" + ServiceTest.DOMAIN);
            UI.getCurrent().navigate(ExchangeRoundView.class, new RouteParameters("roundId",
                    String.valueOf(w.openRound())));
            assertThat(w.sannasWords()).allSatisfy(words -> assertThat(page()).doesNotContain(words));
        });
    }
}
