-- A member's share with a set names the people it reaches. Sharing moves out of learning_set_member, so the
-- facilitator's save (which rewrites the member rows) can never turn a member's share back on.
CREATE TABLE set_share (
    set_id             BIGINT NOT NULL,
    sharer_id          BIGINT NOT NULL,
    -- When the member last confirmed who sees their commitment.
    confirmed_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (set_id, sharer_id),
    CONSTRAINT fk_set_share_set FOREIGN KEY (set_id) REFERENCES learning_set (id) ON DELETE CASCADE,
    CONSTRAINT fk_set_share_sharer FOREIGN KEY (sharer_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The people the member's consent named. Someone who joins the set later is not here until the member
-- confirms again; a manager of the member is never written here (and is refused on reading as well).
CREATE TABLE set_share_reader (
    set_id             BIGINT NOT NULL,
    sharer_id          BIGINT NOT NULL,
    reader_id          BIGINT NOT NULL,
    PRIMARY KEY (set_id, sharer_id, reader_id),
    CONSTRAINT fk_share_reader_share FOREIGN KEY (set_id, sharer_id) REFERENCES set_share (set_id, sharer_id)
        ON DELETE CASCADE,
    CONSTRAINT fk_share_reader_person FOREIGN KEY (reader_id) REFERENCES person (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "Whose commitments may this reader see in this set": the meeting page's question.
CREATE INDEX ix_share_reader_reader ON set_share_reader (reader_id, set_id);

-- Existing shares keep only the people certainly in the set when the member shared: the facilitator, and the
-- members who were there no later than the sharer. Anyone else waits for the member to confirm again.
INSERT INTO set_share (set_id, sharer_id, confirmed_at)
SELECT m.set_id, m.person_id, m.added_at FROM learning_set_member m WHERE m.shares_commitment;

INSERT INTO set_share_reader (set_id, sharer_id, reader_id)
SELECT m.set_id, m.person_id, s.facilitator_id
FROM learning_set_member m JOIN learning_set s ON s.id = m.set_id
WHERE m.shares_commitment AND s.facilitator_id <> m.person_id;

INSERT INTO set_share_reader (set_id, sharer_id, reader_id)
SELECT m.set_id, m.person_id, o.person_id
FROM learning_set_member m JOIN learning_set_member o ON o.set_id = m.set_id AND o.person_id <> m.person_id
JOIN learning_set s ON s.id = m.set_id
WHERE m.shares_commitment AND o.added_at <= m.added_at AND o.person_id <> s.facilitator_id;

-- Managers never read what the people they manage share, whatever was stored before.
DELETE r FROM set_share_reader r
JOIN team_member tm ON tm.person_id = r.sharer_id
JOIN team_manager mg ON mg.team_id = tm.team_id AND mg.person_id = r.reader_id;

ALTER TABLE learning_set_member DROP COLUMN shares_commitment;
