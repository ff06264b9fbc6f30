package org.encounter.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.encounter.base.CurrentUserName;

/**
 * The frame around every signed-in page. The navigation is built from the views' {@code @Menu}
 * entries, which Vaadin filters by the views' access rules, so each person sees only what their
 * roles allow.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    public MainLayout(AuthenticationContext authentication, CurrentUserName currentUserName) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        addToNavbar(toggle, title);

        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("layout.navigation"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }

        VerticalLayout footer = new VerticalLayout();
        footer.setPadding(false);
        footer.addClassName("app-nav-footer");
        currentUserName.displayName().ifPresent(name -> {
            Span who = new Span(getTranslation("layout.signed-in-as", name));
            who.addClassName("muted");
            Button profile = new Button(getTranslation("layout.profile"), e -> getUI().ifPresent(ui -> ui.navigate("profile")));
            profile.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            Button signOut = new Button(getTranslation("layout.sign-out"), e -> this.authentication.logout());
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            signOut.setId("sign-out");
            footer.add(who, profile, signOut);
        });
        addToDrawer(nav, footer);
    }
}
