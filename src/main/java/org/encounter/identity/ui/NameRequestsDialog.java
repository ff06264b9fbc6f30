package org.encounter.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.NameRequest;
import org.encounter.identity.PersonService;

/**
 * People's requests for another registered name (the one certificates print): the admin confirms or declines the
 * name shown. If the person changed the request in between, nothing happens and the list shows the new one.
 */
class NameRequestsDialog extends Dialog {

    private final transient PersonService people;
    private final Grid<NameRequest> grid = new Grid<>(NameRequest.class, false);

    NameRequestsDialog(PersonService people, SerializableRunnable changed) {
        this.people = people;
        setHeaderTitle(getTranslation("name-requests.title"));
        setWidth("min(60rem, 95vw)");
        grid.setId("name-requests-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(NameRequest::displayName).setHeader(getTranslation("person.name")).setAutoWidth(true);
        grid.addColumn(NameRequest::registeredName).setHeader(getTranslation("name-requests.now")).setAutoWidth(true);
        grid.addColumn(NameRequest::requestedName).setHeader(getTranslation("name-requests.asked")).setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button confirm = new Button(getTranslation("name-requests.confirm"), e -> decide(r, true, changed));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            confirm.setId("name-request-confirm-" + r.personId());
            Button decline = new Button(getTranslation("name-requests.decline"), e -> decide(r, false, changed));
            decline.addThemeVariants(ButtonVariant.LUMO_SMALL);
            decline.setId("name-request-decline-" + r.personId());
            return new HorizontalLayout(confirm, decline);
        }).setKey("decide").setAutoWidth(true);
        grid.setItems(query -> people.nameRequests(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        add(new Paragraph(getTranslation("name-requests.help")), grid);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void decide(NameRequest request, boolean confirm, SerializableRunnable changed) {
        try {
            if (confirm) {
                people.confirmNameRequest(request.personId(), request.requestedName());
            } else {
                people.declineNameRequest(request.personId(), request.requestedName());
            }
            Notifications.success(getTranslation(confirm ? "name-requests.confirmed" : "name-requests.declined",
                    request.requestedName()));
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.of());
        }
        grid.getDataProvider().refreshAll();
        changed.run();
    }
}
