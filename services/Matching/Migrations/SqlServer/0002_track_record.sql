DROP TABLE dbo.partner_index;

CREATE TABLE dbo.invitation_facts (
    invitation_id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    opportunity_id UNIQUEIDENTIFIER NOT NULL,
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    invitee_partner_id UNIQUEIDENTIFIER NOT NULL,
    invited_at DATETIMEOFFSET NULL,
    responded_at DATETIMEOFFSET NULL,
    outcome NVARCHAR(20) NOT NULL
);

CREATE TABLE dbo.team_wins (
    opportunity_id UNIQUEIDENTIFIER NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    won_at DATETIMEOFFSET NOT NULL,
    PRIMARY KEY (opportunity_id, partner_id)
);
