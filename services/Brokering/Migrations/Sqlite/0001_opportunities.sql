CREATE TABLE opportunities (
    id TEXT NOT NULL PRIMARY KEY,
    owner_partner_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    customer_contact TEXT NULL,
    industry TEXT NOT NULL,
    region TEXT NOT NULL,
    size TEXT NOT NULL,
    needs TEXT NOT NULL,
    estimated_value TEXT NOT NULL,
    currency TEXT NOT NULL,
    close_date TEXT NULL,
    status TEXT NOT NULL,
    final_value TEXT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX ix_opportunities_owner ON opportunities (owner_partner_id, created_at, id);

CREATE TABLE invitations (
    id TEXT NOT NULL PRIMARY KEY,
    opportunity_id TEXT NOT NULL REFERENCES opportunities (id),
    owner_partner_id TEXT NOT NULL,
    invitee_partner_id TEXT NOT NULL,
    role TEXT NOT NULL,
    referral_fee_percent TEXT NOT NULL,
    accept_by TEXT NOT NULL,
    status TEXT NOT NULL,
    decline_reason TEXT NULL,
    created_at TEXT NOT NULL,
    responded_at TEXT NULL
);
CREATE INDEX ix_invitations_opportunity ON invitations (opportunity_id);
CREATE INDEX ix_invitations_invitee ON invitations (invitee_partner_id, created_at, id);
