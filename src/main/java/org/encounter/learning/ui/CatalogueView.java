package org.encounter.learning.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.FormatStyle;
import org.encounter.base.ui.LengthLimit;
import org.encounter.base.ui.Markup;
import org.encounter.identity.Role;
import org.encounter.learning.CatalogueEntry;
import org.encounter.learning.LearningService;

/** Published modules to take, searched and filtered on the server, loaded as the learner scrolls. */
@Route("learn")
@RolesAllowed(Role.Names.LEARNER)
@Menu(order = 10, title = "menu.catalogue", icon = "vaadin:open-book")
public class CatalogueView extends VerticalLayout implements HasDynamicTitle {

    private final transient LearningService learning;
    private final TextField search = new TextField();
    private final TextField theme = new TextField();
    private final Select<String> language = new Select<>();
    private final Select<Integer> length = new Select<>();
    private final Checkbox assigned = new Checkbox();
    private final Div list = new Div();
    private final Button more = new Button();
    private int page;
    private static final int PAGE_SIZE = 12;

    public CatalogueView(LearningService learning) {
        this.learning = learning;
        addClassName("view");
        search.setPlaceholder(getTranslation("catalogue.search"));
        search.setAriaLabel(getTranslation("catalogue.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        LengthLimit.apply(search, 100);
        theme.setLabel(getTranslation("module.themes"));
        theme.setClearButtonVisible(true);
        theme.setValueChangeMode(ValueChangeMode.LAZY);
        LengthLimit.apply(theme, 40);
        language.setLabel(getTranslation("module.language"));
        language.setItems("", "en", "fi", "sv");
        language.setItemLabelGenerator(c -> c.isEmpty() ? getTranslation("catalogue.any") : getTranslation("language." + c));
        language.setValue("");
        length.setLabel(getTranslation("catalogue.length"));
        length.setItems(0, 15, 30, 60);
        length.setItemLabelGenerator(m -> m == 0 ? getTranslation("catalogue.any") : getTranslation("catalogue.up-to", m));
        length.setValue(0);
        assigned.setLabel(getTranslation("catalogue.assigned"));
        assigned.setId("catalogue-assigned");
        search.addValueChangeListener(e -> refresh());
        theme.addValueChangeListener(e -> refresh());
        language.addValueChangeListener(e -> refresh());
        length.addValueChangeListener(e -> refresh());
        assigned.addValueChangeListener(e -> refresh());

        list.setId("catalogue");
        more.setText(getTranslation("catalogue.more"));
        more.addClickListener(e -> load());
        HorizontalLayout filters = new HorizontalLayout(theme, language, length, assigned);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        search.setWidthFull();
        add(new H1(getTranslation("catalogue.title")), search, filters, list, more);
        refresh();
    }

    /** Filters changed: start again from the first page. */
    private void refresh() {
        list.removeAll();
        page = 0;
        load();
    }

    /** One page at a time from the server; "show more" asks for the next. */
    private void load() {
        List<CatalogueEntry> entries = learning.catalogue(search.getValue(), theme.getValue(), language.getValue(),
                length.getValue() == null || length.getValue() == 0 ? null : length.getValue(), assigned.getValue(),
                PageRequest.of(page++, PAGE_SIZE));
        entries.forEach(entry -> list.add(card(entry)));
        more.setVisible(entries.size() == PAGE_SIZE);
        if (list.getComponentCount() == 0) {
            list.add(new Paragraph(getTranslation("catalogue.none")));
        }
    }

    /**
     * A module's card: its texts as one piece of {@link Markup} (title, summary, credits, origin and facts), and the
     * button that opens it. As components, a card was 16 nodes the server kept while the catalogue was open.
     */
    private Div card(CatalogueEntry entry) {
        var m = entry.module();
        Div card = new Div();
        card.addClassNames("home-card", "catalogue-card");
        Markup text = new Markup().add("h2", m.title());
        if (m.summary() != null) {
            text.add("p", m.summary());
        }
        text.add("p", getTranslation("module.co-designed-by", m.credits()), "class", "credits");
        // Where it comes from: the host organisation, and the partnership that shares another organisation's module.
        text.add("p", m.sharedThrough().isEmpty() ? getTranslation("catalogue.from", m.host())
                : getTranslation("catalogue.from-partnership", m.host(), String.join(", ", m.sharedThrough())),
                "class", "muted catalogue-origin");
        text.open("vaadin-horizontal-layout", "theme", "spacing wrap");
        if (m.estimatedMinutes() != null) {
            text.add("span", getTranslation("module.minutes", m.estimatedMinutes()));
        }
        if (entry.myStatus() != null) {
            text.add("span", getTranslation(entry.myStatus().labelKey()), "theme", "badge success");
        }
        if (entry.dueDate() != null) {
            text.add("span", getTranslation("learning.due", entry.dueDate().format(
                    org.encounter.base.Dates.days(FormatStyle.MEDIUM, getLocale()))), "theme", "badge");
        }
        text.close("vaadin-horizontal-layout");
        card.add(text);
        String action = entry.myStatus() == null ? "catalogue.start"
                : entry.myStatus() == org.encounter.learning.AttemptStatus.COMPLETED ? "catalogue.again" : "catalogue.continue";
        Button open = org.encounter.base.ui.ShortButton.create(getTranslation(action + ".short"),
                getTranslation(action, m.title()),
                e -> UI.getCurrent().navigate("learn/attempt/" + learning.start(m.moduleId())));
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClassName("catalogue-open");
        card.add(open);
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("catalogue.title") + " · " + getTranslation("app.name");
    }
}
