ALTER TABLE dbo.ledger_entries ADD payable_at DATETIMEOFFSET NULL;

-- The batch is compiled before the column exists: the copy runs as its own statement.
EXEC (N'UPDATE dbo.ledger_entries SET payable_at = created_at;');
CREATE INDEX ix_ledger_entries_opportunity ON dbo.ledger_entries (opportunity_id);

CREATE TABLE dbo.settled_opportunities (
    opportunity_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    settled_at DATETIMEOFFSET NOT NULL
);
