-- A program's version is its ETag: PUT needs If-Match (or If-None-Match: * to create), so no change is overwritten unseen.
ALTER TABLE dbo.reward_programs ADD version BIGINT NOT NULL CONSTRAINT df_reward_programs_version DEFAULT 1;
