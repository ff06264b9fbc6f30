package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import org.encounter.authoring.CommentView;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ReviewService;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;

/** The conversation beside a step: curators' comments and authors' replies. */
class CommentsPanel extends Div {

    private final transient ReviewService review;
    private final long moduleId;
    private final Long stepId;
    private final Div list = new Div();
    private final transient org.encounter.base.Dates dates;

    CommentsPanel(ReviewService review, org.encounter.base.Dates dates, long moduleId, Long stepId, List<CommentView> comments,
                  boolean curator) {
        this.review = review;
        this.dates = dates;
        this.moduleId = moduleId;
        this.stepId = stepId;
        addClassName("comments");
        list.addClassName("comment-list");
        comments.forEach(this::append);
        TextArea text = LengthLimit.apply(new TextArea(getTranslation(!curator ? "comment.reply" : stepId == null ? "comment.write-module" : "comment.write")),
                Limits.COMMENT);
        text.setWidthFull();
        text.addClassName("comment-input");
        Button send = new Button(getTranslation(curator ? "comment.send" : "comment.send-reply"), e -> {
            try {
                append(review.comment(moduleId, stepId, text.getValue()));
                text.clear();
                FormErrors.clear(Map.of("comment", text));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("comment", text));
            }
        });
        send.addClassName("comment-send");
        add(list, text, send);
    }

    private void append(CommentView c) {
        DateTimeFormatter format = dates.dateTimes(getLocale());
        Span who = new Span(c.author() + " · " + format.format(c.at()));
        who.addClassName("muted");
        Div comment = new Div(who, new Paragraph(c.body()));
        comment.addClassName("comment");
        list.add(comment);
    }

}
