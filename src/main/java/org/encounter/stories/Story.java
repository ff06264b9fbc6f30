package org.encounter.stories;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "story")
class Story {

    static final int TITLE_MAX = 120;
    static final int TEXT_MAX = 2_000;
    static final int COMMENT_MAX = 1_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "attempt_id", nullable = false)
    private Long attemptId;
    @Column(name = "writer_id", nullable = false)
    private Long writerId;
    @Column(name = "module_id", nullable = false)
    private Long moduleId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String tried;
    @Column(nullable = false)
    private String happened;
    @Column(nullable = false)
    private String learned;
    @Column(nullable = false)
    private boolean anonymous;
    @Column(name = "shown_named", nullable = false)
    private boolean shownNamed;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StoryStatus status;
    @Column(name = "curator_comment")
    private String curatorComment;
    @Column(name = "reviewed_by_id")
    private Long reviewedById;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Version
    private long version;

    protected Story() {
    }

    Story(long attemptId, long writerId, long moduleId, Instant now) {
        this.attemptId = attemptId;
        this.writerId = writerId;
        this.moduleId = moduleId;
        this.createdAt = now;
    }

    /** Written or rewritten by its writer: back to the curators. */
    void write(String title, String tried, String happened, String learned, boolean anonymous, Instant now) {
        this.title = title;
        this.tried = tried;
        this.happened = happened;
        this.learned = learned;
        this.anonymous = anonymous;
        this.shownNamed |= !anonymous;
        this.status = StoryStatus.SUBMITTED;
        this.approvedAt = null;
        this.updatedAt = now;
    }

    void approve(long curatorId, Instant now) {
        this.status = StoryStatus.APPROVED;
        this.reviewedById = curatorId;
        this.curatorComment = null;
        this.approvedAt = now;
        this.updatedAt = now;
    }

    void giveBack(long curatorId, String comment, Instant now) {
        this.status = StoryStatus.RETURNED;
        this.reviewedById = curatorId;
        this.curatorComment = comment;
        this.updatedAt = now;
    }

    Long getId() {
        return id;
    }

    Long getAttemptId() {
        return attemptId;
    }

    Long getWriterId() {
        return writerId;
    }

    Long getModuleId() {
        return moduleId;
    }

    StoryStatus getStatus() {
        return status;
    }

    boolean isAnonymous() {
        return anonymous;
    }

    /** Sent with the writer's name at least once: curators have read these words with that name. */
    boolean wasShownNamed() {
        return shownNamed;
    }

    /** What a curator's decision is about: any rewrite gives another revision. */
    long getVersion() {
        return version;
    }

    /** The story's own words, field by field. */
    java.util.List<String> texts() {
        return java.util.List.of(title, tried, happened, learned);
    }

    /** As {@code viewer} may see it: the writer's name only when the story is named, or to the writer. */
    StoryView view(String moduleTitle, String writerName, long viewer) {
        boolean mine = writerId == viewer;
        return new StoryView(id, attemptId, moduleId, moduleTitle, title, tried, happened, learned, anonymous,
                anonymous ? null : writerName, status, mine ? curatorComment : null, updatedAt, mine, version);
    }
}
