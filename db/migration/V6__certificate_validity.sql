-- A module may say how long its certificate stays valid; the version keeps what it said.
ALTER TABLE module ADD COLUMN validity_months INT NULL;
ALTER TABLE module_version ADD COLUMN validity_months INT NULL;
CREATE INDEX ix_certificate_valid_until ON certificate (valid_until);
