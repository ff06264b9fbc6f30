package org.encounter.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.SignInFailure;
import org.encounter.identity.SignInFailureService;

/** In the admin's person dialog: which clients failed to sign in to this account, and a way to let them all try again. */
class SignInFailuresPanel extends Div {

    SignInFailuresPanel(SignInFailureService failures, long personId, ZoneId zone, Runnable cleared) {
        setId("sign-in-failures");
        DateTimeFormatter time = org.encounter.base.Dates.dayTimes(FormatStyle.SHORT, FormatStyle.SHORT, getLocale())
                .withZone(zone);
        UnorderedList list = new UnorderedList();
        for (SignInFailure f : failures.of(personId)) {
            list.add(new ListItem(f.waitingUntil() == null
                    ? getTranslation("person.sign-in-failure", f.client(), f.failures(), time.format(f.lastFailedAt()))
                    : getTranslation("person.sign-in-failure.waiting", f.client(), f.failures(),
                            time.format(f.lastFailedAt()), time.format(f.waitingUntil()))));
        }
        Button clear = new Button(getTranslation("person.clear-failures"), e -> {
            failures.clear(personId);
            Notifications.success(getTranslation("person.failures-cleared"));
            cleared.run();
        });
        clear.setId("person-clear-failures");
        add(new H3(getTranslation("person.sign-in-failures")), list, clear);
    }
}
