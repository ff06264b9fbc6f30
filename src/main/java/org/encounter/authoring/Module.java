package org.encounter.authoring;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The working copy of a module; published versions are frozen copies of it (ModuleVersion). */
@Entity
@Table(name = "module")
class Module {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id", nullable = false)
    private Long ownerId;

    /** The host organisation: the one whose author started the module. It decides with whom the module is shared. */
    @Column(name = "organisation_id", nullable = false, updatable = false)
    private Long organisationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ModuleStatus status = ModuleStatus.DRAFT;

    @Column(nullable = false, length = Limits.TITLE)
    private String title;
    @Column(length = Limits.SUMMARY)
    private String summary;
    @Column(length = Limits.AUDIENCE)
    private String audience;
    @Column(name = "estimated_minutes")
    private Integer estimatedMinutes;
    @Column(nullable = false, length = 5)
    private String language;
    @Column(length = Limits.THEMES)
    private String themes;
    @Column(name = "statement_1", length = Limits.STATEMENT)
    private String statement1;
    @Column(name = "statement_2", length = Limits.STATEMENT)
    private String statement2;
    @Column(name = "statement_3", length = Limits.STATEMENT)
    private String statement3;
    @Column(name = "cover_image_key", length = 32)
    private String coverImageKey;
    @Column(name = "latest_version_id")
    private Long latestVersionId;
    @Column(name = "validity_months")
    private Integer validityMonths;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "module", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ModuleStep> steps = new ArrayList<>();

    @Version
    private long version;

    protected Module() {
    }

    Module(Long ownerId, long organisationId, String title, String language, Instant now) {
        this.ownerId = Objects.requireNonNull(ownerId);
        this.organisationId = organisationId;
        this.title = Objects.requireNonNull(title);
        this.language = Objects.requireNonNull(language);
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String title, String summary, String audience, Integer minutes, String language, String themes,
                  Instant now) {
        this.title = title;
        this.summary = summary;
        this.audience = audience;
        this.estimatedMinutes = minutes;
        this.language = language;
        this.themes = themes;
        touch(now);
    }

    void validity(Integer months) {
        this.validityMonths = months;
    }

    Integer getValidityMonths() {
        return validityMonths;
    }

    void statements(List<String> statements) {
        List<String> s = new ArrayList<>(statements);
        while (s.size() < 3) {
            s.add(null);
        }
        statement1 = s.get(0);
        statement2 = s.get(1);
        statement3 = s.get(2);
    }

    List<String> statements() {
        return Arrays.asList(statement1, statement2, statement3).stream().filter(Objects::nonNull)
                .filter(x -> !x.isBlank()).toList();
    }

    void cover(String imageKey, Instant now) {
        this.coverImageKey = imageKey;
        touch(now);
    }

    void moveTo(ModuleStatus next, Instant now) {
        this.status = next;
        touch(now);
    }

    void published(Long versionId, Instant now) {
        this.latestVersionId = versionId;
        moveTo(ModuleStatus.PUBLISHED, now);
    }

    ModuleStep addStep(StepContent content, Long personId, Instant now) {
        ModuleStep step = new ModuleStep(this, steps.size(), content, personId, now);
        steps.add(step);
        touch(now);
        return step;
    }

    void removeStep(ModuleStep step, Instant now) {
        steps.remove(step);
        renumber();
        touch(now);
    }

    /** Moves a step one place up (-1) or down (+1); the keyboard-friendly way to reorder. */
    void move(ModuleStep step, int delta, Instant now) {
        int from = steps.indexOf(step);
        int to = from + delta;
        if (from < 0 || to < 0 || to >= steps.size()) {
            return;
        }
        steps.remove(from);
        steps.add(to, step);
        renumber();
        touch(now);
    }

    private void renumber() {
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).position(i);
        }
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getOrganisationId() {
        return organisationId;
    }

    Long getOwnerId() {
        return ownerId;
    }

    ModuleStatus getStatus() {
        return status;
    }

    String getTitle() {
        return title;
    }

    String getSummary() {
        return summary;
    }

    String getAudience() {
        return audience;
    }

    Integer getEstimatedMinutes() {
        return estimatedMinutes;
    }

    String getLanguage() {
        return language;
    }

    String getThemes() {
        return themes;
    }

    String getCoverImageKey() {
        return coverImageKey;
    }

    Long getLatestVersionId() {
        return latestVersionId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    List<ModuleStep> getSteps() {
        return steps;
    }

    long getVersion() {
        return version;
    }
}
