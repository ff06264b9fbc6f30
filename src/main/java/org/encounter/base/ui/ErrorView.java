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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Any other failure while opening a page: a plain message, never a stack trace or class name. */
@AnonymousAllowed
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        addClassName("view");
        if (SlowDatabase.caused(parameter.getCaughtException())) {
            log.warn("Could not open {}: the database did not answer in time ({})",
                    redacted(event.getLocation().getPath()), parameter.getCaughtException().toString());
            Paragraph text = new Paragraph(getTranslation("error.database-slow"));
            text.setId("error-database-slow");
            add(new H1(getTranslation("error.database-slow.title")), text, new Anchor("", getTranslation("error.go-home")));
            return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        }
        log.error("Could not open {}", redacted(event.getLocation().getPath()), parameter.getCaughtException());
        add(new H1(getTranslation("error.general.title")), new Paragraph(getTranslation("error.general.text")),
                new Anchor("", getTranslation("error.go-home")));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    /**
     * The path without its long segments: invitation, co-author and setup links carry their secret token there,
     * and a log is no place for a key. Ids and route names are short and stay.
     */
    static String redacted(String path) {
        return path.replaceAll("[^/]{16,}", "…");
    }
}
