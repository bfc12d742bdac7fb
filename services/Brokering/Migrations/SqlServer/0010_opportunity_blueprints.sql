-- The vendor blueprint an opportunity is built around, if any (Matching favours the partners that deliver it).
ALTER TABLE dbo.opportunities ADD blueprint_id UNIQUEIDENTIFIER NULL;
GO

-- A new batch: SQL Server resolves the column added above only in a batch compiled after it exists.
CREATE INDEX ix_opportunities_blueprint ON dbo.opportunities (blueprint_id) WHERE blueprint_id IS NOT NULL;
