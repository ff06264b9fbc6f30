-- The audit log: who did what, when, to what, in ids and codes only (never a name, an e-mail address, a password or
-- anybody's words), so an entry can stay for good and still keep nothing of a person whose data has been erased.
-- No foreign keys: a row outlives whatever it names, and rows are never updated or deleted (see the triggers below).
CREATE TABLE audit_log (
    -- Given by the application in chain order (audit_chain_head.last_id + 1), not by AUTO_INCREMENT: the id is part
    -- of what each entry's hash covers, so it must be known before the row is written.
    id               BIGINT NOT NULL PRIMARY KEY,
    occurred_at      DATETIME(6) NOT NULL,
    actor_id         BIGINT NULL,
    action           VARCHAR(60) NOT NULL,
    target_type      VARCHAR(40) NULL,
    target_id        VARCHAR(80) NULL,
    organisation_id  BIGINT NULL,
    detail           VARCHAR(1000) NULL,
    -- SHA-256 (hex) of the entry before, and of this one: hash = SHA-256(prev_hash + the canonical fields).
    prev_hash        CHAR(64) NOT NULL,
    hash             CHAR(64) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The admin's filter: a platform admin by dates (and action), an organisation admin within their organisation by
-- dates; a person's entries (the person filter, their own export) as actor or as target.
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at);
CREATE INDEX ix_audit_log_organisation ON audit_log (organisation_id, occurred_at);
CREATE INDEX ix_audit_log_action ON audit_log (action, occurred_at);
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id);
CREATE INDEX ix_audit_log_target ON audit_log (target_type, target_id);

-- The end of the chain: one row, locked (SELECT ... FOR UPDATE) by each append, so appends happen one at a time and
-- every entry links to the one before it. It also remembers the last entry, so cutting entries off the end shows.
CREATE TABLE audit_chain_head (
    id         TINYINT NOT NULL PRIMARY KEY,
    last_id    BIGINT NOT NULL,
    last_hash  CHAR(64) NOT NULL,
    CONSTRAINT ck_audit_chain_head_one CHECK (id = 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only for the application's own database user: no row of the log can be changed or deleted. (A user who may
-- drop triggers can still get round this; the hash chain is what then shows the change.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: entries cannot be changed';

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only: entries cannot be deleted';
