-- Deleting a draft deletes its pictures by module. Without an index that delete would read, and under
-- InnoDB's locking hold, every stored picture of every module until it commits, stalling others' uploads.
CREATE INDEX ix_module_image_module ON module_image (module_id);
