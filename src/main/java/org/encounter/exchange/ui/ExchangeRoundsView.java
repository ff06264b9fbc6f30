package org.encounter.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
import org.encounter.exchange.ExchangeRounds;
import org.encounter.exchange.ExchangeRounds.Choice;
import org.encounter.exchange.ExchangeRounds.RoundSummary;
import org.encounter.identity.Role;

/**
 * A partnership coordinator's exchange rounds: the rounds of the partnerships they coordinate, each opened on its own
 * page, and a form to open a new one.
 */
@Route("exchange/rounds")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
@Menu(order = 98, title = "menu.exchange-rounds", icon = "vaadin:connect")
public class ExchangeRoundsView extends VerticalLayout implements HasDynamicTitle {

    private final transient ExchangeRounds rounds;
    private final Grid<RoundSummary> grid = new Grid<>();
    private RoundFormPanel form;

    public ExchangeRoundsView(ExchangeRounds rounds, Dates dates) {
        this.rounds = rounds;
        addClassName("view");
        add(new H1(getTranslation("exchange-rounds.title")), new Paragraph(getTranslation("exchange-rounds.intro")));
        List<Choice> partnerships = rounds.partnerships();
        if (partnerships.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("exchange-rounds.no-partnership"));
            none.setId("exchange-rounds-none");
            add(none);
            return;
        }
        grid.setId("exchange-rounds-grid");
        grid.setWidthFull();
        grid.setAllRowsVisible(true);
        grid.addColumn(RoundSummary::name).setHeader(getTranslation("exchange-rounds.name")).setFlexGrow(2);
        grid.addColumn(RoundSummary::partnership).setHeader(getTranslation("exchange-rounds.partnership"));
        grid.addColumn(r -> span(dates, r.form().applicationsOpen(), r.form().applicationsClose()))
                .setHeader(getTranslation("exchange-rounds.window"));
        grid.addColumn(r -> span(dates, r.form().startsOn(), r.form().endsOn()))
                .setHeader(getTranslation("exchange-rounds.period"));
        grid.addColumn(RoundSummary::applications).setHeader(getTranslation("exchange-rounds.applications"));
        grid.addComponentColumn(r -> {
            Button open = new Button(getTranslation("exchange-rounds.open"), e -> open(r.id()));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            open.setAriaLabel(getTranslation("exchange-rounds.open-named", r.name()));
            return open;
        }).setHeader(getTranslation("exchange-rounds.actions"));
        grid.setItems(rounds.rounds());
        Paragraph empty = new Paragraph(getTranslation("exchange-rounds.empty"));
        empty.setVisible(rounds.rounds().isEmpty());
        form = new RoundFormPanel(partnerships, rounds::organisations, null, dates.zone(), this::save);
        add(grid, empty, new H2(getTranslation("exchange-rounds.new")), form);
    }

    private String span(Dates dates, LocalDate from, LocalDate to) {
        var format = dates.dates(FormatStyle.SHORT, getLocale());
        return format.format(from) + " – " + format.format(to);
    }

    private void save(RoundFormPanel.Draft draft) {
        try {
            RoundSummary round = rounds.open(draft.partnershipId(), draft.form());
            Notifications.success(getTranslation("exchange-rounds.opened", round.name()));
            open(round.id());
        } catch (InvalidInputException e) {
            form.show(e);
        }
    }

    private void open(long roundId) {
        getUI().ifPresent(ui -> ui.navigate(ExchangeRoundView.class,
                new RouteParameters("roundId", String.valueOf(roundId))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exchange-rounds.title") + " · " + getTranslation("app.name");
    }
}
