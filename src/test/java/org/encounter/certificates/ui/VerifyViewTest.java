package org.encounter.certificates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.encounter.EncounterTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The public verification page, with nobody signed in. */
@EncounterTest
class VerifyViewTest {

    @Autowired ApplicationContext context;
    @Autowired org.encounter.TestClock clock;
    @Autowired org.encounter.certificates.VerifyRateLimiter limiter;

    @BeforeEach
    void anonymous() {
        MockVaadin.setup(UI::new, new MockSpringServlet(new Routes().autoDiscoverViews("org.encounter"), context, UI::new));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        // The limit hit here would hold for the rest of the minute for every test of this context that opens /verify
        // (they all come from the same address): the limiter's next minute starts afresh, then the clock comes back.
        org.encounter.VerifyLimit.forget(clock, limiter);
    }

    @Test
    void an_unknown_code_is_reported_plainly_and_the_page_says_when_the_limit_is_hit() {
        UI.getCurrent().navigate("verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ");
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-unknown")).getText()).startsWith("No certificate");
        TextField code = _get(TextField.class, spec -> spec.withId("verify-code"));
        for (int i = 0; i < 25 && _find(Paragraph.class, spec -> spec.withId("verify-limited")).isEmpty(); i++) {
            _setValue(code, "ABCD-" + i);
            _click(_get(Button.class, spec -> spec.withId("verify-check")));
        }
        assertThat(_get(Paragraph.class, spec -> spec.withId("verify-limited")).getText()).startsWith("Too many checks");
    }
}
