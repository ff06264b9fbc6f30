package org.encounter.authoring.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import org.encounter.authoring.CoAuthorService;
import org.encounter.authoring.CommentView;
import org.encounter.authoring.ImageService;
import org.encounter.authoring.ModuleDraft;
import org.encounter.authoring.ModuleService;
import org.encounter.authoring.ModuleStatus;
import org.encounter.authoring.ReviewService;
import org.encounter.authoring.StepType;
import org.encounter.authoring.StepView;
import org.encounter.authoring.TransitionView;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Autosaver;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.SaveStatus;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PersonDirectory;
import org.encounter.base.ui.Markup;

/**
 * The module editor, phone first: details, impact statements, steps with curators' comments
 * beside them, co-authors. Everything saves as the author types.
 */
@Route("authoring/:id")
@PermitAll
public class ModuleEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle, StepEditor.Actions {

    private final transient ModuleService modules;
    private final transient ReviewService review;
    private final transient org.encounter.base.Dates dates;
    private final transient CoAuthorService coAuthors;
    private final transient ImageService images;
    private final transient PersonDirectory directory;
    private final transient CurrentPerson me;
    private final SaveStatus status = new SaveStatus();
    private final Autosaver saver = new Autosaver(status);
    private ModuleDraft draft;

    public ModuleEditorView(ModuleService modules, ReviewService review, CoAuthorService coAuthors, ImageService images,
                            PersonDirectory directory, CurrentPerson me, org.encounter.base.Dates dates) {
        this.dates = dates;
        this.modules = modules;
        this.review = review;
        this.coAuthors = coAuthors;
        this.images = images;
        this.directory = directory;
        this.me = me;
        addClassName("view");
        addClassName("editor");
        status.setId("save-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("id").orElse(-1L);
        draft = modules.draft(id);
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(draft.details().title());
        Span badge = new Span(getTranslation(draft.status().labelKey()));
        badge.getElement().getThemeList().add("badge");
        badge.setId("module-status");
        badge.getElement().setAttribute("data-status", draft.status().name());
        HorizontalLayout head = new HorizontalLayout(badge, status);
        head.setAlignItems(Alignment.BASELINE);
        add(title, head, actions());
        notes();
        if (!draft.canEdit() && draft.status() == ModuleStatus.IN_REVIEW) {
            add(notice("editor.in-review", "info"));
        }
        List<CommentView> comments = review.comments(draft.id());
        add(new DetailsForm(modules, draft.id(), draft.details(), draft.canEdit(), saver));
        add(new CoverImage(modules, images, draft.id(), draft.coverImageKey(), draft.canEdit()));
        add(Markup.element("h2", getTranslation("editor.steps")));
        if (comments.stream().anyMatch(c -> c.stepId() == null) || draft.curator()) {
            add(generalComments(comments));
        }
        Div steps = new Div();
        steps.addClassName("steps");
        for (StepView step : draft.steps()) {
            Div row = new Div(new StepEditor(modules, images, draft.id(), step, draft.steps().size(), draft.canEdit(),
                    saver, this));
            row.addClassName("step-row");
            List<CommentView> onStep = comments.stream().filter(c -> Objects.equals(c.stepId(), step.id())).toList();
            // Authors reply where a curator has commented; a bare reply box under every step is clutter on a phone.
            if (!onStep.isEmpty() || draft.curator()) {
                row.add(new CommentsPanel(review, dates, draft.id(), step.id(), onStep, draft.curator()));
            }
            steps.add(row);
        }
        add(steps);
        if (draft.canEdit()) {
            add(addStep());
        }
        add(new CoAuthorsPanel(draft, coAuthors, directory, me, this::reload));
    }

    private HorizontalLayout actions() {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        Button preview = new Button(getTranslation("editor.preview"),
                e -> UI.getCurrent().navigate("authoring/" + draft.id() + "/preview"));
        preview.setId("editor-preview");
        actions.add(preview);
        if (draft.canEdit()) {
            Button submit = new Button(getTranslation("editor.submit"), e -> submit());
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            submit.setId("editor-submit");
            actions.add(submit);
        }
        if (draft.status() == ModuleStatus.PUBLISHED && draft.authors().stream().anyMatch(a -> a.personId() == me.requireId())) {
            Button next = new Button(getTranslation("editor.new-draft"), e -> {
                review.startNewDraft(draft.id());
                reload();
            });
            next.setId("editor-new-draft");
            actions.add(next);
        }
        if (draft.latestVersionNumber() != null) {
            actions.add(new Span(getTranslation("editor.published-version", draft.latestVersionNumber())));
        }
        // Only the owner, and only a draft no learner ever saw: the service holds the same rule.
        if (draft.owner() && draft.canEdit() && draft.latestVersionNumber() == null) {
            Button delete = new Button(getTranslation("editor.delete-draft"), e -> confirmDelete());
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            delete.setId("editor-delete-draft");
            actions.add(delete);
        }
        return actions;
    }

    private void confirmDelete() {
        String title = draft.details().title();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("editor.delete-draft.title"),
                getTranslation("editor.delete-draft.text", title), getTranslation("editor.delete-draft"), e -> {
                    try {
                        saver.flush();
                        modules.deleteDraft(draft.id());
                        Notifications.success(getTranslation("editor.draft-deleted", title));
                        UI.getCurrent().navigate(MyModulesView.class);
                    } catch (InvalidInputException ex) {
                        Notifications.error(getTranslation(ex.errors().getFirst().messageKey(),
                                ex.errors().getFirst().args()));
                        reload();
                    }
                });
        confirm.setId("editor-delete-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void notes() {
        List<TransitionView> history = review.history(draft.id());
        if (!history.isEmpty()) {
            TransitionView last = history.getLast();
            if (last.to() == ModuleStatus.CHANGES_REQUESTED && last.note() != null) {
                Paragraph note = new Paragraph(getTranslation("editor.changes-requested", last.actor(), last.note()));
                note.addClassName("notice");
                note.setId("changes-requested");
                add(note);
            }
        }
    }

    private Div generalComments(List<CommentView> comments) {
        Div box = new Div(new Paragraph(getTranslation("editor.general-comments")));
        box.addClassName("general-comments");
        box.add(new CommentsPanel(review, dates, draft.id(), null,
                comments.stream().filter(c -> c.stepId() == null).toList(), draft.curator()));
        return box;
    }

    private HorizontalLayout addStep() {
        Select<StepType> type = new Select<>();
        type.setLabel(getTranslation("editor.step-type"));
        type.setItems(StepType.values());
        type.setItemLabelGenerator(t -> getTranslation(t.labelKey()));
        type.setValue(StepType.STORY);
        type.setId("new-step-type");
        Button add = new Button(getTranslation("editor.add-step"), e -> {
            try {
                modules.addStep(draft.id(), type.getValue());
                reload();
            } catch (InvalidInputException ex) {
                Notifications.error(getTranslation(ex.errors().getFirst().messageKey(), ex.errors().getFirst().args()));
            }
        });
        add.setId("add-step");
        HorizontalLayout row = new HorizontalLayout(type, add);
        row.setAlignItems(Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void submit() {
        saver.flush();
        try {
            review.submit(draft.id());
            Notifications.success(getTranslation("editor.submitted"));
            reload();
        } catch (InvalidInputException e) {
            UnorderedList problems = new UnorderedList();
            e.errors().forEach(err -> problems.add(new ListItem(getTranslation(err.messageKey(), err.args()))));
            Div notice = new Div(new Paragraph(getTranslation("editor.not-ready")), problems);
            notice.addClassName("notice");
            notice.setId("not-ready");
            addComponentAtIndex(3, notice);
        }
    }

    private Paragraph notice(String key, String variant) {
        Paragraph p = new Paragraph(getTranslation(key));
        p.addClassNames("notice", variant);
        return p;
    }

    void reload() {
        draft = modules.draft(draft.id());
        render();
    }

    @Override
    public void move(StepView step, int delta) {
        modules.moveStep(step.id(), delta);
        reload();
    }

    @Override
    public void remove(StepView step) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                getTranslation("step.remove.title"), getTranslation("step.remove.text", step.position() + 1),
                getTranslation("step.remove.confirm"), e -> {
                    modules.removeStep(step.id());
                    reload();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return (draft == null ? "" : draft.details().title() + " · ") + getTranslation("app.name");
    }
}
