CREATE TABLE deal_registrations (
    id TEXT NOT NULL PRIMARY KEY,
    sequence INTEGER NOT NULL UNIQUE,
    vendor_id TEXT NOT NULL,
    registrant_partner_id TEXT NOT NULL,
    opportunity_id TEXT NULL,
    customer_name TEXT NOT NULL,
    customer_key TEXT NOT NULL,
    scope TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    protected_until TEXT NOT NULL,
    is_protected INTEGER NOT NULL,
    conflicts_with_id TEXT NULL,
    poaching INTEGER NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX ix_deal_registrations_customer ON deal_registrations (vendor_id, customer_key);
CREATE INDEX ix_deal_registrations_registrant ON deal_registrations (registrant_partner_id, sequence);
