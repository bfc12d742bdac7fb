CREATE TABLE ledger_entries (
    id TEXT NOT NULL PRIMARY KEY,
    transaction_key TEXT NOT NULL,
    opportunity_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    counterparty_partner_id TEXT NOT NULL,
    account TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (transaction_key, partner_id)
);
CREATE INDEX ix_ledger_entries_partner ON ledger_entries (partner_id, created_at, id);
