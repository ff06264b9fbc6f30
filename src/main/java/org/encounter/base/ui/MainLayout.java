package org.encounter.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.AppLayout.AppLayoutI18n;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
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

        // Texts that never change while the page is open are one node each (Markup), not an element and a text.
        Markup title = Markup.element("span", getTranslation("app.name"));
        title.addClassName("app-title");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("layout.menu"));
        Markup skip = Markup.element("a", getTranslation("layout.skip-to-content"));
        skip.getElement().setAttribute("href", "#main-content");
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
        List<AppMenu.Item> items = MenuConfiguration.getMenuEntries().stream()
                .map(entry -> new AppMenu.Item(getTranslation(entry.title()), entry.path().startsWith("/") ? entry.path().substring(1) : entry.path(),
                        entry.icon()))
                .toList();
        AppMenu nav = new AppMenu(getTranslation("layout.navigation"),
                new SideNav.SideNavI18n().setToggle(getTranslation("layout.nav-toggle")), items);

        VerticalLayout footer = new VerticalLayout();
        footer.setPadding(false);
        footer.addClassName("app-nav-footer");
        currentUserName.displayName().ifPresent(name -> {
            Markup who = Markup.element("span", getTranslation("layout.signed-in-as", name));
            who.addClassName("muted");
            // A link, as it leads to a page (the router follows it in the tab; it can also open in a new one).
            Markup profile = Markup.element("a", getTranslation("layout.profile"));
            profile.getElement().setAttribute("href", "profile");
            profile.setId("profile-link");
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
