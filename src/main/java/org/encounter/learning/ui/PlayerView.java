package org.encounter.learning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.encounter.authoring.StepContent;
import org.encounter.authoring.StepType;
import org.encounter.authoring.ui.StepRenderer;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Autosaver;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Markup;
import org.encounter.base.ui.MarkdownView;
import org.encounter.base.ui.Notifications;
import org.encounter.base.ui.SaveStatus;
import org.encounter.learning.LearningService;
import org.encounter.learning.PlayerState;
import org.encounter.learning.Sharing;
import org.encounter.learning.StepAnswer;
import org.encounter.learning.StepProgress;

/**
 * The player: one step at a time, "step k of n", answers saved as the learner types, resumed at
 * the same step on any device. The report back opens only when it should.
 */
@Route("learn/attempt/:id")
@PermitAll
public class PlayerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient LearningService learning;
    private final transient org.encounter.base.Dates dates;
    private final SaveStatus saveStatus = new SaveStatus();
    private final Autosaver saver = new Autosaver(saveStatus);
    private PlayerState state;
    private final Map<String, HasValidation> fields = new HashMap<>();
    // The frame stays on the page while the steps change under it, so the live region is announced.
    private final H1 title = new H1();
    private final Span where = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Div body = new Div();

    public PlayerView(LearningService learning, org.encounter.base.Dates dates) {
        this.dates = dates;
        this.learning = learning;
        addClassNames("view", "player");
        saveStatus.setId("player-save-status");
        where.setId("player-position");
        where.getElement().setAttribute("role", "status");
        where.getElement().setAttribute("aria-live", "polite");
        where.getElement().setAttribute("aria-atomic", "true");
        progress.getElement().setAttribute("aria-labelledby", "player-position");
        body.setWidthFull();
        add(title, where, progress, saveStatus, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        state = learning.player(event.getRouteParameters().getLong("id").orElse(-1L));
        render();
    }

    private void render() {
        body.removeAll();
        fields.clear();
        int n = state.module().steps().size();
        int position = state.position();
        title.setText(state.module().title());
        where.setText(position < 0 ? getTranslation("player.overview", n)
                : position >= n ? getTranslation("player.done") : getTranslation("player.step-of", position + 1, n));
        progress.setMax(n + 1);
        progress.setValue(Math.max(0, Math.min(n + 1, position + 1)));
        if (position < 0) {
            body.add(intro());
        } else if (position >= n) {
            body.add(new CompletedPanel(learning, state, () -> {
                state = learning.player(state.attemptId());
                rerender();
            }));
        } else {
            body.add(step(position, state.module().steps().get(position), state.steps().get(position)));
        }
    }

    /** A new step in place of the last one: focus moves to its heading, as it would on a new page. */
    private void rerender() {
        render();
        body.getElement().executeJs("""
                requestAnimationFrame(() => {
                  const target = this.querySelector('h2') || document.querySelector('.player h1');
                  if (target) { target.setAttribute('tabindex', '-1'); target.focus(); }
                });""");
    }

    private Component intro() {
        Div intro = new Div(new MarkdownView(state.module().summary()));
        Paragraph by = new Paragraph(getTranslation("module.co-designed-by", String.join(", ", state.module().credits())));
        by.addClassName("credits");
        intro.add(by);
        if (!state.module().statements().isEmpty()) {
            intro.add(new Paragraph(getTranslation("player.rate-intro")));
            intro.add(ratings(false, state.startRatings()));
        }
        Button begin = new Button(getTranslation("player.begin"), e -> go(0));
        begin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        begin.setId("player-next");
        intro.add(begin);
        return intro;
    }

    private Div ratings(boolean atReportBack, Map<Integer, Integer> current) {
        Div box = new Div();
        List<String> statements = state.module().statements();
        for (int i = 0; i < statements.size(); i++) {
            int index = i;
            RadioButtonGroup<Integer> rating = StepRenderer.rating(statements.get(i));
            rating.setValue(current.get(i));
            rating.addValueChangeListener(e -> {
                if (e.getValue() != null) {
                    learning.rate(state.attemptId(), atReportBack, index, e.getValue());
                }
            });
            box.add(rating);
        }
        return box;
    }

    private Component step(int position, StepContent content, StepProgress progress) {
        Div box = new Div();
        StepAnswer saved = progress.answer();
        StepType type = content.type();
        if (state.answersRemovedAt() != null
                && (type == StepType.REFLECTION || type == StepType.ACTION_PLAN || type == StepType.REPORT_BACK)) {
            box.add(answersRemoved());
        }
        switch (type) {
            case STORY, MEDIA, DISCUSSION -> box.add(StepRenderer.render(content));
            case REFLECTION -> {
                box.add(heading(content), new MarkdownView(content.body()));
                TextArea answer = area("player.your-reflection", 10_000, saved.answer());
                answer.setId("player-reflection");
                keep(answer, position, "answer");
                answer.setHelperText(getTranslation("player.private"));
                autosave(answer, () -> new StepAnswer(answer.getValue(), null, null, null, null, null, null, null, false));
                fields.put("answer", answer);
                box.add(answer, sharing(position, progress));
            }
            case PERSPECTIVE_CHECK -> {
                box.add(heading(content));
                RadioButtonGroup<Integer> choice = new RadioButtonGroup<>();
                choice.setItems(IntStream.range(0, content.options().size()).boxed().toList());
                choice.setItemLabelGenerator(i -> content.options().get(i).text());
                choice.setAriaLabel(content.heading());
                MarkdownView explanation = new MarkdownView(null);
                explanation.addClassName("perspective-explanation");
                choice.addValueChangeListener(e -> {
                    if (e.getValue() != null) {
                        explanation.show(content.options().get(e.getValue()).explanation());
                        saveQuietly(position, new StepAnswer(null, e.getValue(), null, null, null, null, null, null, false));
                    }
                });
                choice.setValue(saved.choice());
                fields.put("choice", choice);
                box.add(choice, explanation);
            }
            case ACTION_PLAN -> {
                box.add(heading(content), new MarkdownView(content.body()));
                TextField action = LengthLimit.apply(new TextField(getTranslation("player.action")), 500);
                action.setWidthFull();
                action.setId("player-action");
                keep(action, position, "action");
                action.setValue(state.action() != null ? state.action() : saved.answer() == null ? "" : saved.answer());
                action.setValueChangeMode(ValueChangeMode.TIMEOUT);
                action.addValueChangeListener(e -> saveQuietly(position,
                        new StepAnswer(action.getValue(), null, null, null, null, null, null, null, false)));
                DatePicker when = org.encounter.base.ui.DatePickers.create(getTranslation("player.action-date"));
                when.setId("player-action-date");
                // "Today" is today where the service is (TIME_ZONE), whatever the browser's clock says.
                when.setMin(state.triedAlready() ? null : dates.today());
                when.setInitialPosition(dates.today());
                when.setValue(state.actionDate());
                Checkbox already = new Checkbox(getTranslation("player.tried-already"));
                already.setValue(state.triedAlready());
                already.addValueChangeListener(e -> when.setMin(e.getValue() ? null : dates.today()));
                fields.put("action", action);
                fields.put("actionDate", when);
                box.add(action, when, already);
                box.add(nav(position, () -> new StepAnswer(null, null, null, null, null, null, action.getValue(),
                        when.getValue(), already.getValue())));
                return box;
            }
            case REPORT_BACK -> {
                box.add(heading(content), new MarkdownView(content.body()));
                if (!state.reportBackOpen()) {
                    box.add(awaiting());
                    box.add(nav(position, null));
                    return box;
                }
                TextArea tried = area("player.tried", 5_000, saved.tried());
                TextArea happened = area("player.happened", 5_000, saved.happened());
                TextArea learned = area("player.learned", 5_000, saved.learned());
                TextArea keep = area("player.keep", 5_000, saved.keepDoing());
                tried.setId("player-tried");
                happened.setId("player-happened");
                // Did you try it? Counted (never shown individually) in the share of learners who tried their action.
                RadioButtonGroup<Integer> triedIt = new RadioButtonGroup<>(getTranslation("player.tried-it"));
                triedIt.setItems(1, 0);
                triedIt.setItemLabelGenerator(i -> getTranslation(i == 1 ? "player.tried-it.yes" : "player.tried-it.no"));
                triedIt.setValue(saved.choice());
                triedIt.setId("player-tried-it");
                java.util.function.Supplier<StepAnswer> collect = () -> new StepAnswer(null, triedIt.getValue(),
                        tried.getValue(), happened.getValue(), learned.getValue(), keep.getValue(), null, null, false);
                for (TextArea area : List.of(tried, happened, learned, keep)) {
                    autosave(area, collect);
                }
                keep(tried, position, "tried");
                keep(happened, position, "happened");
                keep(learned, position, "learned");
                keep(keep, position, "keepDoing");
                triedIt.addValueChangeListener(e -> {
                    if (e.isFromClient()) {
                        saveQuietly(state.position(), collect.get());
                    }
                });
                fields.putAll(Map.of("choice", triedIt, "tried", tried, "happened", happened, "learned", learned,
                        "keepDoing", keep));
                box.add(triedIt, tried, happened, learned, keep);
                if (!state.module().statements().isEmpty()) {
                    box.add(new Paragraph(getTranslation("player.rate-again")), ratings(true, state.reportRatings()));
                }
                box.add(sharing(position, progress));
                box.add(nav(position, collect::get));
                return box;
            }
        }
        box.add(nav(position, () -> answerOf(position)));
        return box;
    }

    private StepAnswer answerOf(int position) {
        StepAnswer saved = state.steps().get(position).answer();
        HasValidation reflection = fields.get("answer");
        HasValidation choice = fields.get("choice");
        String text = reflection instanceof TextArea area ? area.getValue() : saved.answer();
        @SuppressWarnings("unchecked")
        Integer chosen = choice instanceof RadioButtonGroup<?> group ? ((RadioButtonGroup<Integer>) group).getValue()
                : saved.choice();
        return new StepAnswer(text, chosen, null, null, null, null, null, null, false);
    }

    /** What the learner wrote here was removed after the retention period: say so, rather than show empty boxes. */
    private Paragraph answersRemoved() {
        Paragraph p = new Paragraph(getTranslation("player.answers-removed"));
        p.addClassNames("notice", "info");
        p.setId("player-answers-removed");
        return p;
    }

    private Paragraph awaiting() {
        String date = state.reportBackOpensAt() == null ? "" : dates.dates(FormatStyle.LONG, getLocale())
                .format(state.reportBackOpensAt());
        Paragraph p = new Paragraph(getTranslation("player.awaiting", date, state.action() == null ? "" : state.action()));
        p.addClassNames("notice", "info");
        p.setId("player-awaiting");
        return p;
    }

    private Component heading(StepContent content) {
        Markup head = new Markup().add("p", getTranslation(content.type().labelKey()), "class", "step-kind");
        if (content.heading() != null) {
            head.add("h2", content.heading());
        }
        return head;
    }

    private TextArea area(String labelKey, int max, String value) {
        TextArea area = LengthLimit.apply(new TextArea(getTranslation(labelKey)), max);
        area.setWidthFull();
        area.setMinHeight("8rem");
        area.setValue(value == null ? "" : value);
        area.setValueChangeMode(ValueChangeMode.TIMEOUT);
        area.setValueChangeTimeout(600);
        return area;
    }

    private void autosave(TextArea area, java.util.function.Supplier<StepAnswer> answer) {
        area.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                saveQuietly(state.position(), answer.get());
            }
        });
    }

    /** What the learner types here is also kept in their browser tab until it is saved. */
    private <F extends Component & HasValue<?, String>> void keep(F field, int position, String name) {
        saver.keep(field, "attempt:" + state.attemptId() + ":step:" + position + ":" + name);
    }

    /** Saves as the learner types; a save that fails for a while is retried, one refused for good is not. */
    private void saveQuietly(int position, StepAnswer answer) {
        long attemptId = state.attemptId();
        saver.save(attemptId + ":" + position, () -> {
            try {
                learning.saveAnswer(attemptId, position, answer);
                FormErrors.clear(fields);
            } catch (InvalidInputException e) {
                FormErrors.show(e, this, fields);
                saver.invalid();
            }
        });
    }

    private Component sharing(int position, StepProgress progress) {
        Select<Sharing> share = new Select<>();
        share.setLabel(getTranslation("player.share"));
        share.setItems(Sharing.values());
        share.setItemLabelGenerator(s -> getTranslation("player.share." + s.name().toLowerCase()));
        share.setValue(progress.shared());
        share.setHelperText(getTranslation("player.share.help"));
        share.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                try {
                    learning.share(state.attemptId(), position, e.getValue());
                } catch (InvalidInputException ex) {
                    Notifications.error(getTranslation(ex.errors().getFirst().messageKey()));
                    share.setValue(e.getOldValue());
                }
            }
        });
        return share;
    }

    private HorizontalLayout nav(int position, java.util.function.Supplier<StepAnswer> answer) {
        Button back = new Button(getTranslation("player.back"), e -> go(position - 1));
        back.setId("player-back");
        HorizontalLayout nav = new HorizontalLayout(back);
        if (answer != null) {
            Button next = new Button(getTranslation(position == state.module().steps().size() - 1 ? "player.finish"
                    : "player.next"), e -> complete(position, answer.get()));
            next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            next.setId("player-next");
            nav.add(next);
        }
        nav.setWrap(true);
        return nav;
    }

    private void complete(int position, StepAnswer answer) {
        try {
            state = learning.completeStep(state.attemptId(), position, answer);
            rerender();
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields);
        }
    }

    private void go(int position) {
        try {
            learning.goTo(state.attemptId(), position);
            state = learning.player(state.attemptId());
            rerender();
        } catch (InvalidInputException e) {
            Notifications.error(getTranslation(e.errors().getFirst().messageKey()));
        }
    }

    @Override
    public String getPageTitle() {
        return (state == null ? "" : state.module().title() + " · ") + getTranslation("app.name");
    }
}
