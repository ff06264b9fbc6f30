package org.encounter.authoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One step of a module's working copy. Its version detects two people saving the same step. */
@Entity
@Table(name = "module_step")
class ModuleStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "module_id")
    private Module module;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private StepType type;

    @Column(length = Limits.HEADING)
    private String heading;
    @Column(columnDefinition = "TEXT")
    private String body;
    @Column(name = "image_key", length = 32)
    private String imageKey;
    @Column(name = "video_url", length = Limits.VIDEO_URL)
    private String videoUrl;
    @Column(length = Limits.CAPTION)
    private String caption;
    @Column(name = "alt_text", length = Limits.CAPTION)
    private String altText;
    @Column(name = "min_days")
    private Integer minDays;
    @Column(columnDefinition = "TEXT")
    private String options;
    @Column(name = "updated_by_id")
    private Long updatedById;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ModuleStep() {
    }

    ModuleStep(Module module, int position, StepContent content, Long personId, Instant now) {
        this.module = module;
        this.position = position;
        this.type = content.type();
        apply(content, personId, now);
    }

    void apply(StepContent content, Long personId, Instant now) {
        if (content.type() != type) {
            throw new IllegalArgumentException("a step keeps its type");
        }
        this.heading = content.heading();
        this.body = content.body();
        this.imageKey = content.imageKey();
        this.videoUrl = content.videoUrl();
        this.caption = content.caption();
        this.altText = content.altText();
        this.minDays = content.minDays();
        this.options = OptionsJson.write(content.options());
        this.updatedById = personId;
        this.updatedAt = now;
    }

    StepContent content() {
        return new StepContent(type, heading, body, imageKey, videoUrl, caption, altText, minDays,
                OptionsJson.read(options));
    }

    void position(int position) {
        this.position = position;
    }

    Long getId() {
        return id;
    }

    Module getModule() {
        return module;
    }

    int getPosition() {
        return position;
    }

    StepType getType() {
        return type;
    }

    Long getUpdatedById() {
        return updatedById;
    }

    long getVersion() {
        return version;
    }
}
