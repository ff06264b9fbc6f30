-- Your data: a person's downloads of everything the platform holds about them, requests to erase it (with a cool-off
-- that can be cancelled), the retention periods an admin sets, and what each retention run removed.

CREATE TABLE data_export (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id     BIGINT NOT NULL,
    requested_at  TIMESTAMP(6) NOT NULL,
    -- QUEUED, RUNNING, READY, FAILED, EXPIRED
    status        VARCHAR(10) NOT NULL,
    -- Sections written so far, of how many: the progress the person watches.
    done_parts    INT NOT NULL DEFAULT 0,
    total_parts   INT NOT NULL DEFAULT 0,
    -- The file's name in the export directory: random, so it cannot be guessed from the id.
    file_name     VARCHAR(60) NULL,
    size_bytes    BIGINT NULL,
    ready_at      TIMESTAMP(6) NULL,
    expires_at    TIMESTAMP(6) NULL,
    CONSTRAINT fk_data_export_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_data_export_person (person_id, requested_at),
    INDEX ix_data_export_expiry (status, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE erasure_request (
    id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id              BIGINT NOT NULL,
    -- The person, an organisation or platform admin acting on their request, or null for the retention job.
    requested_by           BIGINT NULL,
    -- PERSON, ADMIN, RETENTION
    origin                 VARCHAR(10) NOT NULL,
    requested_at           TIMESTAMP(6) NOT NULL,
    due_at                 TIMESTAMP(6) NOT NULL,
    -- PENDING, CANCELLED, DONE
    status                 VARCHAR(10) NOT NULL,
    keep_anonymous_stories BOOLEAN NOT NULL DEFAULT FALSE,
    credit_as_codesigner   BOOLEAN NOT NULL DEFAULT FALSE,
    end_open_exchange      BOOLEAN NOT NULL DEFAULT FALSE,
    cancelled_by           BIGINT NULL,
    cancelled_at           TIMESTAMP(6) NULL,
    completed_at           TIMESTAMP(6) NULL,
    -- Runs that failed and were rolled back, and why, as a code (an i18n key or an exception's class): never text.
    failures               INT NOT NULL DEFAULT 0,
    last_failure           VARCHAR(200) NULL,
    CONSTRAINT fk_erasure_request_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_erasure_request_due (status, due_at),
    INDEX ix_erasure_request_person (person_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: the periods a platform admin has set (null = the configured default).
CREATE TABLE retention_setting (
    id                    TINYINT PRIMARY KEY,
    private_answers_days  INT NULL,
    inactive_account_days INT NULL,
    export_file_days      INT NULL,
    updated_by            BIGINT NULL,
    updated_at            TIMESTAMP(6) NULL,
    CONSTRAINT ck_retention_setting_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO retention_setting (id) VALUES (1);

CREATE TABLE retention_run (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    ran_at    TIMESTAMP(6) NOT NULL,
    -- What was removed, by kind: "privateAnswers=3,exportFiles=1,inactiveAccounts=0".
    removed   VARCHAR(500) NOT NULL,
    INDEX ix_retention_run_ran (ran_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
