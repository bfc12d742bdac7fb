-- A vendor's decision on a registration of its program, beside the hash-chained record, which never changes. One per
-- registration: the key makes a second decision fail even when two arrive at once.
CREATE TABLE deal_registration_decisions (
    registration_id TEXT NOT NULL PRIMARY KEY REFERENCES deal_registrations (id),
    vendor_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NULL,
    decided_at TEXT NOT NULL
);
