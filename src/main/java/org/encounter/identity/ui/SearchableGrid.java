package org.encounter.identity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.data.domain.Pageable;

/** A grid that loads page by page from a service, with a search box that filters on the server. */
class SearchableGrid<T> extends Grid<T> {

    private final TextField search = new TextField();

    SearchableGrid(Class<T> type, String searchLabelKey, BiFunction<String, Pageable, List<T>> fetch) {
        super(type, false);
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setPageSize(50);
        org.encounter.base.ui.GridRows.openWithEnter(this);
        search.setPlaceholder(getTranslation(searchLabelKey));
        search.setAriaLabel(getTranslation(searchLabelKey));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(100);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> getDataProvider().refreshAll());
        setItems(query -> fetch.apply(search.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
    }

    TextField searchField() {
        return search;
    }

    void refresh() {
        getDataProvider().refreshAll();
    }
}
