package org.encounter.identity;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collections;
import java.util.Locale;
import org.encounter.base.Languages;
import org.springframework.stereotype.Component;

/**
 * The interface speaks the person's chosen language; without a choice Vaadin follows the browser. The page says
 * which language it is in ({@code <html lang>}), so a screen reader reads Finnish as Finnish.
 */
@Component
class LocaleInitListener implements VaadinServiceInitListener {

    private final CurrentPerson currentPerson;

    LocaleInitListener(CurrentPerson currentPerson) {
        this.currentPerson = currentPerson;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            currentPerson.language().ifPresent(language -> init.getUI().setLocale(Locale.of(language)));
            org.encounter.base.ui.ClientTexts.apply(init.getUI());
        });
        event.addIndexHtmlRequestListener(page -> page.getDocument().getElementsByTag("html")
                .attr("lang", language(page.getVaadinRequest())));
    }

    /** The person's language, else the first of the browser's that we speak, as Vaadin chooses the UI's. */
    private String language(VaadinRequest request) {
        return currentPerson.language().filter(Languages::isSupported).orElseGet(() -> Collections.list(
                        request.getLocales()).stream().map(Locale::getLanguage).filter(Languages::isSupported)
                .findFirst().orElse(Locale.ENGLISH.getLanguage()));
    }
}
