-- The first administrator of an installation is created through a one-time setup link: the app logs a
-- link when it starts on a database without people (and without the demo world). Only the token's
-- SHA-256 hash is kept; a link expires and works once.

CREATE TABLE setup_token (
    token_hash  CHAR(64) NOT NULL PRIMARY KEY,
    created_at  TIMESTAMP(6) NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    used_at     TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row: whether the installation has been set up. Claiming it is one conditional UPDATE, so two setup
-- links used at the same moment (two app instances each logged one) can never both create an admin.
-- An installation that already has people (an upgrade, or the demo world) counts as set up.
CREATE TABLE installation (
    id         TINYINT NOT NULL PRIMARY KEY,
    set_up_at  TIMESTAMP(6) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO installation (id, set_up_at)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM person) THEN CURRENT_TIMESTAMP(6) END;
