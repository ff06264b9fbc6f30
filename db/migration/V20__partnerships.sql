-- Partnerships: named groups of organisations that learn together ("One Aurajoki"). An organisation may belong to
-- several. Membership is history: an organisation that leaves keeps its row with left_at set, so nothing it did in
-- the partnership loses its context; joining again adds a new row.

CREATE TABLE partnership (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(150) NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    version     BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT uk_partnership_name UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE partnership_member (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id   BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    joined_at        TIMESTAMP(6) NOT NULL,
    left_at          TIMESTAMP(6) NULL,
    -- 1 while the organisation is a member, NULL once it has left: the unique key below then allows one current
    -- membership per organisation and partnership, and any number of past ones.
    current_member   TINYINT AS (IF(left_at IS NULL, 1, NULL)) STORED,
    CONSTRAINT uk_partnership_member_current UNIQUE (partnership_id, organisation_id, current_member),
    CONSTRAINT fk_partnership_member_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_partnership_member_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Which partnerships is my organisation in, and who are its partners?" (the scope, asked on many pages). The
-- partnership's own member list is served by the unique key above, which starts with partnership_id.
CREATE INDEX ix_partnership_member_organisation ON partnership_member (organisation_id, left_at);

-- A partnership's coordinators: people of its member organisations. A role within one partnership, so it is data
-- here and not a global role; it counts only while the coordinator's organisation is a current member.
CREATE TABLE partnership_coordinator (
    partnership_id  BIGINT NOT NULL,
    person_id       BIGINT NOT NULL,
    PRIMARY KEY (partnership_id, person_id),
    CONSTRAINT fk_partnership_coordinator_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_partnership_coordinator_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Which partnerships does this person coordinate?" (at sign-in and on every coordinator's call).
CREATE INDEX ix_partnership_coordinator_person ON partnership_coordinator (person_id);
