package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A published version: a frozen snapshot. Hibernate never writes changes to it, and there is no setter. */
@Entity
@Immutable
@Table(name = "module_version")
class ModuleVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "module_id", nullable = false, updatable = false)
    private Long moduleId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false, length = Limits.TITLE)
    private String title;

    @Column(nullable = false, updatable = false, length = 5)
    private String language;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    @Column(name = "published_by_id", nullable = false, updatable = false)
    private Long publishedById;

    @Column(nullable = false, updatable = false, columnDefinition = "LONGTEXT")
    private String content;

    @Column(updatable = false, length = Limits.SUMMARY)
    private String summary;

    @Column(name = "estimated_minutes", updatable = false)
    private Integer estimatedMinutes;

    @Column(updatable = false, length = Limits.THEMES)
    private String themes;

    @Column(updatable = false, length = 1000)
    private String credits;

    @Column(name = "validity_months", updatable = false)
    private Integer validityMonths;

    protected ModuleVersion() {
    }

    ModuleVersion(Long moduleId, int number, String title, String language, Instant publishedAt, Long publishedById,
                  String content, String summary, Integer estimatedMinutes, String themes, String credits,
                  Integer validityMonths) {
        this.validityMonths = validityMonths;
        this.summary = summary;
        this.estimatedMinutes = estimatedMinutes;
        this.themes = themes;
        this.credits = credits;
        this.moduleId = moduleId;
        this.number = number;
        this.title = title;
        this.language = language;
        this.publishedAt = publishedAt;
        this.publishedById = publishedById;
        this.content = content;
    }

    Long getId() {
        return id;
    }

    Long getModuleId() {
        return moduleId;
    }

    int getNumber() {
        return number;
    }

    Instant getPublishedAt() {
        return publishedAt;
    }

    String getContent() {
        return content;
    }

    String getTitle() {
        return title;
    }

    String getLanguage() {
        return language;
    }

    String getSummary() {
        return summary;
    }

    Integer getEstimatedMinutes() {
        return estimatedMinutes;
    }

    String getThemes() {
        return themes;
    }

    Integer getValidityMonths() {
        return validityMonths;
    }

    String getCredits() {
        return credits;
    }
}
