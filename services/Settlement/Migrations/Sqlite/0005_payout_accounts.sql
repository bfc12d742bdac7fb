-- One row per vendor, partner and currency paid: its version counts the payouts, and two approvals at once race on it.
CREATE TABLE payout_accounts (
    vendor_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (vendor_id, partner_id, currency)
);
