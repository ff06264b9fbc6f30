package org.encounter.base.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import java.nio.charset.StandardCharsets;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.junit.jupiter.api.Test;

class CompactTabsTest extends KaribuTest {

    /** A kept answer as Vaadin writes it: repetitive JSON, with text in several scripts. */
    static final String ANSWER = "for(;;);[{\"syncId\":3,\"clientId\":4,\"changes\":["
            + "{\"node\":7,\"type\":\"put\",\"key\":\"text\",\"value\":\"Emma’s story — “seen” at last 😀, ä\"},".repeat(40)
            + "{\"node\":8,\"type\":\"put\",\"key\":\"label\",\"value\":\"Kohtaaminen · Encounter\"}]}]";

    @Test
    void between_requests_the_tab_keeps_its_answer_packed_and_gets_the_same_answer_back_before_the_next() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();

        VaadinRequest first = uidlRequest(session, ui);
        CompactTabs.beforeUiRequest(session, first);
        CompactTabs.afterUiRequest(session, first);

        assertThat(ui.getInternals().getLastRequestResponse()).isNull();
        CompactTabs.Packed packed = ComponentUtil.getData(ui, CompactTabs.Packed.class);
        assertThat(packed.deflated.length).isLessThan(ANSWER.getBytes(StandardCharsets.UTF_8).length / 5);

        // The browser asks again (its answer was lost): Vaadin finds the answer it sent, character for character.
        VaadinRequest again = uidlRequest(session, ui);
        CompactTabs.beforeUiRequest(session, again);
        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo(ANSWER);
        CompactTabs.afterUiRequest(session, again);
        assertThat(ui.getInternals().getLastRequestResponse()).isNull();
    }

    @Test
    void while_another_request_of_the_tab_is_in_flight_the_answer_stays_unpacked_however_often_an_end_is_reported() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();
        VaadinRequest slow = uidlRequest(session, ui);
        VaadinRequest resent = uidlRequest(session, ui);

        // The browser gave up waiting for the slow request and sent it again; the slow one ends first.
        CompactTabs.beforeUiRequest(session, slow);
        CompactTabs.beforeUiRequest(session, resent);
        CompactTabs.afterUiRequest(session, slow);
        CompactTabs.afterUiRequest(session, slow); // its end reported twice counts once
        assertThat(ui.getInternals().getLastRequestResponse()).as("the resent request may still need it").isEqualTo(ANSWER);

        CompactTabs.afterUiRequest(session, resent);
        packedAwayAndBackForTheNextRequest(ui);
    }

    @Test
    void an_answer_that_does_not_unpack_is_dropped_and_the_tab_goes_on() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();
        CompactTabs.Packed packed = new CompactTabs.Packed();
        packed.deflated = "not deflated".getBytes(StandardCharsets.UTF_8);
        packed.length = 100;
        ComponentUtil.setData(ui, CompactTabs.Packed.class, packed);
        ui.getInternals().setLastRequestResponse(null);

        VaadinRequest request = uidlRequest(session, ui);
        CompactTabs.beforeUiRequest(session, request);
        assertThat(ui.getInternals().getLastRequestResponse()).isNull();
        ui.getInternals().setLastRequestResponse(ANSWER); // Vaadin's answer to this request
        CompactTabs.afterUiRequest(session, request);

        packedAwayAndBackForTheNextRequest(ui);
    }

    @Test
    void after_a_sign_out_the_answer_already_sent_the_request_is_not_asked_for_a_session() {
        UI ui = tabWithKeptAnswer();
        VaadinSession session = VaadinSession.getCurrent();
        FakeRequest fake = fakeUidl(session, ui);
        VaadinRequest start = new VaadinServletRequest(fake, (VaadinServletService) VaadinService.getCurrent());
        CompactTabs.beforeUiRequest(session, start);
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

        CompactTabs.afterUiRequest(session, new VaadinServletRequest(committed, (VaadinServletService) VaadinService.getCurrent()));

        assertThat(ComponentUtil.getData(ui, CompactTabs.Packed.class).deflated).isNotNull();
        fake.setParameter("v-uiId", "not-a-number");
        CompactTabs.beforeUiRequest(session, new VaadinServletRequest(fake, (VaadinServletService) VaadinService.getCurrent()));
    }

    /** One UI request of the tab, as far as this class sees it: its start and its end. */
    static void aRequestOf(UI ui) {
        VaadinRequest request = uidlRequest(ui.getSession(), ui);
        CompactTabs.beforeUiRequest(ui.getSession(), request);
        CompactTabs.afterUiRequest(ui.getSession(), request);
    }

    /** The tab's answer is packed away, and the tab's next request finds it as it was. */
    private static void packedAwayAndBackForTheNextRequest(UI ui) {
        assertThat(ui.getInternals().getLastRequestResponse()).isNull();
        CompactTabs.beforeUiRequest(ui.getSession(), uidlRequest(ui.getSession(), ui));
        assertThat(ui.getInternals().getLastRequestResponse()).isEqualTo(ANSWER);
    }

    /** Sanna's tab, its last answer as the server would keep it. */
    private UI tabWithKeptAnswer() {
        signInAs("sanna" + ServiceTest.DOMAIN);
        UI ui = UI.getCurrent();
        ui.getInternals().setLastRequestResponse(ANSWER);
        return ui;
    }

    private static VaadinRequest uidlRequest(VaadinSession session, UI ui) {
        return new VaadinServletRequest(fakeUidl(session, ui), (VaadinServletService) VaadinService.getCurrent());
    }

    /** The tab's next UI request, as its browser sends it. */
    private static FakeRequest fakeUidl(VaadinSession session, UI ui) {
        FakeRequest fake = new FakeRequest(((WrappedHttpSession) session.getSession()).getHttpSession());
        fake.setParameter("v-r", "uidl");
        fake.setParameter("v-uiId", String.valueOf(ui.getUIId()));
        return fake;
    }
}
