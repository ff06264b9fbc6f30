package org.encounter.authoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.encounter.authoring.AuthorView;
import org.encounter.authoring.CommentView;
import org.encounter.authoring.Limits;
import org.encounter.authoring.ModuleDraft;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleStatus;
import org.encounter.authoring.ReviewService;
import org.encounter.authoring.StepView;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.MarkdownView;
import org.encounter.base.ui.Notifications;
import org.encounter.identity.Role;

/** A curator reads a submitted module as learners will, comments on its steps, and requests changes or publishes. */
@Route("review/:id")
@RolesAllowed(Role.Names.CURATOR)
public class ReviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ModuleService modules;
    private final transient ReviewService review;
    private final transient org.encounter.base.Dates dates;
    static final String CHANGED = "review.changed-since-opened";

    private ModuleDraft draft;
    private TextArea note;

    public ReviewView(ModuleService modules, ReviewService review, org.encounter.base.Dates dates) {
        this.dates = dates;
        this.modules = modules;
        this.review = review;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        draft = modules.draft(event.getRouteParameters().getLong("id").orElse(-1L));
        render();
    }

    private void render() {
        removeAll();
        note = null;
        add(new H1(draft.details().title()));
        Paragraph state = new Paragraph(getTranslation(draft.status().labelKey()));
        state.setId("review-status");
        add(state);
        add(new MarkdownView(draft.details().summary()));
        add(new Paragraph(getTranslation("module.co-designed-by",
                String.join(", ", draft.authors().stream().map(AuthorView::credit).toList()))));
        if (!draft.details().statements().isEmpty()) {
            UnorderedList statements = new UnorderedList();
            draft.details().statements().forEach(s -> statements.add(new ListItem(s)));
            add(new H2(getTranslation("module.impact")), statements);
        }
        if (draft.status() == ModuleStatus.IN_REVIEW && draft.curator()) {
            add(decision());
        }
        List<CommentView> comments = review.comments(draft.id());
        add(new H2(getTranslation("editor.general-comments")), new CommentsPanel(review, dates, draft.id(), null,
                comments.stream().filter(c -> c.stepId() == null).toList(), true));
        for (StepView step : draft.steps()) {
            Div row = new Div(new Paragraph(getTranslation("step.number", step.position() + 1, draft.steps().size())),
                    StepRenderer.render(step.content()));
            row.addClassName("step-row");
            row.add(new CommentsPanel(review, dates, draft.id(), step.id(),
                    comments.stream().filter(c -> Objects.equals(c.stepId(), step.id())).toList(), true));
            add(row);
        }
        add(history());
    }

    private Div decision() {
        note = LengthLimit.apply(new TextArea(getTranslation("review.note")), Limits.NOTE);
        note.setWidthFull();
        note.setId("review-note");
        note.setHelperText(getTranslation("review.note.help"));
        Button changes = new Button(getTranslation("review.request-changes"), e -> {
            try {
                review.requestChanges(draft.id(), note.getValue(), draft.revision());
                Notifications.success(getTranslation("review.changes-requested"));
                UI.getCurrent().navigate(ReviewQueueView.class);
            } catch (InvalidInputException ex) {
                refused(ex);
            }
        });
        changes.setId("review-request-changes");
        Button publish = new Button(getTranslation("review.publish"), e -> confirmPublish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.setId("review-publish");
        Button preview = new Button(getTranslation("editor.preview"),
                e -> UI.getCurrent().navigate("authoring/" + draft.id() + "/preview"));
        HorizontalLayout buttons = new HorizontalLayout(changes, publish, preview);
        buttons.setWrap(true);
        Div box = new Div(new H2(getTranslation("review.decide")), note, buttons);
        box.addClassName("home-card");
        return box;
    }

    /** Publishing reaches every learner at once, so the curator says yes twice; the text is the one they read. */
    private void confirmPublish() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("review.publish.confirm-title", draft.details().title()),
                getTranslation("review.publish.confirm-text"), getTranslation("review.publish"), e -> publish());
        confirm.setId("review-publish-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private void publish() {
        try {
            int number = review.publish(draft.id(), draft.revision());
            Notifications.success(getTranslation("review.published", number));
            UI.getCurrent().navigate(ReviewQueueView.class);
        } catch (InvalidInputException ex) {
            refused(ex);
        }
    }

    /** A refused decision: when the module changed since it was opened, the curator now reads what it says. */
    private void refused(InvalidInputException ex) {
        if (ex.errors().stream().anyMatch(err -> CHANGED.equals(err.messageKey()))) {
            String kept = note == null ? "" : note.getValue();
            draft = modules.draft(draft.id());
            render();
            if (note != null) {
                note.setValue(kept);
            }
        }
        FormErrors.show(ex, this, note == null ? Map.of() : Map.of("note", note));
    }

    private Div history() {
        DateTimeFormatter format = dates.dateTimes(getLocale());
        UnorderedList list = new UnorderedList();
        review.history(draft.id()).forEach(t -> list.add(new ListItem(getTranslation("review.history.line",
                format.format(t.at()), t.actor(), getTranslation(t.to().labelKey()))
                + (t.note() == null ? "" : " — " + t.note()))));
        Div box = new Div(new H2(getTranslation("review.history")), list);
        box.setId("review-history");
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("review.title") + (draft == null ? "" : ": " + draft.details().title()) + " · "
                + getTranslation("app.name");
    }
}
