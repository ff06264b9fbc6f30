-- Leadership Exchange: each partner of a completed pair reports back (what they tried, what happened, what they
-- learned). Like every reflection it is its writer's alone: the coordinator never reads it.
CREATE TABLE exchange_report_back (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    pair_id         BIGINT NOT NULL,
    application_id  BIGINT NOT NULL,
    tried           TEXT NOT NULL,
    happened        TEXT NOT NULL,
    learned         TEXT NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    -- One report back per partner and pair.
    CONSTRAINT uk_exchange_report_back UNIQUE (pair_id, application_id),
    CONSTRAINT fk_exchange_report_back_pair FOREIGN KEY (pair_id) REFERENCES exchange_pair (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_report_back_application FOREIGN KEY (application_id)
        REFERENCES exchange_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A story of change may come from somewhere other than a module's report back (an exchange's, offered through the
-- StoryOffered event): then it has a source instead of an attempt, says what it is about, travels with the
-- partnership it happened in, and links back to where its writer edits it. One story per writer and source.
ALTER TABLE story
    MODIFY attempt_id BIGINT NULL,
    MODIFY module_id BIGINT NULL,
    ADD COLUMN source VARCHAR(60) NULL,
    ADD COLUMN partnership_id BIGINT NULL,
    ADD COLUMN about VARCHAR(150) NULL,
    ADD COLUMN link VARCHAR(100) NULL,
    ADD CONSTRAINT uk_story_writer_source UNIQUE (writer_id, source),
    ADD CONSTRAINT fk_story_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    ADD CONSTRAINT ck_story_origin CHECK ((attempt_id IS NULL AND module_id IS NULL AND source IS NOT NULL
        AND partnership_id IS NOT NULL AND about IS NOT NULL)
        OR (attempt_id IS NOT NULL AND module_id IS NOT NULL AND source IS NULL));

CREATE INDEX ix_story_partnership ON story (partnership_id, status);

-- People who know an offered story's writer by name from where it happened (the exchange partner, the round's
-- coordinators): none of them reviews it when it is anonymous.
CREATE TABLE story_insider (
    story_id   BIGINT NOT NULL,
    person_id  BIGINT NOT NULL,
    PRIMARY KEY (story_id, person_id),
    CONSTRAINT fk_story_insider_story FOREIGN KEY (story_id) REFERENCES story (id) ON DELETE CASCADE,
    CONSTRAINT fk_story_insider_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
