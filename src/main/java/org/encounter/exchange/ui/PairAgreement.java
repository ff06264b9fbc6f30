package org.encounter.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DatePickers;
import org.encounter.base.ui.DownloadLink;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeAgreements.Detail;
import org.encounter.exchange.ExchangeAgreements.Goal;
import org.encounter.exchange.ExchangeAgreements.GoalInput;
import org.encounter.exchange.ExchangeAgreements.Visit;
import org.encounter.exchange.ExchangeCalendar;
import org.encounter.exchange.PairStatus;

/**
 * An accepted pair's agreement: the leader's own goals rated now and again at the end, the partner's goals, the
 * visits (each with its calendar file, who recorded it, and the guest's reflection) and planning the next one.
 */
class PairAgreement extends VerticalLayout {

    static final int GOALS = 3;
    static final int GOAL_MAX = 300;
    static final int PLACE_MAX = 200;
    static final int SHADOW_MAX = 500;
    static final int REFLECTION_MAX = 4000;

    private final ExchangePairView page;
    private final transient ExchangeAgreements agreements;
    private final transient ExchangeCalendar calendar;
    private final transient Dates dates;
    private final Detail d;

    PairAgreement(ExchangePairView page, ExchangeAgreements agreements, ExchangeCalendar calendar, Dates dates,
                  Detail d) {
        this.page = page;
        this.agreements = agreements;
        this.calendar = calendar;
        this.dates = dates;
        this.d = d;
        setPadding(false);
        setId("pair-agreement");
        boolean open = d.status() == PairStatus.ACCEPTED;
        add(goals(open), partnerGoals(), visits(), progress());
        if (open) {
            add(plan());
            if (d.endRatingsOpen() && d.myGoals().stream().anyMatch(g -> g.endRating() == null)) {
                add(endRatings());
            }
        }
    }

    private String partner() {
        return d.partner().name();
    }

    private RadioButtonGroup<Integer> rating(String labelKey, String id) {
        RadioButtonGroup<Integer> rating = new RadioButtonGroup<>(getTranslation(labelKey));
        rating.setItems(1, 2, 3, 4, 5);
        rating.setId(id);
        return rating;
    }

    private Component goals(boolean open) {
        Div box = new Div(new H2(getTranslation("exchange.goals.mine")),
                new Paragraph(getTranslation("exchange.goals.help")));
        box.setId("pair-goals");
        boolean fixed = !open || d.myGoals().stream().anyMatch(g -> g.endRating() != null);
        List<TextField> texts = new ArrayList<>();
        List<RadioButtonGroup<Integer>> ratings = new ArrayList<>();
        for (int i = 0; i < GOALS; i++) {
            Goal existing = i < d.myGoals().size() ? d.myGoals().get(i) : null;
            TextField text = LengthLimit.apply(new TextField(getTranslation("exchange.goals.goal", i + 1)), GOAL_MAX);
            text.setWidthFull();
            text.setId("goal-" + i);
            RadioButtonGroup<Integer> rating = rating("exchange.goals.now", "goal-rating-" + i);
            if (existing != null) {
                text.setValue(existing.text());
                rating.setValue(existing.startRating());
            }
            text.setReadOnly(fixed);
            rating.setReadOnly(fixed);
            texts.add(text);
            ratings.add(rating);
            box.add(text, rating);
        }
        if (!fixed) {
            Button save = new Button(getTranslation("exchange.goals.save"), e -> saveGoals(texts, ratings));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("goals-save");
            box.add(save);
        }
        return box;
    }

