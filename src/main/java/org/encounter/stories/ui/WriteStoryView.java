package org.encounter.stories.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.stories.StoryService;

/** Turning one's own report back into a story of change: title, what I tried, what happened, what I learned. */
@Route("stories/write/:attemptId")
@PermitAll
public class WriteStoryView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient StoryService stories;

    public WriteStoryView(StoryService stories) {
        this.stories = stories;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long attemptId;
        try {
            attemptId = Long.parseLong(event.getRouteParameters().get("attemptId").orElse(""));
        } catch (NumberFormatException e) {
            throw new RecordNotFound("attempt", -1);
        }
        StoryService.Draft draft = stories.draft(attemptId);
        removeAll();
        add(new H1(getTranslation("story.write-title")), new Paragraph(getTranslation("story.write-help",
                draft.moduleTitle())));
        if (draft.startsEmpty()) {
            Paragraph why = new Paragraph(getTranslation("story.starts-empty"));
            why.setId("story-starts-empty");
            add(why);
        }
        if (draft.curatorComment() != null) {
            Paragraph comment = new Paragraph(getTranslation("story.curator-said", draft.curatorComment()));
            comment.setId("story-curator-comment");
            add(comment);
        }
        TextField title = LengthLimit.apply(new TextField(getTranslation("story.title")), 120);
        title.setValue(draft.title() == null ? "" : draft.title());
        title.setWidthFull();
        title.setId("story-title");
        TextArea tried = area("story.tried", draft.tried(), "story-tried");
        TextArea happened = area("story.happened", draft.happened(), "story-happened");
        TextArea learned = area("story.learned", draft.learned(), "story-learned");
        Checkbox anonymous = new Checkbox(getTranslation("story.anonymous"), draft.anonymous());
        anonymous.setId("story-anonymous");
        Map<String, HasValidation> fields = Map.of("title", title, "tried", tried, "happened", happened,
                "learned", learned);
        Button send = new Button(getTranslation("story.send"), e -> {
            try {
                stories.submit(attemptId, title.getValue(), tried.getValue(), happened.getValue(), learned.getValue(),
                        anonymous.getValue());
                Notifications.success(getTranslation("story.sent"));
                getUI().ifPresent(ui -> ui.navigate(StoriesView.class));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, fields);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("story-send");
        add(title, tried, happened, learned, anonymous, new Paragraph(getTranslation("story.anonymous-help")), send);
    }

    private TextArea area(String labelKey, String value, String id) {
        TextArea area = LengthLimit.apply(new TextArea(getTranslation(labelKey)), 2000);
        area.setValue(value == null ? "" : value);
        area.setWidthFull();
        area.setId(id);
        return area;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("story.write-title") + " · " + getTranslation("app.name");
    }
}
