package org.encounter.learning.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.encounter.base.Dates;
import org.encounter.identity.Role;
import org.encounter.learning.StarterService;
import org.encounter.learning.StarterService.Starter;

/** An organisation admin's new starters on induction pathways: who, the step reached, when the path is due. */
@Route("admin/starters")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 92.5, title = "menu.starters", icon = "vaadin:user-clock")
public class StartersView extends VerticalLayout implements HasDynamicTitle {

    public StartersView(StarterService starters, Dates dates) {
        addClassName("view");
        setSizeFull();
        DateTimeFormatter format = dates.dates(FormatStyle.MEDIUM, getLocale());
        Grid<Starter> grid = new Grid<>();
        grid.setId("starters-grid");
        grid.addColumn(Starter::name).setHeader(getTranslation("starters.name")).setFlexGrow(2);
        grid.addColumn(Starter::organisation).setHeader(getTranslation("starters.organisation")).setFlexGrow(2);
        grid.addColumn(Starter::pathway).setHeader(getTranslation("starters.pathway")).setFlexGrow(2);
        grid.addColumn(s -> format.format(s.joinedOn())).setHeader(getTranslation("starters.joined"));
        grid.addColumn(s -> s.completed() ? getTranslation("starters.completed")
                : getTranslation("starters.step-of", s.done() + 1, s.steps())).setHeader(getTranslation("starters.step"));
        grid.addColumn(s -> format.format(s.due())).setHeader(getTranslation("starters.due"));
        grid.addComponentColumn(s -> {
            Span status = new Span(getTranslation(s.completed() ? "starters.completed"
                    : s.overdue() ? "starters.overdue" : "starters.on-track"));
            status.getElement().getThemeList().add(s.overdue() ? "badge error" : s.completed() ? "badge success" : "badge");
            return status;
        }).setHeader(getTranslation("starters.status"));
        grid.setItems(query -> starters.page(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        add(new H1(getTranslation("starters.title")), new Paragraph(getTranslation("starters.intro")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("starters.title") + " · " + getTranslation("app.name");
    }
}
