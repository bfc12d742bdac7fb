-- The vendor whose program a won deal was in, so the vendor sees the fees between partners on its deals that are overdue.
ALTER TABLE settled_opportunities ADD COLUMN vendor_id TEXT NULL;
CREATE INDEX ix_settled_opportunities_vendor ON settled_opportunities (vendor_id);
