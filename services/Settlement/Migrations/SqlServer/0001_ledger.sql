CREATE TABLE dbo.ledger_entries (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    transaction_key NVARCHAR(120) NOT NULL,
    opportunity_id UNIQUEIDENTIFIER NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    counterparty_partner_id UNIQUEIDENTIFIER NOT NULL,
    account NVARCHAR(60) NOT NULL,
    amount DECIMAL(19, 4) NOT NULL,
    currency NCHAR(3) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT uq_ledger_entries_transaction_partner UNIQUE (transaction_key, partner_id)
);
CREATE INDEX ix_ledger_entries_partner ON dbo.ledger_entries (partner_id, created_at, id);
