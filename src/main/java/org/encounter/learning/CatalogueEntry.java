package org.encounter.learning;

import java.time.LocalDate;
import org.encounter.authoring.CatalogueItem;

/** A catalogue card: the published module and the learner's own status and due date. */
public record CatalogueEntry(CatalogueItem module, AttemptStatus myStatus, LocalDate dueDate) {
}
