-- Optimistic concurrency: an opportunity and its invitations are saved only from the version they were read at.
ALTER TABLE dbo.opportunities ADD version BIGINT NOT NULL CONSTRAINT df_opportunities_version DEFAULT 0;
