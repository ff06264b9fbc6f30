package org.encounter.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The interface speaks the person's chosen language; without a choice Vaadin follows the browser. */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    private final CurrentPerson currentPerson;

    LocaleInitListener(CurrentPerson currentPerson) {
        this.currentPerson = currentPerson;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> currentPerson.language()
                .ifPresent(language -> init.getUI().setLocale(Locale.of(language))));
    }
}
