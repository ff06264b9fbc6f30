package org.encounter.base.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.List;

/**
 * The menu in the drawer: Vaadin's side navigation, one item (with its icon) per page the person may open. The items
 * are {@link Markup} inside this one element instead of a server-side component each. The browser gets the same
 * elements and draws, links and highlights them the same way, but the server keeps one node for the menu instead of
 * three per item: the menu was half the nodes a signed-in tab holds (24 of a learner's 49 on most pages).
 */
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
public class AppMenu extends Markup {

    /** One page in the menu: its words, its path without the leading slash ("" for home) and its icon, if any. */
    public record Item(String label, String path, String icon) {
    }

    AppMenu(String label, SideNav.SideNavI18n i18n, List<Item> items) {
        super("vaadin-side-nav");
        add("span", label, "slot", "label");
        for (Item item : items) {
            open("vaadin-side-nav-item", "path", item.path());
            if (item.icon() != null) {
                open("vaadin-icon", "icon", item.icon(), "slot", "prefix").close("vaadin-icon");
            }
            text(item.label()).close("vaadin-side-nav-item");
        }
        share();
        getElement().setPropertyJson("i18n", JacksonUtils.beanToJson(i18n));
    }
}
