CREATE TABLE dbo.opportunities (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    customer_name NVARCHAR(200) NOT NULL,
    customer_contact NVARCHAR(200) NULL,
    industry NVARCHAR(100) NOT NULL,
    region NVARCHAR(2) NOT NULL,
    size NVARCHAR(20) NOT NULL,
    needs NVARCHAR(MAX) NOT NULL,
    estimated_value DECIMAL(19, 4) NOT NULL,
    currency NCHAR(3) NOT NULL,
    close_date DATE NULL,
    status NVARCHAR(20) NOT NULL,
    final_value DECIMAL(19, 4) NULL,
    created_at DATETIMEOFFSET NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_opportunities_owner ON dbo.opportunities (owner_partner_id, created_at, id);

CREATE TABLE dbo.invitations (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    opportunity_id UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.opportunities (id),
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    invitee_partner_id UNIQUEIDENTIFIER NOT NULL,
    role NVARCHAR(100) NOT NULL,
    referral_fee_percent DECIMAL(7, 4) NOT NULL,
    accept_by DATETIMEOFFSET NOT NULL,
    status NVARCHAR(20) NOT NULL,
    decline_reason NVARCHAR(500) NULL,
    created_at DATETIMEOFFSET NOT NULL,
    responded_at DATETIMEOFFSET NULL
);
CREATE INDEX ix_invitations_opportunity ON dbo.invitations (opportunity_id);
CREATE INDEX ix_invitations_invitee ON dbo.invitations (invitee_partner_id, created_at, id);
