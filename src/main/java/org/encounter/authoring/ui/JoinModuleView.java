package org.encounter.authoring.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.encounter.authoring.CoAuthorService;
import org.encounter.base.InvalidInputException;

/** Opened from a co-author link by a signed-in person: joins the module and opens it. */
@Route("authoring/join/:token")
@PermitAll
public class JoinModuleView extends VerticalLayout implements BeforeEnterObserver,
        com.vaadin.flow.router.HasDynamicTitle {

    private final transient CoAuthorService coAuthors;

    public JoinModuleView(CoAuthorService coAuthors) {
        this.coAuthors = coAuthors;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = coAuthors.join(event.getRouteParameters().get("token").orElse(""));
            event.forwardTo("authoring/" + id);
        } catch (InvalidInputException e) {
            Paragraph problem = new Paragraph(getTranslation(e.errors().getFirst().messageKey()));
            problem.addClassName("notice");
            problem.setId("join-problem");
            add(new H1(getTranslation("coauthor.join.title")), problem, new Anchor("", getTranslation("error.go-home")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coauthor.join.title") + " · " + getTranslation("app.name");
    }
}
