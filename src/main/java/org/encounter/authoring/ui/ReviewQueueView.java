package org.encounter.authoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.encounter.authoring.ModuleSummary;
import org.encounter.authoring.ReviewService;
import org.encounter.identity.Role;

/** The curators' queue: modules waiting for review, oldest first. */
@Route("review")
@RolesAllowed(Role.Names.CURATOR)
@Menu(order = 30, title = "menu.review", icon = "vaadin:clipboard-check")
public class ReviewQueueView extends VerticalLayout implements HasDynamicTitle {

    public ReviewQueueView(ReviewService review, org.encounter.base.Dates dates) {
        addClassName("view");
        DateTimeFormatter format = dates.dateTimes(getLocale());
        Grid<ModuleSummary> grid = new Grid<>(ModuleSummary.class, false);
        grid.setId("review-queue");
        org.encounter.base.ui.GridRows.openWithEnter(grid);
        grid.addColumn(ModuleSummary::title).setHeader(getTranslation("module.title")).setFlexGrow(3);
        grid.addColumn(m -> format.format(m.updatedAt())).setHeader(getTranslation("review.submitted"));
        grid.setItems(query -> review.queue(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> UI.getCurrent().navigate("review/" + e.getItem().id()));
        grid.setAllRowsVisible(true);
        add(new H1(getTranslation("review.title")), new Paragraph(getTranslation("review.intro")), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title") + " · " + getTranslation("app.name");
    }
}
