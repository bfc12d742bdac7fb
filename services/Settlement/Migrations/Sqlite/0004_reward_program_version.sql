-- A program's version is its ETag: PUT needs If-Match (or If-None-Match: * to create), so no change is overwritten unseen.
ALTER TABLE reward_programs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
