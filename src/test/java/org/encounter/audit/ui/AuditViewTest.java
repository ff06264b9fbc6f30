package org.encounter.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.encounter.KaribuTest;
import org.encounter.ServiceTest;
import org.encounter.base.Audited;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditViewTest extends KaribuTest {

    @Autowired ApplicationEventPublisher events;
    @Autowired JdbcTemplate jdbc;

    private long organisationOf(String who) {
        return jdbc.queryForObject("select organisation_id from person where email = ?", Long.class,
                who + ServiceTest.DOMAIN);
    }

    @SuppressWarnings("unchecked")
    private Grid<?> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-log"));
    }

    private List<String> rows() {
        Grid<?> grid = grid();
        return IntStream.range(0, Math.min(_size(grid), 200)).mapToObj(i -> String.join(" | ", _getFormattedRow(grid, i)))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_platform_admin_filters_by_action_reads_names_and_labels_and_checks_the_chain() {
        String marker = "view-" + UUID.randomUUID();
        long sanna = jdbc.queryForObject("select id from person where email = ?", Long.class,
                "sanna" + ServiceTest.DOMAIN);
        events.publishEvent(new Audited(null, "account-disabled", "person", Long.toString(sanna),
                organisationOf("sanna"), marker));
        signInAs("admin" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(AuditView.class);
        assertThat(_size(grid())).isEqualTo(jdbc.queryForObject("select count(*) from audit_log", Integer.class));

        _setValue(_get(ComboBox.class, spec -> spec.withId("audit-action")), "account-disabled");
        assertThat(_size(grid())).isEqualTo(jdbc.queryForObject(
                "select count(*) from audit_log where action = 'account-disabled'", Integer.class));
        assertThat(rows().getFirst()).contains("No one signed in", "Account disabled", "Person: Sanna Nieminen",
                marker);

        _click(_get(Button.class, spec -> spec.withId("audit-chain-check")));
        assertThat(_get(Span.class, spec -> spec.withId("audit-chain")).getText())
                .isEqualTo("Chain verified: intact (" + jdbc.queryForObject("select count(*) from audit_log",
                        Integer.class) + " entries)");
    }

    @Test
    void an_organisation_admin_sees_their_organisations_entries_only_and_no_chain_check() throws IOException {
        String marker = "own-" + UUID.randomUUID();
        events.publishEvent(new Audited(null, "team-changed", "team", "1", organisationOf("riikka"), marker + "-own"));
        events.publishEvent(new Audited(null, "team-changed", "team", "2", organisationOf("ville"), marker + "-other"));
        signInAs("riikka" + ServiceTest.DOMAIN);
        UI.getCurrent().navigate(AuditView.class);
        String page = String.join("\n", rows());
        assertThat(page).contains(marker + "-own").doesNotContain(marker + "-other");
        assertThat(_find(Button.class, spec -> spec.withId("audit-chain-check"))).isEmpty();

        // The download carries the same filtered entries, headed in Riikka's language (Finnish).
        String csv = download(_get(Anchor.class, spec -> spec.withId("audit-csv")));
        assertThat(csv).startsWith("\uFEFF\"Aika (Europe/Helsinki)\"").contains(marker + "-own")
                .doesNotContain(marker + "-other").contains("\"Tiimiä muutettu\"");
    }

    @Test
    void nobody_else_opens_the_audit_log() {
        signInAs("mikko" + ServiceTest.DOMAIN);
        assertThatThrownBy(() -> UI.getCurrent().navigate(AuditView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }

    /** Runs the link's download as a browser's click would, into memory. */
    private static String download(Anchor anchor) throws IOException {
        var resource = VaadinSession.getCurrent().getResourceRegistry().getResource(URI.create(anchor.getHref()))
                .orElseThrow();
        DownloadHandler handler = (DownloadHandler) ((StreamResourceRegistry.ElementStreamResource) resource)
                .getElementRequestHandler();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(bytes);
        handler.handleDownloadRequest(new DownloadEvent(VaadinRequest.getCurrent(), response,
                VaadinSession.getCurrent(), anchor.getElement()));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
