CREATE TABLE deal_conflicts (
    registration_id TEXT NOT NULL,
    counterpart_partner_id TEXT NOT NULL,
    registrant_partner_id TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    PRIMARY KEY (registration_id, counterpart_partner_id)
);
