package org.encounter.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

/** A service refused a page's data (roles or ownership): shown as "not found", revealing nothing. */
@AnonymousAllowed
@com.vaadin.flow.router.ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        addClassName("view");
        H1 title = new H1(getTranslation("error.not-found.title"));
        title.setId("not-found");
        add(title, new Paragraph(getTranslation("error.not-found.text")), new Anchor("", getTranslation("error.go-home")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
