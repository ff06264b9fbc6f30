-- A story once sent with its writer's name has been read with that name (by curators at least), so it can never
-- become anonymous: its words are tied to the writer. Existing named stories count as shown.
ALTER TABLE story ADD COLUMN shown_named BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE story SET shown_named = TRUE WHERE anonymous = FALSE;
