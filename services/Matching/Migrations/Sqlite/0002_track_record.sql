DROP TABLE partner_index;

CREATE TABLE invitation_facts (
    invitation_id TEXT NOT NULL PRIMARY KEY,
    opportunity_id TEXT NOT NULL,
    owner_partner_id TEXT NOT NULL,
    invitee_partner_id TEXT NOT NULL,
    invited_at TEXT NULL,
    responded_at TEXT NULL,
    outcome TEXT NOT NULL
);

CREATE TABLE team_wins (
    opportunity_id TEXT NOT NULL,
    partner_id TEXT NOT NULL,
    owner_partner_id TEXT NOT NULL,
    won_at TEXT NOT NULL,
    PRIMARY KEY (opportunity_id, partner_id)
);
