package org.encounter.base;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A part of the signed-in person's home page. Each feature contributes sections for the roles
 * it serves; the home page shows those that apply, in order, so each person sees what to do next.
 */
public interface HomeSection {

    /** Lower comes first. */
    int order();

    /** The section for the current person, or empty when it does not apply to them. */
    Optional<Component> create();
}
