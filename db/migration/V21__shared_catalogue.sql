-- The shared catalogue. A module belongs to its host organisation: the organisation of the author who started it.
-- The host's learners see its published modules; it may also share one with any of its partnerships, whose member
-- organisations' learners then see it too. A share is history: stopping it sets ended_at, so the attempts and
-- certificates made while it lasted keep their context, and only future learning ends.

ALTER TABLE module ADD COLUMN organisation_id BIGINT NULL AFTER owner_id;

-- Existing modules were started by authors of the organisation they belong to today.
UPDATE module m JOIN person p ON p.id = m.owner_id SET m.organisation_id = p.organisation_id;
UPDATE module SET organisation_id = (SELECT MIN(id) FROM organisation) WHERE organisation_id IS NULL;

ALTER TABLE module MODIFY organisation_id BIGINT NOT NULL,
    ADD CONSTRAINT fk_module_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id);

-- The catalogue and the curators' queue: an organisation's modules by status.
CREATE INDEX ix_module_organisation ON module (organisation_id, status);

CREATE TABLE module_share (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    module_id       BIGINT NOT NULL,
    partnership_id  BIGINT NOT NULL,
    shared_by       BIGINT NULL,
    shared_at       TIMESTAMP(6) NOT NULL,
    ended_at        TIMESTAMP(6) NULL,
    -- 1 while shared, NULL once ended: one current share per module and partnership, any number of past ones.
    current_share   TINYINT AS (IF(ended_at IS NULL, 1, NULL)) STORED,
    CONSTRAINT uk_module_share_current UNIQUE (module_id, partnership_id, current_share),
    CONSTRAINT fk_module_share_module FOREIGN KEY (module_id) REFERENCES module (id) ON DELETE CASCADE,
    CONSTRAINT fk_module_share_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id),
    CONSTRAINT fk_module_share_person FOREIGN KEY (shared_by) REFERENCES person (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- "What does this partnership share?" (the catalogue, the coordinator's list, the partnership report).
CREATE INDEX ix_module_share_partnership ON module_share (partnership_id, ended_at);
