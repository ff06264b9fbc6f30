package org.encounter.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.List;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.Notifications;
import org.encounter.exchange.ExchangeAgreements;
import org.encounter.exchange.ExchangeApplications;
import org.encounter.exchange.ExchangeApplications.MyApplication;
import org.encounter.exchange.ExchangeApplications.OpenRound;
import org.encounter.exchange.ExchangeApplications.ToConfirm;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.Role;

/**
 * The Leadership Exchange as a leader and a manager see it: rounds open to their organisation, their own
 * applications and exchanges, and, for a manager, their reports' applications waiting for a word.
 */
@Route("exchange")
@RolesAllowed({Role.Names.LEARNER, Role.Names.MANAGER})
@Menu(order = 27, title = "menu.exchange", icon = "vaadin:exchange")
public class ExchangeView extends VerticalLayout implements HasDynamicTitle {

    private final transient ExchangeApplications applications;
    private final transient ExchangeAgreements agreements;
    private final transient CurrentPerson currentPerson;
    private final Div content = new Div();

    public ExchangeView(ExchangeApplications applications, ExchangeAgreements agreements, CurrentPerson currentPerson) {
        this.applications = applications;
        this.agreements = agreements;
        this.currentPerson = currentPerson;
        addClassName("view");
        content.setWidthFull();
        add(new H1(getTranslation("exchange.title")), new Paragraph(getTranslation("exchange.intro")), content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (currentPerson.has(Role.LEARNER)) {
            content.add(openRounds(), myApplications(), myExchanges());
        }
        if (currentPerson.has(Role.MANAGER)) {
            content.add(toConfirm());
        }
    }

    private Component openRounds() {
        Div box = section("exchange-open-rounds", "exchange.open-rounds");
        List<OpenRound> rounds = applications.openRounds();
        if (rounds.isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.no-open-round")));
        }
        for (OpenRound r : rounds) {
            Div card = card(r.name());
            card.add(new Paragraph(getTranslation("exchange.partnership", r.partnership())),
                    new Paragraph(getTranslation("exchange.closes-on", day(r.applicationsClose()))),
                    new Paragraph(getTranslation("exchange.period", day(r.startsOn()), day(r.endsOn()))),
                    new Paragraph(getTranslation("exchange.visits-each-way", r.visitsEachWay())),
                    new Paragraph(getTranslation("exchange.organisations",
                            String.join(", ", r.organisations().values().stream().sorted().toList()))));
            if (r.applicationId() == null) {
                Button apply = new Button(getTranslation("exchange.apply"), e -> getUI().ifPresent(ui -> ui.navigate(
                        ExchangeApplyView.class, new RouteParameters("roundId", String.valueOf(r.id())))));
                apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                apply.setId("exchange-apply-" + r.id());
                card.add(apply);
            } else {
                Paragraph applied = new Paragraph(getTranslation("exchange.applied"));
                applied.setId("exchange-applied-" + r.id());
                card.add(applied);
            }
            box.add(card);
        }
        return box;
    }

    private Component myApplications() {
        Div box = section("exchange-my-applications", "exchange.my-applications");
        List<MyApplication> mine = applications.mine();
        if (mine.isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.no-applications")));
        }
        for (MyApplication a : mine) {
            Div card = card(a.round());
            Paragraph status = new Paragraph(getTranslation("exchange.application.status-line",
                    getTranslation("exchange.application.status." + a.status().name().toLowerCase())));
            status.setId("exchange-application-status-" + a.id());
            card.add(status);
            if (a.status() != org.encounter.exchange.ApplicationStatus.WITHDRAWN
                    && a.status() != org.encounter.exchange.ApplicationStatus.NOT_CONFIRMED) {
                Button withdraw = new Button(getTranslation("exchange.withdraw"), e -> withdraw(a.id()));
                withdraw.setId("exchange-withdraw-" + a.id());
                card.add(withdraw);
            }
            box.add(card);
        }
        return box;
    }

    private void withdraw(long applicationId) {
        try {
            applications.withdraw(applicationId);
            Notifications.success(getTranslation("exchange.withdrawn"));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Notifications.error(getTranslation(error.messageKey(), error.args())));
        }
        refresh();
    }

    private Component myExchanges() {
        Div box = section("exchange-my-pairs", "exchange.my-exchanges");
        List<ExchangeAgreements.MyPair> pairs = agreements.mine();
        if (pairs.isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.no-exchanges")));
        }
        for (ExchangeAgreements.MyPair p : pairs) {
            Div card = card(p.round());
            card.add(new Paragraph(getTranslation("exchange.partner-line", p.partner(), p.partnerOrganisation())),
                    new Paragraph(getTranslation("exchange.pair.status-line",
                            getTranslation("exchange.pair.status." + p.status().name().toLowerCase()))));
            Button open = new Button(getTranslation("exchange.open"), e -> getUI().ifPresent(ui -> ui.navigate(
                    ExchangePairView.class, new RouteParameters("pairId", String.valueOf(p.id())))));
            open.setId("exchange-open-" + p.id());
            card.add(open);
            box.add(card);
        }
        return box;
    }

    private Component toConfirm() {
        Div box = section("exchange-to-confirm", "exchange.to-confirm");
        box.add(new Paragraph(getTranslation("exchange.to-confirm-help")));
        List<ToConfirm> waiting = applications.toConfirm();
        if (waiting.isEmpty()) {
            box.add(new Paragraph(getTranslation("exchange.nothing-to-confirm")));
        }
        for (ToConfirm t : waiting) {
            Div card = card(t.person());
            card.add(new Paragraph(getTranslation("exchange.round-line", t.round())),
                    new Paragraph(getTranslation("exchange.sector-level", getTranslation(t.sector().labelKey()),
                            getTranslation(t.level().labelKey()))));
            Button confirm = new Button(getTranslation("exchange.confirm"), e -> confirm(t, true));
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.setId("exchange-confirm-" + t.id());
            Button notNow = new Button(getTranslation("exchange.not-now"), e -> confirm(t, false));
            notNow.setId("exchange-not-now-" + t.id());
            card.add(new HorizontalLayout(confirm, notNow));
            box.add(card);
        }
        return box;
    }

    private void confirm(ToConfirm t, boolean mayTakePart) {
        applications.confirm(t.id(), mayTakePart);
        Notifications.success(getTranslation(mayTakePart ? "exchange.confirmed" : "exchange.not-confirmed",
                t.person()));
        refresh();
    }

    private Div section(String id, String titleKey) {
        Div box = new Div(new H2(getTranslation(titleKey)));
        box.setId(id);
        box.setWidthFull();
        return box;
    }

    private static Div card(String heading) {
        Div card = new Div(new H3(heading));
        card.addClassName("home-card");
        return card;
    }

    private String day(LocalDate date) {
        return Dates.days(FormatStyle.MEDIUM, getLocale()).format(date);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exchange.title") + " · " + getTranslation("app.name");
    }
}
