-- Certificates: issued once per completed attempt; what is printed is kept as it was printed.

CREATE TABLE certificate (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    code            CHAR(26) NOT NULL,
    attempt_id      BIGINT NOT NULL,
    learner_id      BIGINT NOT NULL,
    learner_name    VARCHAR(100) NOT NULL,
    organisation    VARCHAR(150) NOT NULL,
    module_id       BIGINT NOT NULL,
    version_id      BIGINT NOT NULL,
    module_title    VARCHAR(120) NOT NULL,
    version_number  INT NOT NULL,
    credits         VARCHAR(1000) NOT NULL,
    completed_at    TIMESTAMP(6) NOT NULL,
    seconds_spent   INT NOT NULL,
    issued_at       TIMESTAMP(6) NOT NULL,
    valid_until     TIMESTAMP(6) NULL,
    revoked_at      TIMESTAMP(6) NULL,
    revoked_reason  VARCHAR(500) NULL,
    CONSTRAINT uk_certificate_code UNIQUE (code),
    -- Exactly once per completed attempt, however often the completion event arrives.
    CONSTRAINT uk_certificate_attempt UNIQUE (attempt_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_certificate_learner ON certificate (learner_id, issued_at);
CREATE INDEX ix_certificate_module ON certificate (module_id, issued_at);
