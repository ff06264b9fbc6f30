-- Action-learning sets: a facilitator (optionally with a co-facilitating author) meets a small group several
-- times for one module. What members share stays inside the set; attendance and session notes are recorded.
CREATE TABLE learning_set (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    name               VARCHAR(120) NOT NULL,
    module_id          BIGINT NOT NULL,
    facilitator_id     BIGINT NOT NULL,
    co_facilitator_id  BIGINT NULL,
    -- Meetings are entered and shown in this zone, and carry it into calendars.
    time_zone          VARCHAR(64) NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_set_module FOREIGN KEY (module_id) REFERENCES module (id),
    CONSTRAINT fk_set_facilitator FOREIGN KEY (facilitator_id) REFERENCES person (id),
    CONSTRAINT fk_set_co_facilitator FOREIGN KEY (co_facilitator_id) REFERENCES person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_set_facilitator ON learning_set (facilitator_id);
CREATE INDEX ix_set_co_facilitator ON learning_set (co_facilitator_id);

CREATE TABLE learning_set_member (
    set_id             BIGINT NOT NULL,
    person_id          BIGINT NOT NULL,
    -- The member's choice: their action plan and report back for the set's module are shown to the set.
    shares_commitment  BOOLEAN NOT NULL DEFAULT FALSE,
    added_at           TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (set_id, person_id),
    CONSTRAINT fk_set_member_set FOREIGN KEY (set_id) REFERENCES learning_set (id) ON DELETE CASCADE,
    CONSTRAINT fk_set_member_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_set_member_person ON learning_set_member (person_id);

CREATE TABLE set_meeting (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    set_id             BIGINT NOT NULL,
    starts_at          TIMESTAMP(6) NOT NULL,
    ends_at            TIMESTAMP(6) NOT NULL,
    place              VARCHAR(200) NULL,
    online_link        VARCHAR(500) NULL,
    notes              TEXT NULL,
    notes_updated_at   TIMESTAMP(6) NULL,
    -- iCalendar SEQUENCE: goes up whenever the time or place changes, so calendars update the event.
    sequence_no        INT NOT NULL DEFAULT 0,
    version            BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT fk_meeting_set FOREIGN KEY (set_id) REFERENCES learning_set (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_meeting_set ON set_meeting (set_id, starts_at);
CREATE INDEX ix_meeting_starts ON set_meeting (starts_at);

CREATE TABLE meeting_attendance (
    meeting_id         BIGINT NOT NULL,
    person_id          BIGINT NOT NULL,
    status             VARCHAR(10) NOT NULL,
    recorded_at        TIMESTAMP(6) NOT NULL,
    recorded_by_id     BIGINT NOT NULL,
    PRIMARY KEY (meeting_id, person_id),
    CONSTRAINT fk_attendance_meeting FOREIGN KEY (meeting_id) REFERENCES set_meeting (id) ON DELETE CASCADE,
    CONSTRAINT fk_attendance_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
