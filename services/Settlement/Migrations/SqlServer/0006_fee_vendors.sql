-- The vendor whose program a won deal was in, so the vendor sees the fees between partners on its deals that are overdue.
ALTER TABLE dbo.settled_opportunities ADD vendor_id NVARCHAR(100) NULL;

-- The batch is compiled before the column exists: the index is created as its own statement.
EXEC (N'CREATE INDEX ix_settled_opportunities_vendor ON dbo.settled_opportunities (vendor_id);');
