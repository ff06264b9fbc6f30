package org.encounter.stories.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;
import org.encounter.stories.StoryService;
import org.encounter.stories.StoryStatus;
import org.encounter.stories.StoryView;

/**
 * Stories of change for everyone signed in, by module or theme; the writer's own stories with their review;
 * and, for curators, the stories waiting for them.
 */
@Route("stories")
@PermitAll
@Menu(order = 25, title = "menu.stories", icon = "vaadin:book")
public class StoriesView extends VerticalLayout implements HasDynamicTitle {

    private final transient StoryService stories;
    private final Div waiting = new Div();
    private final Div list = new Div();
    private final ComboBox<Map.Entry<Long, String>> module = new ComboBox<>();
    private final TextField theme = new TextField();

    public StoriesView(StoryService stories, CurrentPerson currentPerson) {
        this.stories = stories;
        addClassName("view");
        add(new H1(getTranslation("stories.title")), new Paragraph(getTranslation("stories.intro")));
        if (currentPerson.has(Role.CURATOR)) {
            waiting.setId("stories-waiting");
            add(new H2(getTranslation("stories.waiting")), waiting);
            showWaiting();
        }
        List<StoryView> mine = stories.mine();
        if (!mine.isEmpty()) {
            add(new H2(getTranslation("stories.mine")));
            for (StoryView s : mine) {
                Paragraph line = new Paragraph(s.title() + " · " + getTranslation(s.status().labelKey())
                        + (s.curatorComment() == null ? "" : " · " + s.curatorComment()));
                line.addClassName("story-mine");
                add(line);
                if (s.status() != StoryStatus.APPROVED) {
                    add(new Anchor(s.editLink(), getTranslation("stories.edit")));
                }
            }
        }
        add(new H2(getTranslation("stories.approved")));
        module.setLabel(getTranslation("progress.filter.module"));
        module.setItemLabelGenerator(Map.Entry::getValue);
        module.setClearButtonVisible(true);
        Map<Long, String> modules = new LinkedHashMap<>();
        stories.approved(null, null).stream().filter(s -> s.moduleId() != null)
                .forEach(s -> modules.putIfAbsent(s.moduleId(), s.moduleTitle()));
        module.setItems(modules.entrySet());
        module.setId("stories-module");
        theme.setLabel(getTranslation("stories.theme"));
        theme.setValueChangeMode(ValueChangeMode.LAZY);
        theme.setClearButtonVisible(true);
        LengthLimit.apply(theme, 60);
        theme.setId("stories-theme");
        module.addValueChangeListener(e -> showApproved());
        theme.addValueChangeListener(e -> showApproved());
        list.setId("stories-list");
        HorizontalLayout filters = new HorizontalLayout(module, theme);
        // On a phone the two filters stand one above the other instead of pushing the page sideways.
        filters.setWrap(true);
        add(filters, list);
        showApproved();
    }

    private void showApproved() {
        list.removeAll();
        List<StoryView> approved = stories.approved(module.getValue() == null ? null : module.getValue().getKey(),
                theme.getValue());
        if (approved.isEmpty()) {
            list.add(new Paragraph(getTranslation("stories.none")));
        }
        approved.forEach(s -> list.add(new StoryCard(s)));
    }

    private void showWaiting() {
        waiting.removeAll();
        List<StoryView> queue = stories.waiting();
        if (queue.isEmpty()) {
            waiting.add(new Paragraph(getTranslation("stories.none-waiting")));
        }
        for (StoryView s : queue) {
            StoryCard card = new StoryCard(s);
            if (s.mine()) {
                card.add(new Paragraph(getTranslation("stories.own")));
                waiting.add(card);
                continue;
            }
            TextArea comment = LengthLimit.apply(new TextArea(getTranslation("stories.comment")), 1000);
            comment.setWidthFull();
            Button approve = new Button(getTranslation("stories.approve"), e -> {
                try {
                    stories.approve(s.id(), s.revision());
                    Notifications.success(getTranslation("stories.approved-one", s.title()));
                    showWaiting();
                    showApproved();
                } catch (InvalidInputException ex) {
                    refused(ex, comment);
                }
            });
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            approve.addClassName("story-approve");
            Button giveBack = new Button(getTranslation("stories.give-back"), e -> {
                try {
                    stories.giveBack(s.id(), comment.getValue(), s.revision());
                    Notifications.success(getTranslation("stories.given-back", s.title()));
                    showWaiting();
                } catch (InvalidInputException ex) {
                    refused(ex, comment);
                }
            });
            giveBack.addClassName("story-give-back");
            card.add(comment, new HorizontalLayout(approve, giveBack));
            waiting.add(card);
        }
    }

    /** A refused decision; when the story was rewritten (or decided) since, the queue shows it as it is now. */
    private void refused(InvalidInputException ex, TextArea comment) {
        boolean stale = ex.errors().stream().anyMatch(err -> err.messageKey().equals("story.changed-since-opened")
                || err.messageKey().equals("story.not-waiting"));
        FormErrors.show(ex, this, stale ? Map.of() : Map.of("comment", comment));
        if (stale) {
            showWaiting();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("stories.title") + " · " + getTranslation("app.name");
    }
}
