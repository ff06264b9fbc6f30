package org.encounter.learning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableRunnable;
import java.util.Map;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.learning.LearningService;
import org.encounter.learning.PlayerState;

/** The end of a module: well done, and (once) a rating and comment for the authors. */
class CompletedPanel extends Div {

    CompletedPanel(LearningService learning, PlayerState state, SerializableRunnable feedbackSent) {
        // Certificates own the route "certificates": the one just issued is there to download.
        Anchor certificate = new Anchor("certificates", getTranslation("player.completed.certificate"));
        certificate.setId("player-certificate");
        add(new H1(getTranslation("player.completed.title")),
                new Paragraph(getTranslation("player.completed.text", state.module().title())), new Paragraph(certificate));
        setId("player-completed");
        if (state.answersRemovedAt() != null) {
            Paragraph removed = new Paragraph(getTranslation("player.answers-removed.completed"));
            removed.addClassNames("notice", "info");
            removed.setId("player-answers-removed");
            add(removed);
        }
        if (!state.feedbackGiven()) {
            RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation("feedback.rating"));
            rating.setItems(1, 2, 3, 4, 5);
            TextArea comment = LengthLimit.apply(new TextArea(getTranslation("feedback.comment")), 2000);
            comment.setWidthFull();
            Checkbox sign = new Checkbox(getTranslation("feedback.sign"));
            Button send = new Button(getTranslation("feedback.send"), e -> {
                try {
                    learning.giveFeedback(state.attemptId(), rating.getValue() == null ? 0 : rating.getValue(),
                            comment.getValue(), sign.getValue());
                    Notifications.success(getTranslation("feedback.thanks"));
                    feedbackSent.run();
                } catch (InvalidInputException ex) {
                    FormErrors.show(ex, this, Map.<String, HasValidation>of("rating", rating, "comment", comment));
                }
            });
            Div form = new Div(new H2(getTranslation("feedback.title")), new Paragraph(getTranslation("feedback.help")),
                    rating, comment, sign, send);
            form.addClassName("home-card");
            add(form);
        }
        // Stories of change own the route "stories/write/{attempt}".
        Anchor story = new Anchor("stories/write/" + state.attemptId(), getTranslation("player.completed.story"));
        story.setId("player-write-story");
        add(new Paragraph(story), new Anchor("learn/mine", getTranslation("menu.my-learning")));
    }
}
