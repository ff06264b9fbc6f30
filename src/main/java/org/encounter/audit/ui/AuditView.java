package org.encounter.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.encounter.audit.AuditActions;
import org.encounter.audit.AuditEntry;
import org.encounter.audit.AuditFilter;
import org.encounter.audit.AuditService;
import org.encounter.audit.ChainStatus;
import org.encounter.base.Dates;
import org.encounter.base.ui.DatePickers;
import org.encounter.base.ui.DownloadLink;
import org.encounter.identity.CurrentPerson;
import org.encounter.identity.PersonService;
import org.encounter.identity.PersonSummary;
import org.encounter.identity.Role;

/**
 * The audit log for admins: a platform admin reads every entry, an organisation admin their organisation's (the
 * service decides). Filtered by dates, action and person; newest first, loaded a page at a time; the filtered
 * entries as CSV. The platform admin can check that the chain is intact.
 */
@Route("audit")
@RolesAllowed({Role.Names.ADMIN, Role.Names.ORG_ADMIN})
@Menu(order = 99, title = "menu.audit", icon = "vaadin:records")
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    private final transient AuditService audit;
    private final DatePicker from = DatePickers.localise(new DatePicker());
    private final DatePicker to = DatePickers.localise(new DatePicker());
    private final ComboBox<String> action = new ComboBox<>();
    private final ComboBox<PersonSummary> person = new ComboBox<>();
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    /** The filter as last chosen, for the CSV download (which is served outside the UI's own requests). */
    private volatile AuditFilter current = AuditFilter.ANY;

    public AuditView(AuditService audit, PersonService people, CurrentPerson currentPerson, Dates dates) {
        this.audit = audit;
        addClassName("view");
        setSizeFull();
        from.setLabel(getTranslation("audit.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.to"));
        to.setId("audit-to");
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        action.setItems(AuditActions.ALL);
        action.setItemLabelGenerator(code -> AuditActions.action(code, this::getTranslation));
        action.setClearButtonVisible(true);
        person.setLabel(getTranslation("audit.person"));
        person.setId("audit-person");
        person.setItems(query -> people.page(query.getFilter().orElse(""),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        person.setItemLabelGenerator(PersonSummary::displayName);
        person.setClearButtonVisible(true);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        action.addValueChangeListener(e -> refresh());
        person.addValueChangeListener(e -> refresh());

        DateTimeFormatter when = dates.dateTimes(getLocale());
        grid.setId("audit-log");
        grid.addColumn(e -> when.format(e.occurredAt())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(e -> e.actorId() == null ? getTranslation("audit.no-actor") : name(e.actorName(), e.actorId()))
                .setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(e -> AuditActions.action(e.action(), this::getTranslation))
                .setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(this::target).setHeader(getTranslation("audit.target")).setAutoWidth(true);
        if (currentPerson.has(Role.ADMIN)) {
            grid.addColumn(e -> e.organisationName() == null ? "" : e.organisationName())
                    .setHeader(getTranslation("audit.organisation")).setAutoWidth(true);
        }
        grid.addColumn(e -> e.detail() == null ? "" : e.detail()).setHeader(getTranslation("audit.detail"));
        grid.setItems(query -> audit.page(current, query.getOffset(), query.getLimit()).stream(),
                query -> audit.count(current));

        Anchor csv = new Anchor(csv(getLocale()), getTranslation("audit.csv"));
        csv.getElement().setAttribute("download", "audit-log.csv");
        csv.setId("audit-csv");
        HorizontalLayout filters = new HorizontalLayout(from, to, action, person, csv);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H1(getTranslation("audit.title")), filters);
        if (currentPerson.has(Role.ADMIN)) {
            add(chainLine());
        }
        add(grid);
        setFlexGrow(1, grid);
    }

    /**
     * Checking the chain reads every entry ever written, so it runs when asked, not each time the page opens.
     */
    private HorizontalLayout chainLine() {
        Span result = new Span();
        result.setId("audit-chain");
        Button check = new Button(getTranslation("audit.chain.check"), e -> {
            ChainStatus status = audit.verifyChain();
            // Entry numbers are ids, written without grouping ("entry 1234", never "1,234").
            result.setText(status.intact() ? getTranslation("audit.chain.intact", status.entries())
                    : getTranslation(status.missing() ? "audit.chain.missing" : "audit.chain.broken",
                            String.valueOf(status.brokenAt())));
            result.addClassName("notice");
            result.getElement().getClassList().set("info", status.intact());
        });
        check.setId("audit-chain-check");
        HorizontalLayout line = new HorizontalLayout(check, result);
        line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return line;
    }

    private void refresh() {
        current = new AuditFilter(from.getValue(), to.getValue(), action.getValue(),
                person.getValue() == null ? null : person.getValue().id());
        grid.getDataProvider().refreshAll();
    }

    /** Written as it is read, a page of entries at a time: the file is never held whole. */
    private DownloadHandler csv(Locale locale) {
        return event -> {
            event.setFileName("audit-log.csv");
            event.setContentType(DownloadLink.CSV);
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                audit.csv(current, locale, out);
            }
        };
    }

    private String target(AuditEntry e) {
        if (e.targetType() == null) {
            return "";
        }
        String type = AuditActions.target(e.targetType(), this::getTranslation);
        if (e.targetName() != null) {
            return type + ": " + e.targetName();
        }
        return e.targetId() == null ? type : type + " #" + e.targetId();
    }

    private String name(String name, long id) {
        return name != null ? name : getTranslation("audit.unknown-person", String.valueOf(id));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
