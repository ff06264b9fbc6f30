package org.encounter.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.RecordNotFound;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Notifications;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeAgreements.Detail;
import org.encounter.exchange.ExchangeAgreements.Profile;
import org.encounter.exchange.ExchangeCalendar;
import org.encounter.identity.Role;

/**
 * A pair's own page, for its two partners: the partner as they chose to be shown, each partner's answer and then the
 * agreement ({@link PairAgreement}). Who declined and why never shows here: the reason goes to the coordinator only.
 */
@Route("exchange/pair/:pairId")
@RolesAllowed(Role.Names.LEARNER)
public class ExchangePairView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int REASON_MAX = 500;

    private final transient ExchangeAgreements agreements;
    private final transient ExchangeCalendar calendar;
    private final transient org.encounter.exchange.ExchangeReportBacks reportBacks;
    private final transient Dates dates;
    private String title = "";
    private long pairId;

    public ExchangePairView(ExchangeAgreements agreements, ExchangeCalendar calendar,
                            org.encounter.exchange.ExchangeReportBacks reportBacks, Dates dates) {
        this.agreements = agreements;
        this.calendar = calendar;
        this.reportBacks = reportBacks;
        this.dates = dates;
        addClassName("view");
    }

    static long number(BeforeEnterEvent event, String name) {
        try {
            return Long.parseLong(event.getRouteParameters().get(name).orElse(""));
        } catch (NumberFormatException e) {
            throw new RecordNotFound(name, -1);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pairId = number(event, "pairId");
        show(agreements.pair(pairId));
    }

    void refresh() {
        show(agreements.pair(pairId));
    }

    private void show(Detail d) {
        removeAll();
        title = getTranslation("exchange.pair.title", d.round());
        add(new RouterLink(getTranslation("exchange.back"), ExchangeView.class), new H1(title),
                new Paragraph(getTranslation("exchange.period", day(d.startsOn()), day(d.endsOn()))));
        if (d.briefingAt() != null || d.debriefAt() != null) {
            add(meetings(d));
        }
        Paragraph status = new Paragraph(getTranslation("exchange.pair.status-line",
                getTranslation("exchange.pair.status." + d.status().name().toLowerCase())));
        status.setId("pair-status");
        add(status);
        if (d.status() != org.encounter.exchange.PairStatus.DECLINED) {
            // A declined pairing names nobody: who declined, and why, is for the coordinator.
            add(profile(d.partner()));
        }
        switch (d.status()) {
            case PUBLISHED -> add(d.myAnswer() == null ? answer() : note("pair-waiting", "exchange.pair.waiting"));
            case DECLINED -> add(note("pair-declined", "exchange.pair.declined"));
            case ENDED -> add(note("pair-ended", "exchange.pair.ended"));
            case ACCEPTED -> add(new PairAgreement(this, agreements, calendar, dates, d));
            case COMPLETED -> {
                Div done = new Div(new Paragraph(getTranslation("exchange.pair.completed")),
                        new Anchor("certificates", getTranslation("exchange.pair.certificates")));
                done.setId("pair-completed");
                add(done, new PairReportBack(reportBacks, d.id()), new PairAgreement(this, agreements, calendar, dates,
                        d));
            }
            default -> {
            }
        }
    }

    /** The round's group briefing and debrief, with everyone taking part. */
    private Component meetings(Detail d) {
        Div box = new Div();
        box.setId("pair-round-meetings");
        var at = dates.dateTimes(getLocale());
        if (d.briefingAt() != null) {
            box.add(new Paragraph(getTranslation("exchange.pair.briefing", at.format(d.briefingAt()))));
        }
        if (d.debriefAt() != null) {
            box.add(new Paragraph(getTranslation("exchange.pair.debrief", at.format(d.debriefAt()))));
        }
        if (d.meetingPlace() != null && !d.meetingPlace().isBlank()) {
            box.add(new Paragraph(getTranslation("exchange.pair.meeting-place", d.meetingPlace())));
        }
        return box;
    }

    private Component profile(Profile p) {
        Div box = new Div(new H2(getTranslation("exchange.partner")), new H3(p.name()));
        box.setId("pair-partner");
        box.addClassName("home-card");
        box.add(new Paragraph(getTranslation("exchange.profile.organisation", p.organisation())),
                new Paragraph(getTranslation("exchange.profile.sector", getTranslation(p.sector().labelKey()))));
        if (p.level() != null) {
            box.add(new Paragraph(getTranslation("exchange.profile.level", getTranslation(p.level().labelKey()))));
        }
        if (p.wants() != null) {
            box.add(line("pair-partner-wants", "exchange.profile.wants", p.wants() + themes(p.wantThemes())));
        }
        if (p.offers() != null) {
            box.add(line("pair-partner-offers", "exchange.profile.offers", p.offers() + themes(p.offerThemes())));
        }
        if (!p.languages().isEmpty()) {
            box.add(line("pair-partner-languages", "exchange.profile.languages", p.languages().stream().sorted()
                    .map(l -> getTranslation("exchange.language." + l)).collect(Collectors.joining(", "))));
        }
        if (!p.availability().isEmpty() || p.availabilityNote() != null) {
            String days = p.availability().stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, getLocale())).collect(Collectors.joining(", "));
            box.add(line("pair-partner-availability", "exchange.profile.availability",
                    p.availabilityNote() == null ? days : days + (days.isEmpty() ? "" : " · ") + p.availabilityNote()));
        }
        return box;
    }

    private String themes(Collection<? extends org.encounter.exchange.Theme> themes) {
        return themes.isEmpty() ? "" : " (" + themes.stream().sorted().map(t -> getTranslation(t.labelKey()))
                .collect(Collectors.joining(", ")) + ")";
    }

    private Paragraph line(String id, String key, String value) {
        Paragraph line = new Paragraph(getTranslation(key, value));
        line.setId(id);
        return line;
    }

    private Paragraph note(String id, String key) {
        Paragraph note = new Paragraph(getTranslation(key));
        note.setId(id);
        return note;
    }

    private Component answer() {
        Div box = new Div(new H2(getTranslation("exchange.pair.answer")),
                new Paragraph(getTranslation("exchange.pair.answer-help")));
        box.setId("pair-answer");
        Button accept = new Button(getTranslation("exchange.pair.accept"), e -> answer(true, null, null));
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        accept.setId("pair-accept");
        TextArea reason = LengthLimit.apply(new TextArea(getTranslation("exchange.pair.reason")), REASON_MAX);
        reason.setHelperText(getTranslation("exchange.pair.reason-help"));
        reason.setWidthFull();
        reason.setId("pair-reason");
        Button decline = new Button(getTranslation("exchange.pair.decline"),
                e -> answer(false, reason.getValue(), reason));
        decline.setId("pair-decline");
        box.add(accept, reason, decline);
        return box;
    }

    private void answer(boolean accept, String reason, TextArea reasonField) {
        try {
            agreements.answer(pairId, accept, reason);
            Notifications.success(getTranslation(accept ? "exchange.pair.accepted" : "exchange.pair.declined-sent"));
            refresh();
        } catch (InvalidInputException e) {
            if (reasonField != null) {
                FormErrors.show(e, this, Map.of("reason", reasonField));
            } else {
                FormErrors.show(e, this, Map.of());
            }
        }
    }

    String day(java.time.LocalDate date) {
        return Dates.days(FormatStyle.MEDIUM, getLocale()).format(date);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
