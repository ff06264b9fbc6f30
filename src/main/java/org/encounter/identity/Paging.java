package org.encounter.identity;

import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

final class Paging {

    private Paging() {
    }

    /** Applies the default sort when the grid sent none, and caps the page size. */
    static Pageable sorted(Pageable pageable, Sort fallback) {
        Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : fallback;
        return PageRequest.of(pageable.getPageNumber(), Math.min(pageable.getPageSize(), 500), sort);
    }

    /** Only these properties may be sorted by, so a crafted request cannot probe other columns. */
    static Pageable allowOnly(Pageable pageable, Set<String> properties, Sort fallback) {
        for (Sort.Order order : pageable.getSort()) {
            if (!properties.contains(order.getProperty())) {
                return sorted(PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()), fallback);
            }
        }
        return sorted(pageable, fallback);
    }
}
