-- Stories of change: a learner turns a report back into a short story, named or anonymous; curators approve
-- it or return it with a comment. The writer is kept only to let them edit it and see its review; it is never
-- shown for an anonymous story.
CREATE TABLE story (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    attempt_id       BIGINT NOT NULL,
    writer_id        BIGINT NOT NULL,
    module_id        BIGINT NOT NULL,
    title            VARCHAR(120) NOT NULL,
    tried            TEXT NOT NULL,
    happened         TEXT NOT NULL,
    learned          TEXT NOT NULL,
    anonymous        BOOLEAN NOT NULL,
    status           VARCHAR(20) NOT NULL,
    curator_comment  VARCHAR(1000) NULL,
    reviewed_by_id   BIGINT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    updated_at       TIMESTAMP(6) NOT NULL,
    approved_at      TIMESTAMP(6) NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    -- One story per report back.
    CONSTRAINT uk_story_attempt UNIQUE (attempt_id),
    CONSTRAINT fk_story_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id) ON DELETE CASCADE,
    CONSTRAINT fk_story_writer FOREIGN KEY (writer_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_story_status ON story (status, approved_at);
CREATE INDEX ix_story_module ON story (module_id, status);
CREATE INDEX ix_story_writer ON story (writer_id);
