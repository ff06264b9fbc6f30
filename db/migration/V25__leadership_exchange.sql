-- The Leadership Exchange. A partnership coordinator opens a round for some of the partnership's member
-- organisations; leaders of those organisations apply, a manager confirms each, a matching over the whole pool
-- proposes pairs, both partners accept, agree goals rated before and after, and plan reciprocal visits. The guest's
-- reflection after a visit is theirs alone unless they share it with their partner: the coordinator never reads it.

CREATE TABLE exchange_round (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id      BIGINT NOT NULL,
    name                VARCHAR(120) NOT NULL,
    applications_open   DATE NOT NULL,
    applications_close  DATE NOT NULL,
    starts_on           DATE NOT NULL,
    ends_on             DATE NOT NULL,
    visits_each_way     INT NOT NULL,
    briefing_at         TIMESTAMP(6) NULL,
    debrief_at          TIMESTAMP(6) NULL,
    place               VARCHAR(200) NULL,
    created_by_id       BIGINT NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_exchange_round_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_exchange_round_creator FOREIGN KEY (created_by_id) REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A coordinator's rounds, newest first.
CREATE INDEX ix_exchange_round_partnership ON exchange_round (partnership_id, starts_on);

CREATE TABLE exchange_round_organisation (
    round_id         BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (round_id, organisation_id),
    -- "Which rounds may my organisation's leaders apply to?"
    KEY ix_exchange_round_organisation (organisation_id),
    CONSTRAINT fk_exchange_round_organisation_round FOREIGN KEY (round_id) REFERENCES exchange_round (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_exchange_round_organisation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exchange_application (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id            BIGINT NOT NULL,
    person_id           BIGINT NOT NULL,
    organisation_id     BIGINT NOT NULL,
    sector              VARCHAR(20) NOT NULL,
    level               VARCHAR(20) NOT NULL,
    wants               VARCHAR(1000) NOT NULL,
    offers              VARCHAR(1000) NOT NULL,
    want_themes         VARCHAR(300) NOT NULL,
    offer_themes        VARCHAR(300) NOT NULL,
    languages           VARCHAR(60) NOT NULL,
    availability        VARCHAR(60) NOT NULL,
    availability_note   VARCHAR(300) NULL,
    -- What the proposed partner may see of this application: field names, comma-separated.
    shown               VARCHAR(200) NOT NULL,
    status              VARCHAR(20) NOT NULL,
    manager_id          BIGINT NULL,
    manager_answered_at TIMESTAMP(6) NULL,
    excluded            BOOLEAN NOT NULL DEFAULT FALSE,
    unmatched_reason    VARCHAR(60) NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    -- One application per person and round: a second is refused, and two at once meet this key.
    CONSTRAINT uk_exchange_application UNIQUE (round_id, person_id),
    KEY ix_exchange_application_person (person_id),
    CONSTRAINT fk_exchange_application_round FOREIGN KEY (round_id) REFERENCES exchange_round (id),
    CONSTRAINT fk_exchange_application_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_application_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_exchange_application_manager FOREIGN KEY (manager_id) REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exchange_travel (
    application_id   BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (application_id, organisation_id),
    CONSTRAINT fk_exchange_travel_application FOREIGN KEY (application_id) REFERENCES exchange_application (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_exchange_travel_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exchange_avoid_person (
    application_id  BIGINT NOT NULL,
    person_id       BIGINT NOT NULL,
    PRIMARY KEY (application_id, person_id),
    KEY ix_exchange_avoid_person (person_id),
    CONSTRAINT fk_exchange_avoid_person_application FOREIGN KEY (application_id) REFERENCES exchange_application (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_exchange_avoid_person_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE exchange_avoid_organisation (
    application_id   BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    PRIMARY KEY (application_id, organisation_id),
    CONSTRAINT fk_exchange_avoid_organisation_application FOREIGN KEY (application_id)
        REFERENCES exchange_application (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_avoid_organisation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A pair proposed by the matching (or fixed by the coordinator), then published to both, accepted or declined by each.
CREATE TABLE exchange_pair (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    round_id            BIGINT NOT NULL,
    first_id            BIGINT NOT NULL,
    second_id           BIGINT NOT NULL,
    score               DOUBLE NOT NULL,
    -- Why they were paired: one reason per line, an i18n key and its arguments separated by tabs.
    reasons             VARCHAR(2000) NOT NULL,
    fixed               BOOLEAN NOT NULL DEFAULT FALSE,
    status              VARCHAR(20) NOT NULL,
    first_answer        VARCHAR(10) NULL,
    first_reason        VARCHAR(500) NULL,
    second_answer       VARCHAR(10) NULL,
    second_reason       VARCHAR(500) NULL,
    published_at        TIMESTAMP(6) NULL,
    accepted_at         TIMESTAMP(6) NULL,
    completed_at        TIMESTAMP(6) NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    KEY ix_exchange_pair_round (round_id, status),
    KEY ix_exchange_pair_first (first_id),
    KEY ix_exchange_pair_second (second_id),
    CONSTRAINT fk_exchange_pair_round FOREIGN KEY (round_id) REFERENCES exchange_round (id),
    CONSTRAINT fk_exchange_pair_first FOREIGN KEY (first_id) REFERENCES exchange_application (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_pair_second FOREIGN KEY (second_id) REFERENCES exchange_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each partner's learning goals, rated 1 to 5 at the start and at the end.
CREATE TABLE exchange_goal (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    pair_id         BIGINT NOT NULL,
    application_id  BIGINT NOT NULL,
    position        INT NOT NULL,
    text            VARCHAR(300) NOT NULL,
    start_rating    INT NULL,
    end_rating      INT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_exchange_goal UNIQUE (pair_id, application_id, position),
    CONSTRAINT fk_exchange_goal_pair FOREIGN KEY (pair_id) REFERENCES exchange_pair (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_goal_application FOREIGN KEY (application_id) REFERENCES exchange_application (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_exchange_goal_ratings CHECK ((start_rating IS NULL OR start_rating BETWEEN 1 AND 5)
        AND (end_rating IS NULL OR end_rating BETWEEN 1 AND 5))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A visit: one partner hosts, the other shadows. Each records that it happened; the guest reflects.
CREATE TABLE exchange_visit (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    pair_id             BIGINT NOT NULL,
    host_id             BIGINT NOT NULL,
    visit_date          DATE NOT NULL,
    place               VARCHAR(200) NOT NULL,
    shadow              VARCHAR(500) NOT NULL,
    sequence            INT NOT NULL DEFAULT 0,
    host_done_at        TIMESTAMP(6) NULL,
    guest_done_at       TIMESTAMP(6) NULL,
    reflection          TEXT NULL,
    reflection_shared   BOOLEAN NOT NULL DEFAULT FALSE,
    reflected_at        TIMESTAMP(6) NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    version             BIGINT NOT NULL DEFAULT 0,
    -- A pair's visits in date order; "visits tomorrow" for the reminders.
    KEY ix_exchange_visit_pair (pair_id, visit_date),
    KEY ix_exchange_visit_date (visit_date),
    CONSTRAINT fk_exchange_visit_pair FOREIGN KEY (pair_id) REFERENCES exchange_pair (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_visit_host FOREIGN KEY (host_id) REFERENCES exchange_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who came to the round's briefing and debrief, recorded by the coordinator.
CREATE TABLE exchange_attendance (
    round_id    BIGINT NOT NULL,
    meeting     VARCHAR(10) NOT NULL,
    person_id   BIGINT NOT NULL,
    present     BOOLEAN NOT NULL,
    PRIMARY KEY (round_id, meeting, person_id),
    CONSTRAINT fk_exchange_attendance_round FOREIGN KEY (round_id) REFERENCES exchange_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_exchange_attendance_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
