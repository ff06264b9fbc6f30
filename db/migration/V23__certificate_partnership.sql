-- A certificate of a module that came through a partnership (hosted by another organisation and shared with a
-- partnership the learner's organisation belonged to at completion) says "in partnership with ...". Which partnership,
-- and its name as it was at issue, are kept on the certificate, so a renamed partnership or an organisation leaving it
-- never changes what a certificate says. Both stay empty for a module of the learner's own organisation.

ALTER TABLE certificate
    ADD COLUMN partnership_id BIGINT NULL AFTER organisation,
    ADD COLUMN partnership_name VARCHAR(150) NULL AFTER partnership_id,
    ADD CONSTRAINT fk_certificate_partnership FOREIGN KEY (partnership_id) REFERENCES partnership (id);
