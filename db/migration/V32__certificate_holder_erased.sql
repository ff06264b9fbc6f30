-- Erasure (issue 17) keeps two things of a person that others rely on, without the person.
--
-- A certificate stays verifiable after its holder's data is erased: /verify still says it is valid, for the module
-- and date, and "issued to a person whose data has been erased" instead of the name. learner_name (NOT NULL) then
-- holds a neutral marker and holder_erased_at says when; every screen, CSV and PDF shows the wording instead.
ALTER TABLE certificate ADD COLUMN holder_erased_at TIMESTAMP(6) NULL AFTER learner_name;

-- An anonymous story of change the writer chose to keep stays published, unlinked from them: no writer, no attempt
-- (it leads to the learner) and no source or link (an exchange pair leads to its partners). Such a story keeps its
-- module, or the partnership and what it was about, so it is still read where it was read before.
ALTER TABLE story
    MODIFY writer_id BIGINT NULL,
    DROP CONSTRAINT ck_story_origin,
    ADD CONSTRAINT ck_story_origin CHECK ((attempt_id IS NULL AND module_id IS NULL AND source IS NOT NULL
        AND partnership_id IS NOT NULL AND about IS NOT NULL)
        OR (attempt_id IS NOT NULL AND module_id IS NOT NULL AND source IS NULL)
        OR (writer_id IS NULL AND attempt_id IS NULL AND source IS NULL AND link IS NULL AND anonymous
            AND (module_id IS NOT NULL OR (partnership_id IS NOT NULL AND about IS NOT NULL))));
