-- In-app notifications (also e-mailed when SMTP is configured), and ShedLock's lock table so a
-- scheduled job runs on one app instance at a time.

CREATE TABLE notification (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    person_id   BIGINT NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    ref         VARCHAR(60) NOT NULL,
    message_key VARCHAR(80) NOT NULL,
    args        VARCHAR(500) NULL,
    link        VARCHAR(200) NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    read_at     TIMESTAMP(6) NULL,
    emailed_at  TIMESTAMP(6) NULL,
    -- The same reminder is never given twice.
    CONSTRAINT uk_notification UNIQUE (person_id, kind, ref),
    CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_notification_person ON notification (person_id, created_at);

CREATE TABLE shedlock (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
