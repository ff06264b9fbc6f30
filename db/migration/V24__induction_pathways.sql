-- Shared induction pathways: a partnership's ordered path of shared modules for new starters, due a number of days
-- after joining. A person who joins a member organisation becomes a starter: the path's modules are assigned to them
-- by the pathway itself (assignment.pathway_id, no assigning person), each step due a share of the period later than
-- the one before. The starter row keeps who started when, so each organisation sees its own starters' progress.

CREATE TABLE pathway (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    partnership_id  BIGINT NOT NULL,
    name            VARCHAR(150) NOT NULL,
    due_days        INT NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    version         BIGINT NOT NULL DEFAULT 0,
    -- One pathway per partnership; also "the partnership's pathway" for the coordinator and for every joiner.
    CONSTRAINT uk_pathway_partnership UNIQUE (partnership_id),
    CONSTRAINT fk_pathway_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pathway_step (
    pathway_id  BIGINT NOT NULL,
    position    INT NOT NULL,
    module_id   BIGINT NOT NULL,
    PRIMARY KEY (pathway_id, position),
    CONSTRAINT fk_pathway_step_pathway FOREIGN KEY (pathway_id) REFERENCES pathway (id) ON DELETE CASCADE,
    CONSTRAINT fk_pathway_step_module FOREIGN KEY (module_id) REFERENCES module (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE pathway_starter (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    pathway_id       BIGINT NOT NULL,
    person_id        BIGINT NOT NULL,
    organisation_id  BIGINT NOT NULL,
    joined_on        DATE NOT NULL,
    due_date         DATE NOT NULL,
    CONSTRAINT uk_pathway_starter UNIQUE (pathway_id, person_id),
    -- "Which paths was I given?" (My learning), and the person's foreign key.
    KEY ix_pathway_starter_person (person_id),
    CONSTRAINT fk_pathway_starter_pathway FOREIGN KEY (pathway_id) REFERENCES pathway (id) ON DELETE CASCADE,
    CONSTRAINT fk_pathway_starter_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT fk_pathway_starter_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An organisation admin's starters, newest first; the coordinator's figures per organisation of one pathway.
CREATE INDEX ix_pathway_starter_organisation ON pathway_starter (organisation_id, joined_on);
CREATE INDEX ix_pathway_starter_pathway ON pathway_starter (pathway_id, organisation_id);

-- The pathway assigns, not a person.
ALTER TABLE assignment MODIFY assigned_by_id BIGINT NULL,
    ADD COLUMN pathway_id BIGINT NULL,
    ADD CONSTRAINT fk_assignment_pathway FOREIGN KEY (pathway_id) REFERENCES pathway (id) ON DELETE SET NULL;

-- A pathway's assignments, per starter (and the foreign key, which a deleted pathway sets to NULL).
CREATE INDEX ix_assignment_pathway ON assignment (pathway_id, learner_id);
