package org.encounter.identity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Title, toolbar and a grid filling the rest: the shape of every admin page. */
abstract class AdminPage extends VerticalLayout {

    protected void compose(String titleKey, Component grid, Component... tools) {
        addClassName("view");
        setSizeFull();
        HorizontalLayout toolbar = new HorizontalLayout(tools);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H1(getTranslation(titleKey)), toolbar, grid);
        setFlexGrow(1, grid);
    }

    /** The roles this admin may hand out: the platform admin role only by a platform admin. */
    static java.util.List<org.encounter.identity.Role> grantable(org.encounter.identity.CurrentPerson current) {
        return java.util.Arrays.stream(org.encounter.identity.Role.values())
                .filter(r -> r != org.encounter.identity.Role.ADMIN || current.has(org.encounter.identity.Role.ADMIN))
                .toList();
    }
}
