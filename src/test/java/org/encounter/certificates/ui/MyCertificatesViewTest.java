package org.encounter.certificates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.encounter.KaribuTest;
import org.encounter.certificates.ProgrammeCompleted;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

class MyCertificatesViewTest extends KaribuTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_leadership_exchange_certificate_is_listed_with_its_title_and_partner_in_the_holders_language() {
        long leo = jdbc.queryForObject("select id from person where email = 'leo@demo.encounter.example'", Long.class);
        String round = "Syksy " + System.nanoTime();
        transactions.executeWithoutResult(s -> events.publishEvent(new ProgrammeCompleted(leo, "exchange",
                "exchange-pair:view-" + System.nanoTime(), round, "Aurajoki Wellbeing Services County", null, null,
                Instant.now().minus(3, ChronoUnit.DAYS))));

        signInAs("leo@demo.encounter.example");
        UI.getCurrent().navigate(MyCertificatesView.class);

        H2 title = _find(H2.class).stream().filter(h -> h.getText().contains(round)).findFirst().orElseThrow();
        assertThat(title.getText()).isEqualTo("Johtajavaihto: " + round);
        Div card = (Div) title.getParent().orElseThrow();
        assertThat(card.getChildren().filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()))
                .contains("Kumppaniorganisaatio: Aurajoki Wellbeing Services County")
                .noneMatch(text -> text.startsWith("Versio"));
        assertThat(card.getChildren().filter(Anchor.class::isInstance).map(a -> ((Anchor) a).getHref()))
                .singleElement().asString().isNotBlank();
    }
}
