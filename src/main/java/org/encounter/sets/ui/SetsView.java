package org.encounter.sets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.encounter.sets.SetService;

/** The sets a person runs or belongs to, with each one's next meeting; facilitators start new ones here. */
@Route("sets")
@PermitAll
@Menu(order = 26, title = "menu.sets", icon = "vaadin:group")
public class SetsView extends VerticalLayout implements HasDynamicTitle {

    public SetsView(SetService sets, CurrentPerson currentPerson) {
        addClassName("view");
        add(new H1(getTranslation("sets.title")), new Paragraph(getTranslation("sets.intro")));
        if (currentPerson.has(Role.FACILITATOR)) {
            Button create = new Button(getTranslation("sets.new"),
                    e -> getUI().ifPresent(ui -> ui.navigate(SetFormView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("sets-new");
            add(create);
        }
        List<SetService.Summary> mine = sets.mine();
        Div list = new Div();
        list.setId("sets-list");
        list.addClassName("set-cards");
        if (mine.isEmpty()) {
            list.add(new Paragraph(getTranslation("sets.none")));
        }
        for (SetService.Summary s : mine) {
            Div card = new Div();
            card.addClassName("set-card");
            RouterLink name = new RouterLink(s.name(), SetView.class, new RouteParameters("setId", String.valueOf(s.id())));
            H2 heading = new H2(name);
            card.add(heading, new Paragraph(getTranslation("sets.for-module", s.moduleTitle()) + " · "
                    + getTranslation("sets.part." + s.part().name().toLowerCase(java.util.Locale.ROOT)) + " · "
                    + getTranslation("sets.members-count", s.members())));
            card.add(new Paragraph(s.next() == null ? getTranslation("sets.no-next")
                    : getTranslation("sets.next", When.line(s.next(), getLocale()))));
            list.add(card);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sets.title") + " · " + getTranslation("app.name");
    }
}
