package org.encounter.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import org.encounter.base.InvalidInputException;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonService;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;
import org.encounter.privacy.Erasures;

/**
 * An organisation admin (or the platform admin) records an erasure request a person made to them — by letter, by
 * e-mail — and sees the pending ones of the people they act for, each cancellable until it is carried out.
 */
@Route("privacy/requests")
@RolesAllowed({Role.Names.ORG_ADMIN, Role.Names.ADMIN})
@Menu(order = 99.3, title = "menu.erasure-requests", icon = "vaadin:eraser")
public class ErasureRequestsView extends VerticalLayout implements HasDynamicTitle {

    private final Erasures erasures;
    private final Grid<Erasures.Request> pending = new Grid<>();

    public ErasureRequestsView(Erasures erasures, PersonService people, org.encounter.base.Dates dates) {
        this.erasures = erasures;
        addClassName("view");
        add(new H1(getTranslation("privacy.requests.title")));
        add(new Paragraph(getTranslation("privacy.requests.intro", erasures.coolOff().toDays())));

        add(new H2(getTranslation("privacy.requests.record")));
        // The people this admin administers (their organisation's, or everyone for the platform admin), found by name
        // or by the e-mail address the request came from: exactly those they may act for.
        ComboBox<PersonSummary> person = new ComboBox<>(getTranslation("privacy.requests.person"));
        person.setItems(query -> people.page(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        person.setItemLabelGenerator(p -> p.displayName() + " (" + p.email() + ")");
        person.setId("erasure-person");
        person.setHelperText(getTranslation("privacy.requests.person-help"));
        person.setWidth("min(100%, 24rem)");
        Checkbox keepStories = new Checkbox(getTranslation("privacy.erasure.keep-stories"));
        Checkbox coDesigner = new Checkbox(getTranslation("privacy.erasure.co-designer"));
        Checkbox endExchange = new Checkbox(getTranslation("privacy.erasure.end-exchange"));
        keepStories.setId("erasure-keep-stories");
        coDesigner.setId("erasure-co-designer");
        endExchange.setId("erasure-end-exchange");
        Paragraph problem = new Paragraph();
        problem.getElement().setAttribute("role", "alert");
        problem.setId("erasure-problem");
        Button record = new Button(getTranslation("privacy.requests.submit"), e -> {
            problem.setText("");
            if (person.getValue() == null) {
                problem.setText(getTranslation("privacy.requests.choose-person"));
                return;
            }
            try {
                erasures.request(person.getValue().id(),
                        new ErasureChoices(keepStories.getValue(), coDesigner.getValue(), endExchange.getValue()));
                Notifications.success(getTranslation("privacy.requests.recorded", person.getValue().displayName()));
                person.clear();
                keepStories.clear();
                coDesigner.clear();
                endExchange.clear();
                refresh();
            } catch (InvalidInputException ex) {
                problem.setText(getTranslation(ex.errors().getFirst().messageKey()));
            } catch (org.encounter.base.RecordNotFound ex) {
                problem.setText(getTranslation("privacy.requests.not-yours"));
            }
        });
        record.setId("record-erasure");
        add(person, new Div(keepStories), new Div(coDesigner), new Div(endExchange), problem, record);

        add(new H2(getTranslation("privacy.requests.pending")));
        var day = dates.dates(FormatStyle.LONG, getLocale());
        pending.addColumn(Erasures.Request::personName).setHeader(getTranslation("privacy.requests.col.person"))
                .setKey("person");
        pending.addColumn(r -> getTranslation("privacy.origin." + r.origin().name().toLowerCase(java.util.Locale.ROOT)))
                .setHeader(getTranslation("privacy.requests.col.origin")).setKey("origin");
        pending.addColumn(r -> day.format(r.requestedAt())).setHeader(getTranslation("privacy.requests.col.requested"))
                .setKey("requested");
        pending.addColumn(r -> day.format(r.dueAt())).setHeader(getTranslation("privacy.requests.col.due")).setKey("due");
        pending.addComponentColumn(r -> {
            Button cancel = new Button(getTranslation("privacy.erasure.cancel"), e -> {
                erasures.cancel(r.id());
                Notifications.success(getTranslation("privacy.erasure.cancelled"));
                refresh();
            });
            cancel.addClassName("cancel-erasure");
            return cancel;
        }).setHeader(getTranslation("privacy.requests.col.action")).setKey("action");
        pending.setAllRowsVisible(true);
        pending.setId("erasure-requests");
        add(pending);
        refresh();
    }

    private void refresh() {
        pending.setItems(erasures.pendingInScope());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.requests.title") + " · " + getTranslation("app.name");
    }
}
