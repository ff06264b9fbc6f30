package org.encounter.stories.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import org.encounter.stories.StoryView;

/** One story as anyone reads it: plain text (never HTML), the writer named only when the story is named. */
class StoryCard extends Div {

    StoryCard(StoryView s) {
        addClassName("home-card");
        addClassName("story");
        getElement().setAttribute("data-story", String.valueOf(s.id()));
        add(new H3(s.title()), new Paragraph(getTranslation("story.from-module", s.moduleTitle())));
        add(new H4(getTranslation("story.tried")), new Paragraph(s.tried()));
        add(new H4(getTranslation("story.happened")), new Paragraph(s.happened()));
        add(new H4(getTranslation("story.learned")), new Paragraph(s.learned()));
        Paragraph by = new Paragraph(s.writerName() == null ? getTranslation("story.by-anonymous")
                : getTranslation("story.by", s.writerName()));
        by.addClassName("story-by");
        add(by);
    }
}
