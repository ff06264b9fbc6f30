package org.encounter.authoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.encounter.authoring.AuthorView;
import org.encounter.authoring.ModuleDraft;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.StepView;
import org.encounter.base.ui.MarkdownView;

/** An author or curator walks through the draft exactly as a learner will, and nothing is saved. */
@Route("authoring/:id/preview")
@PermitAll
public class PreviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ModuleService modules;
    private ModuleDraft draft;
    private int page;
    private final Div content = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span position = new Span();
    private final Button back = new Button();
    private final Button next = new Button();

    public PreviewView(ModuleService modules) {
        this.modules = modules;
        addClassName("view");
        addClassName("player");
        Paragraph banner = new Paragraph(getTranslation("preview.banner"));
        banner.addClassNames("notice", "info");
        banner.setId("preview-banner");
        position.setId("preview-position");
        progress.getElement().setAttribute("aria-labelledby", "preview-position");
        back.setText(getTranslation("player.back"));
        back.addClickListener(e -> show(page - 1));
        next.setText(getTranslation("player.next"));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("preview-next");
        next.addClickListener(e -> show(page + 1));
        Button close = new Button(getTranslation("preview.close"),
                e -> getUI().ifPresent(ui -> ui.navigate("authoring/" + draft.id())));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout nav = new HorizontalLayout(back, next, close);
        nav.setWrap(true);
        content.setWidthFull();
        add(banner, position, progress, content, nav);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        draft = modules.draft(id);
        show(0);
    }

    private void show(int target) {
        List<StepView> steps = draft.steps();
        int last = steps.size() + 1;
        page = Math.max(0, Math.min(target, last));
        content.removeAll();
        if (page == 0) {
            content.add(intro());
        } else if (page <= steps.size()) {
            content.add(StepRenderer.render(steps.get(page - 1).content()));
        } else {
            content.add(new H1(getTranslation("preview.end.title")), new Paragraph(getTranslation("preview.end.text")));
        }
        position.setText(page == 0 || page > steps.size() ? getTranslation("player.overview", steps.size())
                : getTranslation("player.step-of", page, steps.size()));
        progress.setValue(steps.isEmpty() ? 0 : Math.min(1.0, (double) page / (steps.size() + 1)));
        back.setEnabled(page > 0);
        next.setEnabled(page < last);
    }

    private Div intro() {
        Div intro = new Div();
        intro.add(new H1(draft.details().title()));
        intro.add(new MarkdownView(draft.details().summary()));
        List<String> credits = draft.authors().stream().map(AuthorView::credit).toList();
        Paragraph by = new Paragraph(getTranslation("module.co-designed-by", String.join(", ", credits)));
        by.addClassName("credits");
        intro.add(by);
        if (draft.details().estimatedMinutes() != null) {
            intro.add(new Paragraph(getTranslation("module.minutes", draft.details().estimatedMinutes())));
        }
        if (!draft.details().statements().isEmpty()) {
            intro.add(new Paragraph(getTranslation("player.rate-intro")));
            draft.details().statements().forEach(s -> intro.add(StepRenderer.rating(s)));
        }
        return intro;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("preview.title") + (draft == null ? "" : ": " + draft.details().title()) + " · "
                + getTranslation("app.name");
    }
}
