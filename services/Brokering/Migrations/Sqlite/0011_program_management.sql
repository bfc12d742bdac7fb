-- How each vendor manages each partner category (formal program, formal support, one-on-one, SLA, marketing and PR).
CREATE TABLE program_management (
    vendor_id TEXT NOT NULL PRIMARY KEY,
    category_modes TEXT NOT NULL,
    sla_response_hours INTEGER NOT NULL,
    support_contact TEXT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- An invitation to an SLA-managed partner carries when the SLA wants its answer by; answered later is a breach.
ALTER TABLE invitations ADD COLUMN sla_due_at TEXT NULL;
CREATE INDEX ix_invitations_sla ON invitations (opportunity_id, sla_due_at) WHERE sla_due_at IS NOT NULL;
