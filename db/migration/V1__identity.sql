-- Identity: organisations, teams, people, roles, invitations.

CREATE TABLE organisation (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(150) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_organisation_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE person (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    organisation_id  BIGINT NOT NULL,
    email            VARCHAR(254) NOT NULL,
    display_name     VARCHAR(100) NOT NULL,
    language         VARCHAR(5) NULL,
    password_hash    VARCHAR(100) NOT NULL,
    enabled          BOOLEAN NOT NULL DEFAULT TRUE,
    failed_sign_ins  INT NOT NULL DEFAULT 0,
    locked_until     TIMESTAMP(6) NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_person_email UNIQUE (email),
    CONSTRAINT fk_person_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The admin grid searches and sorts people by name.
CREATE INDEX ix_person_display_name ON person (display_name);
CREATE INDEX ix_person_organisation ON person (organisation_id);

CREATE TABLE person_role (
    person_id  BIGINT NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (person_id, role),
    CONSTRAINT fk_person_role_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE team (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    organisation_id  BIGINT NOT NULL,
    name             VARCHAR(150) NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_team_name UNIQUE (organisation_id, name),
    CONSTRAINT fk_team_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_team_name ON team (name);

CREATE TABLE team_member (
    team_id    BIGINT NOT NULL,
    person_id  BIGINT NOT NULL,
    PRIMARY KEY (team_id, person_id),
    CONSTRAINT fk_team_member_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_member_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Which teams is this person in?" (home page, later the team dashboard).
CREATE INDEX ix_team_member_person ON team_member (person_id);

CREATE TABLE team_manager (
    team_id    BIGINT NOT NULL,
    person_id  BIGINT NOT NULL,
    PRIMARY KEY (team_id, person_id),
    CONSTRAINT fk_team_manager_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE CASCADE,
    CONSTRAINT fk_team_manager_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Which teams does this manager manage?" — every manager screen asks it.
CREATE INDEX ix_team_manager_person ON team_manager (person_id);

CREATE TABLE invitation (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    token_hash       CHAR(64) NOT NULL,
    organisation_id  BIGINT NOT NULL,
    team_id          BIGINT NULL,
    note             VARCHAR(200) NULL,
    created_by_id    BIGINT NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    expires_at       TIMESTAMP(6) NOT NULL,
    used_at          TIMESTAMP(6) NULL,
    used_by_id       BIGINT NULL,
    revoked_at       TIMESTAMP(6) NULL,
    version          BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_invitation_token UNIQUE (token_hash),
    CONSTRAINT fk_invitation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_invitation_team FOREIGN KEY (team_id) REFERENCES team (id) ON DELETE SET NULL,
    CONSTRAINT fk_invitation_created_by FOREIGN KEY (created_by_id) REFERENCES person (id),
    CONSTRAINT fk_invitation_used_by FOREIGN KEY (used_by_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_invitation_created_at ON invitation (created_at);

CREATE TABLE invitation_role (
    invitation_id  BIGINT NOT NULL,
    role           VARCHAR(20) NOT NULL,
    PRIMARY KEY (invitation_id, role),
    CONSTRAINT fk_invitation_role_invitation FOREIGN KEY (invitation_id) REFERENCES invitation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
