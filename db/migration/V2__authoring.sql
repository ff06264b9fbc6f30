-- Authoring: modules, their steps, co-authors, images, review and immutable published versions.

CREATE TABLE module_image (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_key   CHAR(32) NOT NULL,
    module_id    BIGINT NOT NULL,
    media_type   VARCHAR(30) NOT NULL,
    width        INT NOT NULL,
    height       INT NOT NULL,
    content      LONGBLOB NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT uk_module_image_key UNIQUE (public_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE module (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    owner_id           BIGINT NOT NULL,
    status             VARCHAR(20) NOT NULL,
    title              VARCHAR(120) NOT NULL,
    summary            VARCHAR(600) NULL,
    audience           VARCHAR(200) NULL,
    estimated_minutes  INT NULL,
    language           VARCHAR(5) NOT NULL,
    themes             VARCHAR(300) NULL,
    statement_1        VARCHAR(200) NULL,
    statement_2        VARCHAR(200) NULL,
    statement_3        VARCHAR(200) NULL,
    cover_image_key    CHAR(32) NULL,
    latest_version_id  BIGINT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_module_owner FOREIGN KEY (owner_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The curators' queue and the catalogue list modules by status, newest change first.
CREATE INDEX ix_module_status ON module (status, updated_at);

CREATE TABLE module_author (
    module_id  BIGINT NOT NULL,
    person_id  BIGINT NOT NULL,
    credit     VARCHAR(100) NOT NULL,
    owner      BOOLEAN NOT NULL DEFAULT FALSE,
    added_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (module_id, person_id),
    CONSTRAINT fk_module_author_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE,
    CONSTRAINT fk_module_author_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "My modules": every module a person authors.
CREATE INDEX ix_module_author_person ON module_author (person_id);

CREATE TABLE module_step (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id      BIGINT NOT NULL,
    position       INT NOT NULL,
    type           VARCHAR(20) NOT NULL,
    heading        VARCHAR(150) NULL,
    body           TEXT NULL,
    image_key      CHAR(32) NULL,
    video_url      VARCHAR(500) NULL,
    caption        VARCHAR(300) NULL,
    alt_text       VARCHAR(300) NULL,
    min_days       INT NULL,
    options        TEXT NULL,
    updated_by_id  BIGINT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_module_step_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_module_step_module ON module_step (module_id, position);

-- A published version is a frozen snapshot (JSON) of the module as it was; never updated.
CREATE TABLE module_version (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id        BIGINT NOT NULL,
    number           INT NOT NULL,
    title            VARCHAR(120) NOT NULL,
    language         VARCHAR(5) NOT NULL,
    published_at     TIMESTAMP(6) NOT NULL,
    published_by_id  BIGINT NOT NULL,
    content          LONGTEXT NOT NULL,
    CONSTRAINT uk_module_version UNIQUE (module_id, number),
    CONSTRAINT fk_module_version_module FOREIGN KEY (module_id) REFERENCES module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE module_transition (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id    BIGINT NOT NULL,
    from_status  VARCHAR(20) NOT NULL,
    to_status    VARCHAR(20) NOT NULL,
    actor_id     BIGINT NOT NULL,
    at           TIMESTAMP(6) NOT NULL,
    note         VARCHAR(1000) NULL,
    CONSTRAINT fk_module_transition_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_module_transition_module ON module_transition (module_id, at);

CREATE TABLE step_comment (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id   BIGINT NOT NULL,
    step_id     BIGINT NULL,
    author_id   BIGINT NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_step_comment_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The editor shows every comment of a module beside its step.
CREATE INDEX ix_step_comment_module ON step_comment (module_id, created_at);

CREATE TABLE coauthor_invitation (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash     CHAR(64) NOT NULL,
    module_id      BIGINT NOT NULL,
    created_by_id  BIGINT NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    expires_at     TIMESTAMP(6) NOT NULL,
    used_at        TIMESTAMP(6) NULL,
    used_by_id     BIGINT NULL,
    version        BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_coauthor_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_coauthor_invitation_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
