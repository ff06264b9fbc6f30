package org.encounter.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.AppLayout.AppLayoutI18n;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.encounter.base.CurrentUserName;

/**
 * The frame around every signed-in page. The navigation is built from the views' {@code @Menu}
 * entries, which Vaadin filters by the views' access rules, so each person sees only what their
 * roles allow. The page is in a {@code <main>} landmark that a skip link (the first Tab stop) leads to, and
 * after each navigation inside the app focus moves to the new page's heading, so a keyboard or screen-reader
 * user starts where the new content starts instead of at the top of the page.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Focuses the main content's h1 (or the main itself when a page has none), reachable by script only. */
    static final String FOCUS_HEADING = """
            const main = document.getElementById('main-content');
            if (main) {
              const target = main.querySelector('h1') || main;
              if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
              target.focus({ preventScroll: false });
            }""";

    private final transient AuthenticationContext authentication;
    private final Main main = new Main();
    private boolean firstPage = true;

    public MainLayout(AuthenticationContext authentication, CurrentUserName currentUserName) {
        this.authentication = authentication;
        setPrimarySection(Section.DRAWER);

        Span title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        Anchor skip = new Anchor("#main-content", getTranslation("layout.skip-to-content"));
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        // The browser's own jump would only scroll; this moves focus to the page's heading as well.
        skip.getElement().executeJs("this.addEventListener('click', e => { e.preventDefault(); " + FOCUS_HEADING
                + " });");
        addToNavbar(skip, toggle, title);
        main.setId("main-content");
        main.addClassName("app-main");
        setContent(main);

        // The drawer's and the menu's own words for screen readers, in the reader's language.
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("layout.drawer")));
        SideNav nav = new SideNav();
        nav.setLabel(getTranslation("layout.navigation"));
        nav.setI18n(new SideNav.SideNavI18n().setToggle(getTranslation("layout.nav-toggle")));
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
            Button signOut = new Button(getTranslation("layout.sign-out"), e -> {
                TextKeeper.forgetAll(UI.getCurrent());
                this.authentication.logout();
            });
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            signOut.setId("sign-out");
            footer.add(who, profile, signOut);
        });
        addToDrawer(nav, footer);
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.getElement().removeAllChildren();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.getElement().removeAllChildren();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // The first page of a visit starts at the top (and the skip link); later ones focus their heading.
        if (firstPage) {
            firstPage = false;
            return;
        }
        main.getElement().executeJs("requestAnimationFrame(() => { " + FOCUS_HEADING + " });");
    }
}
