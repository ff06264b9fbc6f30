package org.encounter.progress.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.encounter.identity.Role;
import org.encounter.learning.AuthorFeedback;
import org.encounter.learning.AuthorFeedbackService;
import org.encounter.progress.ImpactService;
import org.encounter.progress.ModuleImpact;

/**
 * What an author hears back about their published modules: impact in aggregate (released in cohorts of five),
 * feedback, and what learners chose to share with the authors — anonymous unless the learner signed it.
 */
@Route("author/impact")
@RolesAllowed(Role.Names.AUTHOR)
@Menu(order = 21, title = "menu.author-impact", icon = "vaadin:heart")
public class AuthorImpactView extends VerticalLayout implements HasDynamicTitle {

    public AuthorImpactView(ImpactService impact, AuthorFeedbackService feedback,
                            org.encounter.stories.StoryService stories, org.encounter.base.Dates calendar) {
        addClassName("view");
        add(new H1(getTranslation("author-impact.title")));
        List<ModuleImpact> modules = impact.forMyModules();
        if (modules.isEmpty()) {
            add(new Paragraph(getTranslation("author-impact.none")));
        } else {
            add(new Paragraph(getTranslation("impact.intro-cohorts")));
        }
        DateTimeFormatter dates = calendar.dates(FormatStyle.MEDIUM, getLocale());
        for (ModuleImpact m : modules) {
            add(new H2(m.title()));
            add(ImpactPanel.figuresOnly(m));
            AuthorFeedback heard = feedback.forModule(m.moduleId());
            add(new H3(getTranslation("author-impact.feedback")));
            if (heard.feedback().isEmpty()) {
                add(new Paragraph(getTranslation("author-impact.no-feedback")));
            }
            for (AuthorFeedback.Item item : heard.feedback()) {
                Div box = new Div(new Paragraph("★".repeat(item.rating()) + "☆".repeat(5 - item.rating()) + " · "
                        + dates.format(item.at()) + " · " + (item.signedBy() == null
                        ? getTranslation("author-impact.anonymous") : item.signedBy())));
                if (item.comment() != null && !item.comment().isBlank()) {
                    box.add(new Paragraph(item.comment()));
                }
                box.addClassName("author-feedback");
                add(box);
            }
            add(new H3(getTranslation("author-impact.shared")));
            if (heard.shared().isEmpty()) {
                add(new Paragraph(getTranslation("author-impact.no-shared")));
            }
            for (AuthorFeedback.Shared shared : heard.shared()) {
                Div box = new Div(new Paragraph(shared.text()), new Paragraph("— " + (shared.signedBy() == null
                        ? getTranslation("author-impact.anonymous") : shared.signedBy())));
                box.addClassName("author-shared");
                add(box);
            }
        }
        addStories(stories.fromMyModules());
    }

    private void addStories(List<org.encounter.stories.StoryView> stories) {
        add(new H2(getTranslation("author-impact.stories")));
        if (stories.isEmpty()) {
            add(new Paragraph(getTranslation("author-impact.no-stories")));
        }
        for (org.encounter.stories.StoryView s : stories) {
            Div box = new Div(new H3(s.title()), new Paragraph(getTranslation("story.from-module", s.moduleTitle())),
                    new Paragraph(s.tried()), new Paragraph(s.happened()), new Paragraph(s.learned()),
                    new Paragraph(s.writerName() == null ? getTranslation("story.by-anonymous")
                            : getTranslation("story.by", s.writerName())));
            box.addClassName("author-story");
            add(box);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("author-impact.title") + " · " + getTranslation("app.name");
    }
}
