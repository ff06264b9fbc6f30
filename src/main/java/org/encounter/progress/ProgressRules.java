package org.encounter.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.encounter.certificates.CertificateFacts.Held;
import org.encounter.learning.AttemptStatus;
import org.encounter.learning.LearningFacts.AssignmentFact;
import org.encounter.learning.LearningFacts.AttemptFact;

/**
 * How one member's attempts, assignments and certificates for one module become one status:
 * <ul>
 * <li>an open attempt shows as in progress or awaiting report back — or overdue, when an assignment's due
 *     date has passed and the module was never completed;</li>
 * <li>otherwise a completion shows as completed — or as expiring (within {@link #EXPIRY_WARNING}) or
 *     expired, by its latest certificate;</li>
 * <li>otherwise an assignment shows as not started, or overdue once its due date has passed.</li>
 * </ul>
 * Members with neither an attempt nor an assignment for a module have no cell.
 */
final class ProgressRules {

    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private ProgressRules() {
    }

    static Map<Long, Map<Long, Cell>> cells(Collection<AttemptFact> attempts, Collection<AssignmentFact> assignments,
                                            Collection<Held> certificates, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<Long, Map<Long, Facts>> pairs = new HashMap<>();
        for (AttemptFact a : attempts) {
            Facts f = pair(pairs, a.learnerId(), a.moduleId());
            if (a.status() == AttemptStatus.COMPLETED) {
                if (f.completed == null || a.completedAt().isAfter(f.completed.completedAt())) {
                    f.completed = a;
                }
            } else if (f.open == null || a.startedAt().isAfter(f.open.startedAt())) {
                f.open = a;
            }
        }
        for (AssignmentFact g : assignments) {
            Facts f = pair(pairs, g.learnerId(), g.moduleId());
            if (f.assignment == null || g.dueDate().isBefore(f.assignment.dueDate())) {
                f.assignment = g;
            }
        }
        for (Held c : certificates) {
            Facts f = pairs.getOrDefault(c.learnerId(), Map.of()).get(c.moduleId());
            if (f != null && (f.certificate == null || c.completedAt().isAfter(f.certificate.completedAt()))) {
                f.certificate = c;
            }
        }
        Map<Long, Map<Long, Cell>> cells = new HashMap<>();
        pairs.forEach((learner, modules) -> modules.forEach((module, f) ->
                cells.computeIfAbsent(learner, k -> new HashMap<>()).put(module, f.cell(learner, module, now, today))));
        return cells;
    }

    private static Facts pair(Map<Long, Map<Long, Facts>> pairs, long learner, long module) {
        return pairs.computeIfAbsent(learner, k -> new HashMap<>()).computeIfAbsent(module, k -> new Facts());
    }

    /** The date a cell is filtered by: when it was completed, when it is due, or its last activity. */
    static LocalDate dateOf(Cell c, ZoneId zone) {
        return switch (c.status()) {
            case COMPLETED, EXPIRING, EXPIRED -> LocalDate.ofInstant(c.completedAt(), zone);
            case NOT_STARTED, OVERDUE -> c.dueDate() != null ? c.dueDate() : LocalDate.ofInstant(c.lastActivityAt(), zone);
            case IN_PROGRESS, AWAITING_REPORT_BACK -> LocalDate.ofInstant(c.lastActivityAt(), zone);
        };
    }

    private static final class Facts {
        AttemptFact open;
        AttemptFact completed;
        AssignmentFact assignment;
        Held certificate;

        Cell cell(long learner, long module, Instant now, LocalDate today) {
            boolean pastDue = assignment != null && assignment.dueDate().isBefore(today) && completed == null;
            AttemptFact shown = open != null ? open : completed;
            CellStatus status;
            if (open != null) {
                status = pastDue ? CellStatus.OVERDUE : open.status() == AttemptStatus.AWAITING_REPORT_BACK
                        ? CellStatus.AWAITING_REPORT_BACK : CellStatus.IN_PROGRESS;
            } else if (completed != null) {
                Instant until = certificate == null ? null : certificate.validUntil();
                status = until == null ? CellStatus.COMPLETED : until.isBefore(now) ? CellStatus.EXPIRED
                        : until.isBefore(now.plus(EXPIRY_WARNING)) ? CellStatus.EXPIRING : CellStatus.COMPLETED;
            } else {
                status = pastDue ? CellStatus.OVERDUE : CellStatus.NOT_STARTED;
            }
            return new Cell(learner, module, status, shown == null ? null : shown.startedAt(),
                    shown == null ? (assignment == null ? null : assignment.assignedAt()) : shown.lastActivityAt(),
                    completed == null ? null : completed.completedAt(), assignment == null ? null : assignment.dueDate(),
                    certificate == null ? null : certificate.validUntil());
        }
    }
}
