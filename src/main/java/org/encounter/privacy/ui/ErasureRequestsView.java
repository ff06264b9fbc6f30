package org.encounter.privacy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import org.encounter.base.InvalidInputException;
import org.encounter.base.PersonalData.ErasureChoices;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;
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

    public ErasureRequestsView(Erasures erasures, PersonDirectory directory, org.encounter.base.Dates dates) {
        this.erasures = erasures;
        addClassName("view");
        add(new H1(getTranslation("privacy.requests.title")));
        add(new Paragraph(getTranslation("privacy.requests.intro", erasures.coolOff().toDays())));

        add(new H2(getTranslation("privacy.requests.record")));
        ComboBox<PersonRef> person = new ComboBox<>(getTranslation("privacy.requests.person"));
        person.setItems(query -> directory.pickable(query.getFilter().orElse(""), null,
                query.getLimit()).stream().skip(query.getOffset()));
        person.setItemLabelGenerator(PersonRef::displayName);
        person.setHelperText(getTranslation("privacy.requests.person-help"));
        person.setWidth("min(100%, 24rem)");
        Checkbox keepStories = new Checkbox(getTranslation("privacy.erasure.keep-stories"));
        Checkbox coDesigner = new Checkbox(getTranslation("privacy.erasure.co-designer"));
        Checkbox endExchange = new Checkbox(getTranslation("privacy.erasure.end-exchange"));
        Paragraph problem = new Paragraph();
        problem.getElement().setAttribute("role", "alert");
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
                refresh();
            } catch (InvalidInputException ex) {
                problem.setText(getTranslation(ex.errors().getFirst().messageKey()));
            } catch (org.encounter.base.RecordNotFound ex) {
                problem.setText(getTranslation("privacy.requests.not-yours"));
            }
        });
        record.setId("record-erasure");
        add(person, keepStories, coDesigner, endExchange, problem, record);

        add(new H2(getTranslation("privacy.requests.pending")));
        var day = dates.dates(FormatStyle.LONG, getLocale());
        pending.addColumn(Erasures.Request::personName).setHeader(getTranslation("privacy.requests.col.person"));
        pending.addColumn(r -> getTranslation("privacy.origin." + r.origin().name().toLowerCase()))
                .setHeader(getTranslation("privacy.requests.col.origin"));
        pending.addColumn(r -> day.format(r.requestedAt())).setHeader(getTranslation("privacy.requests.col.requested"));
        pending.addColumn(r -> day.format(r.dueAt())).setHeader(getTranslation("privacy.requests.col.due"));
        pending.addComponentColumn(r -> new Button(getTranslation("privacy.erasure.cancel"), e -> {
            erasures.cancel(r.id());
            Notifications.success(getTranslation("privacy.erasure.cancelled"));
            refresh();
        })).setHeader(getTranslation("privacy.requests.col.action"));
        pending.setAllRowsVisible(true);
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
