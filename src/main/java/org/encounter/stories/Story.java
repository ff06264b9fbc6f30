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
    @Column(name = "attempt_id")
    private Long attemptId;
    /** Null only on an anonymous story its erased writer chose to keep: published, linked to no one. */
    @Column(name = "writer_id")
    private Long writerId;
    @Column(name = "module_id")
    private Long moduleId;
    /** Where a story offered from outside the learning feature comes from ("exchange-pair:12"); null for a module's. */
    private String source;
    @Column(name = "partnership_id")
    private Long partnershipId;
    private String about;
    private String link;
    @jakarta.persistence.ElementCollection
    @jakarta.persistence.CollectionTable(name = "story_insider",
            joinColumns = @jakarta.persistence.JoinColumn(name = "story_id"))
    @Column(name = "person_id")
    private java.util.Set<Long> insiders = new java.util.HashSet<>();
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

    /** A story offered from elsewhere ({@code source}), which travels with its partnership. */
    static Story offered(long writerId, String source, long partnershipId, Instant now) {
        Story story = new Story();
        story.writerId = writerId;
        story.source = source;
        story.partnershipId = partnershipId;
        story.createdAt = now;
        return story;
    }

    /** What an offered story is about, where its writer edits it, and who knows its writer there. */
    void offeredFrom(String about, String link, java.util.Set<Long> insiders) {
        this.about = about;
        this.link = link;
        this.insiders.clear();
        this.insiders.addAll(insiders);
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

    Long getPartnershipId() {
        return partnershipId;
    }

    /** Whether this person knows the writer from where an offered story happened. */
    boolean knownBy(long personId) {
        return insiders.contains(personId);
    }

    /** Where its writer edits it. */
    String editLink() {
        return link != null ? link : attemptId != null ? "stories/write/" + attemptId : null;
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
        boolean mine = writerId != null && writerId == viewer;
        return new StoryView(id, attemptId, moduleId, moduleId == null ? about : moduleTitle, editLink(), title, tried, happened, learned, anonymous,
                anonymous ? null : writerName, status, mine ? curatorComment : null, updatedAt, mine, version);
    }
}
