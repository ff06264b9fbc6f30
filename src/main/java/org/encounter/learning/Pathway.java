package org.encounter.learning;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A partnership's induction pathway: a name, its modules in order, and the days after joining by which a starter
 * should have walked it. Step k of n is due {@code ceil(dueDays * k / n)} days after joining, so the path's order
 * shows in its due dates too.
 */
@Entity
@Table(name = "pathway")
class Pathway {

    static final int NAME_MAX = 150;
    static final int STEPS_MAX = 12;
    static final int DUE_DAYS_MAX = 365;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "partnership_id", nullable = false)
    private Long partnershipId;
    @Column(nullable = false)
    private String name;
    @Column(name = "due_days", nullable = false)
    private int dueDays;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pathway_step", joinColumns = @JoinColumn(name = "pathway_id"))
    @OrderColumn(name = "position")
    @Column(name = "module_id", nullable = false)
    private List<Long> moduleIds = new ArrayList<>();
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Pathway() {
    }

    Pathway(long partnershipId, String name, List<Long> moduleIds, int dueDays, Instant now) {
        this.partnershipId = partnershipId;
        change(name, moduleIds, dueDays, now);
    }

    final void change(String name, List<Long> moduleIds, int dueDays, Instant now) {
        if (name == null || name.isBlank() || name.codePointCount(0, name.length()) > NAME_MAX
                || moduleIds.isEmpty() || moduleIds.size() > STEPS_MAX
                || moduleIds.stream().distinct().count() != moduleIds.size()
                || dueDays < 1 || dueDays > DUE_DAYS_MAX) {
            throw new IllegalArgumentException("not a pathway");
        }
        this.name = name;
        this.moduleIds.clear();
        this.moduleIds.addAll(moduleIds);
        this.dueDays = dueDays;
        this.updatedAt = now;
    }

    /** When step {@code index} (0-based) is due for someone who joined on {@code joined}. */
    LocalDate due(int index, LocalDate joined) {
        int n = moduleIds.size();
        return joined.plusDays((dueDays * (long) (index + 1) + n - 1) / n);
    }

    Long getId() {
        return id;
    }

    Long getPartnershipId() {
        return partnershipId;
    }

    String getName() {
        return name;
    }

    int getDueDays() {
        return dueDays;
    }

    List<Long> getModuleIds() {
        return List.copyOf(moduleIds);
    }
}
