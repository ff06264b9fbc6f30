-- Accounts for the load client, added to a database that has the demo world (DEMO_ENABLED=true).
-- Set @learners, @managers, @authors and @domain first (bench/load.sh does). Everyone signs in with the demo
-- password (the hash is copied from Callum, an English-speaking learner of the City of Aurajoki):
--   load-learner-0001@load.example …  learners, in teams of about ten;
--   load-manager-0001@load.example …  managers (and learners), each managing one of those teams;
--   load-author-0001@load.example …   authors, each owning a copy of the demo draft "Waiting rooms".
-- Does nothing when the accounts are there already.

SET SESSION max_recursive_iterations = 100000;
SET @template := (SELECT id FROM person WHERE email = 'callum@demo.encounter.example');
SET @org := (SELECT organisation_id FROM person WHERE id = @template);
SET @hash := (SELECT password_hash FROM person WHERE id = @template);
SET @draft := (SELECT id FROM module WHERE status = 'DRAFT' AND title = 'Waiting rooms' ORDER BY id LIMIT 1);
SET @existing := (SELECT COUNT(*) FROM person WHERE email LIKE CONCAT('load-%@', @domain));
SET @now := NOW(6);

SET @skip := IF(@existing > 0 OR @template IS NULL, 1, 0);

INSERT INTO person (organisation_id, email, display_name, registered_name, language, password_hash, enabled,
                    created_at, version)
WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 10000)
SELECT @org, CONCAT('load-', kind, '-', LPAD(n, 4, '0'), '@', @domain),
       CONCAT('Load ', kind, ' ', n), CONCAT('Load ', UPPER(LEFT(kind, 1)), SUBSTRING(kind, 2), ' ', n),
       'en', @hash, TRUE, @now, 0
FROM (SELECT 'learner' AS kind, n FROM seq WHERE n <= @learners
      UNION ALL SELECT 'manager', n FROM seq WHERE n <= @managers
      UNION ALL SELECT 'author', n FROM seq WHERE n <= @authors) people
WHERE @skip = 0;

INSERT INTO person_role (person_id, role)
SELECT id, 'LEARNER' FROM person WHERE @skip = 0 AND email LIKE CONCAT('load-learner-%@', @domain)
UNION ALL SELECT id, 'LEARNER' FROM person WHERE @skip = 0 AND email LIKE CONCAT('load-manager-%@', @domain)
UNION ALL SELECT id, 'MANAGER' FROM person WHERE @skip = 0 AND email LIKE CONCAT('load-manager-%@', @domain)
UNION ALL SELECT id, 'AUTHOR' FROM person WHERE @skip = 0 AND email LIKE CONCAT('load-author-%@', @domain);

-- One team per manager; learner i is in team ((i - 1) mod managers) + 1.
INSERT INTO team (organisation_id, name, created_at, version)
SELECT @org, CONCAT('Load team ', SUBSTRING(email, 14, 4)), @now, 0
FROM person WHERE @skip = 0 AND email LIKE CONCAT('load-manager-%@', @domain);

INSERT INTO team_manager (team_id, person_id)
SELECT t.id, p.id FROM person p JOIN team t ON t.organisation_id = @org
    AND t.name = CONCAT('Load team ', SUBSTRING(p.email, 14, 4))
WHERE @skip = 0 AND p.email LIKE CONCAT('load-manager-%@', @domain);

INSERT INTO team_member (team_id, person_id)
SELECT t.id, p.id FROM person p JOIN team t ON t.organisation_id = @org
    AND t.name = CONCAT('Load team ', LPAD(MOD(CAST(SUBSTRING(p.email, 14, 4) AS UNSIGNED) - 1, @managers) + 1, 4, '0'))
WHERE @skip = 0 AND @managers > 0 AND p.email LIKE CONCAT('load-learner-%@', @domain);

-- Each author owns a draft: a copy of the demo draft with its steps.
INSERT INTO module (owner_id, organisation_id, status, title, summary, audience, estimated_minutes, language, themes,
                    statement_1, statement_2, statement_3, cover_image_key, latest_version_id, created_at,
                    updated_at, version, validity_months)
SELECT p.id, m.organisation_id, 'DRAFT', m.title, m.summary, m.audience, m.estimated_minutes, m.language, m.themes,
       m.statement_1, m.statement_2, m.statement_3, NULL, NULL, @now, @now, 0, m.validity_months
FROM person p JOIN module m ON m.id = @draft
WHERE @skip = 0 AND p.email LIKE CONCAT('load-author-%@', @domain);

INSERT INTO module_author (module_id, person_id, credit, owner, added_at)
SELECT m.id, p.id, p.display_name, TRUE, @now FROM person p JOIN module m ON m.owner_id = p.id
WHERE @skip = 0 AND p.email LIKE CONCAT('load-author-%@', @domain);

INSERT INTO module_step (module_id, position, type, heading, body, image_key, video_url, caption, alt_text, min_days,
                         options, updated_by_id, updated_at, version)
SELECT m.id, s.position, s.type, s.heading, s.body, NULL, s.video_url, s.caption, s.alt_text, s.min_days, s.options,
       p.id, @now, 0
FROM person p JOIN module m ON m.owner_id = p.id JOIN module_step s ON s.module_id = @draft
WHERE @skip = 0 AND p.email LIKE CONCAT('load-author-%@', @domain);

SELECT (SELECT COUNT(*) FROM person WHERE email LIKE CONCAT('load-%@', @domain)) AS load_accounts,
       (SELECT COUNT(*) FROM team WHERE name LIKE 'Load team %') AS load_teams,
       (SELECT COUNT(*) FROM module m JOIN person p ON p.id = m.owner_id
        WHERE p.email LIKE CONCAT('load-author-%@', @domain)) AS load_drafts;
