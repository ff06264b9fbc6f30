package org.encounter.certificates.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import org.encounter.KaribuTest;
import org.junit.jupiter.api.Test;

class AdminCertificatesViewTest extends KaribuTest {

    @Test
    void an_admin_sees_all_certificates_with_filters_and_a_csv_export_and_nobody_else_does() {
        signInAs("admin@demo.encounter.example");
        UI.getCurrent().navigate(AdminCertificatesView.class);
        assertThat(_get(Grid.class, spec -> spec.withId("admin-certificates"))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-certificates-csv")).getHref()).isNotBlank();
        tearDownVaadin();
        signInAs("mikko@demo.encounter.example");
        assertThatThrownBy(() -> UI.getCurrent().navigate(AdminCertificatesView.class))
                .isInstanceOf(MockAccessDeniedException.class);
    }
}
