-- Learning: attempts bound to a published version, the learner's private responses, impact
-- ratings, assignments with due dates, and feedback to authors.

CREATE TABLE attempt (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    learner_id            BIGINT NOT NULL,
    module_id             BIGINT NOT NULL,
    version_id            BIGINT NOT NULL,
    status                VARCHAR(30) NOT NULL,
    current_position      INT NOT NULL DEFAULT -1,
    step_count            INT NOT NULL,
    action_text           VARCHAR(500) NULL,
    action_date           DATE NULL,
    tried_already         BOOLEAN NOT NULL DEFAULT FALSE,
    action_planned_at     TIMESTAMP(6) NULL,
    report_back_opens_at  TIMESTAMP(6) NULL,
    started_at            TIMESTAMP(6) NOT NULL,
    last_activity_at      TIMESTAMP(6) NOT NULL,
    completed_at          TIMESTAMP(6) NULL,
    seconds_spent         INT NOT NULL DEFAULT 0,
    version               BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_attempt_learner FOREIGN KEY (learner_id) REFERENCES person (id),
    CONSTRAINT fk_attempt_version FOREIGN KEY (version_id) REFERENCES module_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "My learning" and the catalogue's own status: a learner's attempts by module.
CREATE INDEX ix_attempt_learner ON attempt (learner_id, module_id);
-- Reminders: attempts whose report back opens.
CREATE INDEX ix_attempt_report_back ON attempt (status, report_back_opens_at);

CREATE TABLE attempt_step (
    attempt_id    BIGINT NOT NULL,
    position      INT NOT NULL,
    answer        TEXT NULL,
    choice        INT NULL,
    tried         TEXT NULL,
    happened      TEXT NULL,
    learned       TEXT NULL,
    keep_doing    TEXT NULL,
    shared        VARCHAR(10) NOT NULL DEFAULT 'NONE',
    completed_at  TIMESTAMP(6) NULL,
    updated_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (attempt_id, position),
    CONSTRAINT fk_attempt_step_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attempt_rating (
    attempt_id  BIGINT NOT NULL,
    phase       VARCHAR(10) NOT NULL,
    statement   INT NOT NULL,
    rating      INT NOT NULL,
    PRIMARY KEY (attempt_id, phase, statement),
    CONSTRAINT fk_attempt_rating_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE assignment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    learner_id      BIGINT NOT NULL,
    module_id       BIGINT NOT NULL,
    assigned_by_id  BIGINT NOT NULL,
    due_date        DATE NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    withdrawn_at    TIMESTAMP(6) NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_assignment_learner FOREIGN KEY (learner_id) REFERENCES person (id),
    CONSTRAINT fk_assignment_module FOREIGN KEY (module_id) REFERENCES module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_assignment_learner ON assignment (learner_id, withdrawn_at);
CREATE INDEX ix_assignment_due ON assignment (due_date, withdrawn_at);

CREATE TABLE module_feedback (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    attempt_id    BIGINT NOT NULL,
    module_id     BIGINT NOT NULL,
    version_id    BIGINT NOT NULL,
    rating        INT NOT NULL,
    comment       VARCHAR(2000) NULL,
    signed_by_id  BIGINT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_module_feedback_attempt UNIQUE (attempt_id),
    CONSTRAINT fk_module_feedback_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_module_feedback_module ON module_feedback (module_id, created_at);

-- The catalogue lists and filters published versions by what they said when published.
ALTER TABLE module_version
    ADD COLUMN summary VARCHAR(600) NULL,
    ADD COLUMN estimated_minutes INT NULL,
    ADD COLUMN themes VARCHAR(300) NULL,
    ADD COLUMN credits VARCHAR(1000) NULL;
