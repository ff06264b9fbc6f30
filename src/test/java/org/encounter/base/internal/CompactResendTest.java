package org.encounter.base.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.junit.jupiter.api.Test;

class CompactResendTest extends KaribuTest {

    static final String ANSWER = "{\"syncId\":3,\"changes\":[{\"node\":7,\"type\":\"put\",\"key\":\"text\","
            + "\"value\":\"Emma’s story — “seen” at last 😀, ä and \\\"quoted\\\" \\\\ too\"}],"
            + "\"execute\":[[\"return 'Kohtaaminen · Encounter —';\"]]}";

    @Test
    void the_kept_answer_means_the_same_json_in_one_byte_per_character() {
        String compact = CompactResend.latin1(ANSWER);
        assertThat(compact.chars()).allMatch(c -> c <= 0xFF);
        assertThat(compact).contains("\\u2019", "\\u2014", "\\ud83d\\ude00", "ä");
        assertThat(JacksonUtils.readTree(compact)).isEqualTo(JacksonUtils.readTree(ANSWER));
        String latin1 = "{\"value\":\"Hyvää päivää · Encounter\"}";
        assertThat(CompactResend.latin1(latin1)).isSameAs(latin1);
    }

    @Test
    void after_a_ui_request_the_tab_keeps_its_last_answer_compacted() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();
        FakeRequest fake = uidlRequest(session, ui);

        CompactResend.compactKeptAnswer(session, new VaadinServletRequest(fake, (VaadinServletService) VaadinService.getCurrent()));

        String kept = ui.getInternals().getLastRequestResponse();
        assertThat(kept.chars()).allMatch(c -> c <= 0xFF);
        assertThat(JacksonUtils.readTree(kept)).isEqualTo(JacksonUtils.readTree(ANSWER));
    }

    @Test
    void after_a_sign_out_the_answer_already_sent_the_request_is_not_asked_for_a_session() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();
        FakeRequest fake = uidlRequest(session, ui);
        // As Tomcat answers once the response is committed and the session was invalidated (a sign-out).
        var committed = new jakarta.servlet.http.HttpServletRequestWrapper(fake) {
            @Override
            public jakarta.servlet.http.HttpSession getSession(boolean create) {
                throw new IllegalStateException("Cannot create a session after the response has been committed");
            }

            @Override
            public jakarta.servlet.http.HttpSession getSession() {
                return getSession(true);
            }
        };

        CompactResend.compactKeptAnswer(session, new VaadinServletRequest(committed, (VaadinServletService) VaadinService.getCurrent()));

        assertThat(ui.getInternals().getLastRequestResponse().chars()).allMatch(c -> c <= 0xFF);
        fake.setParameter("v-uiId", "not-a-number");
        CompactResend.compactKeptAnswer(session, new VaadinServletRequest(committed, (VaadinServletService) VaadinService.getCurrent()));
    }

    /** Sanna's tab, its last answer as the server would keep it. */
    private UI tabWithKeptAnswer() {
        signInAs("sanna" + ServiceTest.DOMAIN);
        UI ui = UI.getCurrent();
        ui.getInternals().setLastRequestResponse(ANSWER);
        return ui;
    }

    /** The tab's next UI request, as its browser sends it. */
    private static FakeRequest uidlRequest(VaadinSession session, UI ui) {
        FakeRequest fake = new FakeRequest(((WrappedHttpSession) session.getSession()).getHttpSession());
        fake.setParameter("v-r", "uidl");
        fake.setParameter("v-uiId", String.valueOf(ui.getUIId()));
        return fake;
    }
}
