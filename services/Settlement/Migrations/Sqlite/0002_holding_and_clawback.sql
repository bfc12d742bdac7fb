ALTER TABLE ledger_entries ADD COLUMN payable_at TEXT NULL;
UPDATE ledger_entries SET payable_at = created_at;
CREATE INDEX ix_ledger_entries_opportunity ON ledger_entries (opportunity_id);

CREATE TABLE settled_opportunities (
    opportunity_id TEXT NOT NULL PRIMARY KEY,
    settled_at TEXT NOT NULL
);
