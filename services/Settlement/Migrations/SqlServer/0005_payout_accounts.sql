-- One row per vendor, partner and currency paid: its version counts the payouts, and two approvals at once race on it.
CREATE TABLE dbo.payout_accounts (
    vendor_id NVARCHAR(100) NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    currency NCHAR(3) NOT NULL,
    version BIGINT NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_payout_accounts PRIMARY KEY (vendor_id, partner_id, currency)
);
