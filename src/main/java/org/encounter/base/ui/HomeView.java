package org.encounter.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;
import org.encounter.base.CurrentUserName;
import org.encounter.base.HomeSection;

/** The first page after sign-in: for each of the person's roles, what to do next. */
@Route("")
@PermitAll
@Menu(order = 0, title = "menu.home", icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(List<HomeSection> sections, CurrentUserName currentUserName) {
        addClassName("view");
        H1 greeting = new H1(currentUserName.displayName()
                .map(name -> getTranslation("home.greeting", name)).orElse(getTranslation("home.title")));
        greeting.setId("home-greeting");
        add(greeting);
        sections.stream().sorted(Comparator.comparingInt(HomeSection::order))
                .forEach(section -> section.create().ifPresent(this::add));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
