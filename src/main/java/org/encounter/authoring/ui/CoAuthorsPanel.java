package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.Map;
import org.encounter.authoring.AuthorView;
import org.encounter.authoring.CoAuthorService;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ModuleDraft;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.identity.PersonRef;

/** Who writes the module and how each is credited; the owner invites and removes co-authors. */
class CoAuthorsPanel extends Div {

    CoAuthorsPanel(ModuleDraft draft, CoAuthorService coAuthors, PersonDirectory directory, CurrentPerson me,
                   SerializableRunnable changed) {
        addClassName("co-authors");
        add(new H2(getTranslation("coauthor.title")), new Paragraph(getTranslation("coauthor.help")));
        UnorderedList list = new UnorderedList();
        for (AuthorView a : draft.authors()) {
            ListItem item = new ListItem(getTranslation(a.owner() ? "coauthor.owner-line" : "coauthor.line",
                    a.credit(), a.displayName()));
            if (draft.owner() && !a.owner()) {
                Button remove = new Button(getTranslation("coauthor.remove", a.displayName()), e -> {
                    coAuthors.remove(draft.id(), a.personId());
                    changed.run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                item.add(remove);
            }
            list.add(item);
        }
        add(list);

        long myId = me.requireId();
        draft.authors().stream().filter(a -> a.personId() == myId).findFirst().ifPresent(mine -> {
            TextField credit = LengthLimit.apply(new TextField(getTranslation("coauthor.my-credit")), Limits.CREDIT);
            credit.setHelperText(getTranslation("coauthor.my-credit.help"));
            credit.setValue(mine.credit());
            credit.setWidthFull();
            Button save = new Button(getTranslation("action.save"), e -> {
                try {
                    coAuthors.setMyCredit(draft.id(), credit.getValue());
                    Notifications.success(getTranslation("action.saved"));
                    changed.run();
                } catch (InvalidInputException ex) {
                    FormErrors.show(ex, this, Map.of("credit", credit));
                }
            });
            add(credit, save);
        });

        if (draft.owner()) {
            ComboBox<PersonRef> person = new ComboBox<>(getTranslation("coauthor.add-existing"));
            // The directory answers one short list per search text: there is no second page.
            person.setItems(query -> query.getOffset() == 0 && query.getLimit() > 0
                    ? directory.pickable(query.getFilter().orElse(""), null, 20).stream() : java.util.stream.Stream.empty());
            person.setItemLabelGenerator(PersonRef::displayName);
            person.setHelperText(getTranslation("coauthor.add-existing.help"));
            person.setWidthFull();
            Button add = new Button(getTranslation("coauthor.add"), e -> {
                if (person.getValue() != null) {
                    coAuthors.addExisting(draft.id(), person.getValue().id());
                    changed.run();
                }
            });
            Paragraph link = new Paragraph();
            link.addClassName("invitation-link");
            link.setVisible(false);
            link.setId("coauthor-link");
            Button createLink = new Button(getTranslation("coauthor.create-link"), e -> {
                link.setText(coAuthors.createLink(draft.id()));
                link.setVisible(true);
            });
            createLink.setId("coauthor-create-link");
            add(person, add, new Paragraph(getTranslation("coauthor.link.help")), createLink, link);
        }
    }
}
