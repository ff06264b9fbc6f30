package org.encounter.sets.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.PersonRef;
import org.encounter.sets.SetService;

/**
 * A member's consent to share their commitment with the set, naming who will see it and what. Sharing names the
 * people listed here; whoever joins later is listed apart and sees nothing until the member shares again.
 */
class ShareConsentPanel extends Div {

    private final transient SetService sets;
    private final long setId;
    private final Runnable changed;

    ShareConsentPanel(SetService sets, long setId, Runnable changed) {
        this.sets = sets;
        this.setId = setId;
        this.changed = changed;
        setId("set-consent");
        SetService.Consent c = sets.consent(setId);
        add(new Paragraph(getTranslation("set.consent-what")));
        if (!c.sharing()) {
            if (c.audience().isEmpty()) {
                add(new Paragraph(getTranslation("set.consent-nobody")));
            } else {
                add(new Paragraph(getTranslation("set.consent-who")), names("set-consent-audience", c.audience()),
                        button("set-share", "set.consent-share", c.audience(), true));
            }
        } else {
            add(new Paragraph(getTranslation("set.consent-seeing")), names("set-consent-seeing", c.seeing()));
            if (!c.newcomers().isEmpty()) {
                Div joined = new Div(new Paragraph(getTranslation("set.consent-joined")),
                        names("set-consent-newcomers", c.newcomers()),
                        button("set-share-confirm", "set.consent-confirm", c.audience(), false));
                joined.setId("set-consent-joined");
                joined.addClassName("warning");
                joined.getElement().setAttribute("role", "status");
                add(joined);
            }
            Button stop = new Button(getTranslation("set.consent-stop"), e -> {
                sets.stopSharing(setId);
                Notifications.success(getTranslation("set.not-shared"));
                changed.run();
            });
            stop.setId("set-share-stop");
            add(stop);
        }
        add(new Paragraph(getTranslation("set.consent-never")));
    }

    private UnorderedList names(String id, List<PersonRef> people) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        people.forEach(p -> list.add(new ListItem(p.displayName())));
        return list;
    }

    private Button button(String id, String label, List<PersonRef> named, boolean primary) {
        Button b = new Button(getTranslation(label), e -> {
            try {
                sets.share(setId, named.stream().map(PersonRef::id).toList());
                Notifications.success(getTranslation("set.shared-named"));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, java.util.Map.of());
            }
            changed.run();
        });
        b.setId(id);
        if (primary) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return b;
    }
}
