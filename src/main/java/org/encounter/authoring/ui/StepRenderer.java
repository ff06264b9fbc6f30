package org.encounter.authoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.stream.IntStream;
import org.encounter.authoring.PerspectiveOption;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.VideoLinks;
import org.encounter.base.security.EmbeddedPlayers;
import org.encounter.base.ui.Markup;
import org.encounter.base.ui.MarkdownView;

/** Shows a step the way a learner meets it. In a preview, nothing the viewer types is stored. */
public final class StepRenderer {

    private StepRenderer() {
    }

    public static Component render(StepContent c) {
        Div card = new Div();
        card.addClassName("step-view");
        card.getElement().setAttribute("data-type", c.type().name().toLowerCase());
        Markup head = new Markup().add("p", card.getTranslation(c.type().labelKey()), "class", "step-kind");
        if (c.heading() != null && !c.heading().isBlank()) {
            head.add("h2", c.heading());
        }
        card.add(head);
        switch (c.type()) {
            case STORY, DISCUSSION -> card.add(new MarkdownView(c.body()));
            case MEDIA -> card.add(media(card, c));
            case REFLECTION -> {
                card.add(new MarkdownView(c.body()));
                TextArea answer = new TextArea(card.getTranslation("player.your-reflection"));
                answer.setWidthFull();
                answer.setMinHeight("8rem");
                answer.setHelperText(card.getTranslation("player.private"));
                card.add(answer);
            }
            case PERSPECTIVE_CHECK -> card.add(perspective(card, c));
            case ACTION_PLAN -> {
                card.add(new MarkdownView(c.body()));
                TextField action = new TextField(card.getTranslation("player.action"));
                action.setWidthFull();
                DatePicker when = org.encounter.base.ui.DatePickers.create(card.getTranslation("player.action-date"));
                card.add(action, when);
            }
            case REPORT_BACK -> {
                card.add(new MarkdownView(c.body()));
                if (c.minDays() != null && c.minDays() > 0) {
                    Paragraph gap = new Paragraph(card.getTranslation("player.report-back-gap", c.minDays()));
                    gap.addClassName("muted");
                    card.add(gap);
                }
                for (String key : new String[] {"player.tried", "player.happened", "player.learned", "player.keep"}) {
                    TextArea area = new TextArea(card.getTranslation(key));
                    area.setWidthFull();
                    card.add(area);
                }
            }
        }
        return card;
    }

    private static Component media(Div card, StepContent c) {
        Div media = new Div();
        media.addClassName("step-media");
        if (c.imageKey() != null) {
            Image image = new Image("media/" + c.imageKey(), c.altText() == null ? "" : c.altText());
            image.addClassName("step-image");
            media.add(image);
        }
        if (c.videoUrl() != null) {
            VideoLinks.parse(c.videoUrl()).ifPresent(video -> {
                // Nothing loads from the video host until the viewer asks for it.
                Button play = new Button(card.getTranslation("player.play-video", video.provider()));
                Anchor link = new Anchor(video.watchUrl(), card.getTranslation("player.open-video", video.provider()));
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                play.addClickListener(e -> {
                    IFrame frame = new IFrame(video.embedUrl());
                    frame.addClassName("step-video");
                    frame.setTitle(c.caption() == null ? video.provider() : c.caption());
                    // Sandboxed: the player runs, but cannot navigate our page or submit forms.
                    frame.getElement().setAttribute("sandbox", EmbeddedPlayers.SANDBOX);
                    frame.getElement().setAttribute("allow", String.join("; ", EmbeddedPlayers.FEATURES));
                    frame.getElement().setAttribute("referrerpolicy", EmbeddedPlayers.REFERRER_POLICY);
                    frame.getElement().setAttribute("loading", "lazy");
                    media.replace(play, frame);
                });
                media.add(play, link);
            });
        }
        if (c.caption() != null) {
            Paragraph caption = new Paragraph(c.caption());
            caption.addClassName("muted");
            media.add(caption);
        }
        return media;
    }

    private static Component perspective(Div card, StepContent c) {
        Div box = new Div();
        RadioButtonGroup<Integer> choice = new RadioButtonGroup<>();
        choice.setItems(IntStream.range(0, c.options().size()).boxed().toList());
        choice.setItemLabelGenerator(i -> c.options().get(i).text());
        choice.setAriaLabel(c.heading());
        choice.addClassName("perspective-options");
        MarkdownView explanation = new MarkdownView(null);
        explanation.addClassName("perspective-explanation");
        choice.addValueChangeListener(e -> {
            PerspectiveOption option = c.options().get(e.getValue());
            explanation.show(option.explanation());
        });
        box.add(choice, explanation);
        return box;
    }

    /** The 1–5 rating of an impact statement, at the start and at report back (skippable). */
    public static RadioButtonGroup<Integer> rating(String statement) {
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(statement);
        rating.setItems(1, 2, 3, 4, 5);
        rating.addClassName("impact-rating");
        return rating;
    }

}
