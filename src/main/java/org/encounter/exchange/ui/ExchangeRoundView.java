package org.encounter.exchange.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.encounter.base.Dates;
import org.encounter.base.InvalidInputException;
import org.encounter.base.ui.DownloadLink;
import org.encounter.base.ui.FormErrors;
import org.encounter.base.ui.Notifications;
import org.encounter.exchange.ApplicationStatus;
import org.encounter.exchange.ExchangeMatchings;
import org.encounter.exchange.ExchangeMatchings.PairRow;
import org.encounter.exchange.ExchangeMatchings.PoolEntry;
import org.encounter.exchange.ExchangeOverview;
import org.encounter.exchange.ExchangeRounds;
import org.encounter.exchange.ExchangeRounds.Choice;
import org.encounter.exchange.ExchangeRounds.RoundSummary;
import org.encounter.exchange.PairStatus;
import org.encounter.identity.Role;

/**
 * One exchange round for its coordinators: its settings, its figures, the pool, the matching and its pairs, the
 * briefing and debrief attendance, and the round as CSV. No leader's reflection, goal or rating is on this page: the
 * services do not give them to a coordinator. Another partnership's round is "not found".
 */
@Route("exchange/rounds/:roundId")
@RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
public class ExchangeRoundView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ExchangeRounds rounds;
    private final transient ExchangeMatchings matchings;
    private final transient ExchangeOverview overview;
    private final transient Dates dates;
    private final H1 title = new H1();
    private final Div details = new Div();
    private final Div editor = new Div();
    private final RoundFigures figures = new RoundFigures();
    private final PoolGrid pool = new PoolGrid(this::toggle);
    private final Paragraph nobodyPaired = new Paragraph();
    private final PairsGrid pairs = new PairsGrid(this::fix, this::dissolve);
    private final Select<PoolEntry> first = new Select<>();
    private final Select<PoolEntry> second = new Select<>();
    private final AttendanceGrid attendance = new AttendanceGrid(this::mark);
    private long roundId;
    private RoundSummary round;

    public ExchangeRoundView(ExchangeRounds rounds, ExchangeMatchings matchings, ExchangeOverview overview,
                             Dates dates) {
        this.rounds = rounds;
        this.matchings = matchings;
        this.overview = overview;
        this.dates = dates;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        roundId = event.getRouteParameters().getLong("roundId").orElse(-1L);
        round = rounds.round(roundId);
        removeAll();
        title.setText(round.name());
        details.setId("round-details");
        Button edit = new Button(getTranslation("exchange-round.edit"), e -> edit());
        edit.setId("round-edit");
        Button run = new Button(getTranslation("exchange-round.run"), e -> run());
        run.setId("round-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        nobodyPaired.setId("round-nobody-paired");
        nobodyPaired.setText(getTranslation("exchange-round.nobody-paired"));
        nobodyPaired.setVisible(false);
        Button swap = new Button(getTranslation("exchange-round.swap"), e -> swap());
        swap.setId("round-swap");
        first.setLabel(getTranslation("exchange-round.by-hand.first"));
        second.setLabel(getTranslation("exchange-round.by-hand.second"));
        first.setId("round-by-hand-first");
        second.setId("round-by-hand-second");
        List.of(first, second).forEach(s -> s.setItemLabelGenerator(p -> p.person() + " · " + p.organisation()));
        Button byHand = new Button(getTranslation("exchange-round.by-hand.pair"), e -> pairByHand());
        byHand.setId("round-by-hand");
        HorizontalLayout hand = new HorizontalLayout(first, second, byHand);
        hand.setAlignItems(Alignment.BASELINE);
        hand.setWrap(true);
        Button publish = new Button(getTranslation("exchange-round.publish"), e -> publish());
        publish.setId("round-publish");
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor csv = DownloadLink.of(getTranslation("exchange-round.csv"), "exchange-" + slug(round.name()) + ".csv",
                DownloadLink.CSV, this::csv);
        csv.setId("round-csv");
        add(title, details, edit, editor,
                new H2(getTranslation("exchange-round.figures")), figures, csv,
                new H2(getTranslation("exchange-round.pool")), new Paragraph(getTranslation("exchange-round.pool-help")),
                run, nobodyPaired, pool,
                new H2(getTranslation("exchange-round.pairs")), new Paragraph(getTranslation("exchange-round.pairs-help")),
                pairs, swap, hand, publish,
                new H2(getTranslation("exchange-round.attendance")), attendance);
        refresh();
    }

    /** The round's pairs and figures as CSV, in the reader's language. */
    byte[] csv() {
        var locale = getLocale();
        return overview.csv(roundId, key -> getTranslation(locale, key));
    }

    private void refresh() {
        showDetails();
        figures.show(overview.figures(roundId));
        List<PoolEntry> entries = matchings.pool(roundId);
        pool.show(entries);
        List<PairRow> rows = matchings.pairs(roundId);
        pairs.setItems(rows);
        Set<Long> proposals = rows.stream().filter(p -> p.status() == PairStatus.PROPOSED).map(PairRow::id)
                .collect(Collectors.toSet());
        List<PoolEntry> free = entries.stream().filter(p -> p.status() == ApplicationStatus.CONFIRMED
                && !p.excluded() && (p.pairId() == null || proposals.contains(p.pairId()))).toList();
        first.setItems(free);
        second.setItems(free);
        attendance.setItems(overview.attendees(roundId));
    }

    private void showDetails() {
        var day = dates.dates(FormatStyle.SHORT, getLocale());
        var time = dates.dateTimes(getLocale());
        var f = round.form();
        details.removeAll();
        details.add(new Paragraph(getTranslation("exchange-round.details.partnership", round.partnership())),
                new Paragraph(getTranslation("exchange-round.details.window", day.format(f.applicationsOpen()),
                        day.format(f.applicationsClose()))),
                new Paragraph(getTranslation("exchange-round.details.period", day.format(f.startsOn()),
                        day.format(f.endsOn()))),
                new Paragraph(getTranslation("exchange-round.details.visits", f.visitsEachWay())),
                new Paragraph(getTranslation("exchange-round.details.briefing", f.briefingAt() == null
                        ? getTranslation("exchange-round.details.none") : time.format(f.briefingAt()))),
                new Paragraph(getTranslation("exchange-round.details.debrief", f.debriefAt() == null
                        ? getTranslation("exchange-round.details.none") : time.format(f.debriefAt()))),
                new Paragraph(getTranslation("exchange-round.details.place", f.place() == null
                        ? getTranslation("exchange-round.details.none") : f.place())),
                new Paragraph(getTranslation("exchange-round.details.organisations", round.organisations().values()
                        .stream().sorted(String.CASE_INSENSITIVE_ORDER).collect(Collectors.joining(", ")))));
    }

    private void edit() {
        editor.removeAll();
        RoundFormPanel[] form = new RoundFormPanel[1];
        form[0] = new RoundFormPanel(List.of(new Choice(round.partnershipId(), round.partnership())),
                rounds::organisations, round, dates.zone(), draft -> {
            try {
                round = rounds.change(roundId, draft.form());
                editor.removeAll();
                title.setText(round.name());
                Notifications.success(getTranslation("exchange-round.changed"));
                refresh();
            } catch (InvalidInputException e) {
                form[0].show(e);
            }
        });
        editor.add(form[0]);
    }

    private void run() {
        nobodyPaired.setVisible(false);
        act(() -> {
            ExchangeMatchings.Run run = matchings.run(roundId);
            Notifications.success(getTranslation("exchange-round.run.done", run.proposed()));
            nobodyPaired.setVisible(run.proposed() == 0 && run.unmatched() > 0);
        });
    }

    private void mark(ExchangeOverview.Attendee who, boolean debrief, boolean present) {
        act(() -> overview.recordAttendance(roundId, who.personId(), debrief, present));
    }

    private void toggle(PoolEntry entry) {
        act(() -> matchings.exclude(roundId, entry.applicationId(), !entry.excluded()));
    }

    private void fix(PairRow pair, boolean fixed) {
        act(() -> matchings.fix(roundId, pair.id(), fixed));
    }

    private void dissolve(PairRow pair) {
        act(() -> matchings.dissolve(roundId, pair.id()));
    }

    private void swap() {
        List<PairRow> chosen = List.copyOf(pairs.getSelectedItems());
        if (chosen.size() != 2) {
            Notifications.error(getTranslation("exchange.match.swap-two"));
            return;
        }
        act(() -> matchings.swap(roundId, chosen.get(0).id(), chosen.get(1).id()));
    }

    private void pairByHand() {
        if (first.getValue() == null || second.getValue() == null) {
            Notifications.error(getTranslation("exchange-round.by-hand.choose"));
            return;
        }
        act(() -> matchings.pairByHand(roundId, first.getValue().applicationId(), second.getValue().applicationId()));
    }

    private void publish() {
        act(() -> Notifications.success(getTranslation("exchange-round.published", matchings.publish(roundId))));
    }

    /** Does what the coordinator asked; a refusal is shown as its message. Either way the page shows what is now. */
    private void act(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            FormErrors.show(e, this, Map.of());
        }
        pairs.deselectAll();
        refresh();
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "round" : slug;
    }

    @Override
    public String getPageTitle() {
        return (round == null ? getTranslation("exchange-rounds.title") : round.name()) + " · "
                + getTranslation("app.name");
    }
}