    private void saveGoals(List<TextField> texts, List<RadioButtonGroup<Integer>> ratings) {
        List<GoalInput> inputs = new ArrayList<>();
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("goals", texts.getFirst());
        int given = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).getValue().isBlank()) {
                inputs.add(new GoalInput(texts.get(i).getValue(), ratings.get(i).getValue()));
                // The service numbers the goals it was given: blanks are left out.
                fields.put("goal" + given, texts.get(i));
                fields.put("rating" + given, ratings.get(i));
                given++;
            }
        }
        try {
            agreements.setGoals(d.id(), inputs);
            Notifications.success(getTranslation("exchange.goals.saved"));
            page.refresh();
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, fields);
        }
    }

    private Component partnerGoals() {
        Div box = new Div(new H2(getTranslation("exchange.goals.partner", partner())));
        box.setId("pair-partner-goals");
        if (d.partnerGoals().isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.goals.partner-none")));
        } else {
            UnorderedList list = new UnorderedList();
            d.partnerGoals().forEach(g -> list.add(new ListItem(g.text())));
            box.add(list);
        }
        return box;
    }

    private Component visits() {
        Div box = new Div(new H2(getTranslation("exchange.visits")));
        box.setId("pair-visits");
        if (d.visits().isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.visits.none")));
        }
        d.visits().forEach(v -> box.add(visit(v)));
        return box;
    }

    private Component visit(Visit v) {
        Div card = new Div(new H3(page.day(v.date()) + " · " + (v.iHost() ? getTranslation("exchange.visit.you-host")
                : getTranslation("exchange.visit.partner-hosts", partner()))));
        card.addClassName("home-card");
        card.setId("visit-" + v.id());
        // Blank only after a partner's data was erased: the visit records no writer, so its words went too.
        if (!v.place().isBlank()) {
            card.add(new Paragraph(getTranslation("exchange.visit.place", v.place())));
        }
        if (!v.shadow().isBlank()) {
            card.add(new Paragraph(getTranslation("exchange.visit.shadow", v.shadow())));
        }
        // On a line of its own: a link inside a block of text must stand out by more than its colour.
        card.add(new Div(DownloadLink.of(getTranslation("exchange.visit.calendar"), "exchange-visit-" + v.id()
                + ".ics", DownloadLink.CALENDAR, () -> calendar.visit(v.id()))));
        boolean happened = !v.date().isAfter(dates.today());
        if (v.doneByMe()) {
            card.add(new Paragraph(getTranslation("exchange.visit.you-recorded")));
        } else if (happened && d.status() == PairStatus.ACCEPTED) {
            Button done = new Button(getTranslation("exchange.visit.happened"), e -> recordDone(v));
            done.setId("visit-done-" + v.id());
            card.add(done);
        }
        if (v.doneByPartner()) {
            card.add(new Paragraph(getTranslation("exchange.visit.partner-recorded", partner())));
        }
        if (!v.iHost() && happened) {
            card.add(reflection(v));
        } else if (v.iHost() && v.reflection() != null) {
            Paragraph shared = new Paragraph(getTranslation("exchange.visit.partner-reflection", partner(),
                    v.reflection()));
            shared.setId("visit-partner-reflection-" + v.id());
            card.add(shared);
        }
        return card;
    }

    private Component reflection(Visit v) {
        TextArea text = LengthLimit.apply(new TextArea(getTranslation("exchange.visit.reflection")), REFLECTION_MAX);
        text.setHelperText(getTranslation("exchange.visit.reflection-help"));
        text.setWidthFull();
        text.setId("visit-reflection-" + v.id());
        if (v.reflection() != null) {
            text.setValue(v.reflection());
        }
        Checkbox share = new Checkbox(getTranslation("exchange.visit.share", partner()));
        share.setValue(v.reflectionShared());
        share.setId("visit-share-" + v.id());
        Button save = new Button(getTranslation("exchange.visit.save-reflection"), e -> {
            try {
                agreements.reflect(v.id(), text.getValue(), share.getValue());
                Notifications.success(getTranslation("exchange.visit.reflection-saved"));
                FormErrors.clear(Map.of("reflection", text));
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, Map.of("reflection", text));
            }
        });
        save.setId("visit-reflect-" + v.id());
        return new Div(text, share, save);
    }

    private void recordDone(Visit v) {
        try {
            agreements.recordDone(v.id());
            Notifications.success(getTranslation("exchange.visit.recorded"));
            page.refresh();
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.of());
        }
    }

    private Component progress() {
        Paragraph progress = new Paragraph(getTranslation("exchange.visits.progress", d.doneHostedByMe(),
                d.visitsEachWay(), partner(), d.doneHostedByPartner()));
        progress.setId("visits-progress");
        return progress;
    }

    private Component plan() {
        Div box = new Div(new H3(getTranslation("exchange.plan")));
        box.setId("pair-plan");
        RadioButtonGroup<Boolean> host = new RadioButtonGroup<>(getTranslation("exchange.plan.host"));
        host.setItems(true, false);
        host.setItemLabelGenerator(mine -> mine ? getTranslation("exchange.plan.host-me")
                : getTranslation("exchange.plan.host-partner", partner()));
        host.setValue(true);
        host.setId("plan-host");
        DatePicker date = DatePickers.create(getTranslation("exchange.plan.date"));
        date.setMin(d.startsOn());
        date.setMax(d.endsOn());
        date.setHelperText(getTranslation("exchange.period", page.day(d.startsOn()), page.day(d.endsOn())));
        date.setId("plan-date");
        TextField place = LengthLimit.apply(new TextField(getTranslation("exchange.plan.place")), PLACE_MAX);
        place.setWidthFull();
        place.setId("plan-place");
        TextArea shadow = LengthLimit.apply(new TextArea(getTranslation("exchange.plan.shadow")), SHADOW_MAX);
        shadow.setWidthFull();
        shadow.setId("plan-shadow");
        Map<String, HasValidation> fields = Map.of("date", date, "place", place, "shadow", shadow);
        Button save = new Button(getTranslation("exchange.plan.save"), e -> {
            try {
                agreements.planVisit(d.id(), Boolean.TRUE.equals(host.getValue()), date.getValue(), place.getValue(),
                        shadow.getValue());
                Notifications.success(getTranslation("exchange.plan.saved"));
                page.refresh();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("plan-save");
        box.add(host, date, place, shadow, save);
        return box;
    }

    private Component endRatings() {
        Div box = new Div(new H2(getTranslation("exchange.end.title")),
                new Paragraph(getTranslation("exchange.end.help")));
        box.setId("pair-end-ratings");
        Map<Long, RadioButtonGroup<Integer>> choices = new LinkedHashMap<>();
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < d.myGoals().size(); i++) {
            Goal g = d.myGoals().get(i);
            RadioButtonGroup<Integer> rating = rating("exchange.end.rating", "end-rating-" + i);
            rating.setHelperText(g.text());
            choices.put(g.id(), rating);
            fields.put("rating" + i, rating);
            box.add(rating);
        }
        Button save = new Button(getTranslation("exchange.end.save"), e -> {
            Map<Long, Integer> ratings = new LinkedHashMap<>();
            choices.forEach((id, c) -> {
                if (c.getValue() != null) {
                    ratings.put(id, c.getValue());
                }
            });
            try {
                agreements.rateAtEnd(d.id(), ratings);
                Notifications.success(getTranslation("exchange.end.saved"));
                page.refresh();
            } catch (InvalidInputException ex) {
                FormErrors.show(ex, this, fields);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("end-save");
        box.add(save);
        return box;
    }
}
