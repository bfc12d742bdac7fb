-- Optimistic concurrency: an opportunity and its invitations are saved only from the version they were read at.
ALTER TABLE opportunities ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
