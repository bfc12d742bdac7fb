-- The management mode each participant joined a program's deal under: the owner's when it posted, an invitee's when
-- invited. Later rules read these, never the directory, so a vendor's change of modes applies to new deals only.
ALTER TABLE dbo.opportunities ADD owner_management_mode NVARCHAR(20) NULL;
ALTER TABLE dbo.invitations ADD invitee_management_mode NVARCHAR(20) NULL;
GO

-- A new batch: SQL Server resolves the columns added above only in a batch compiled after they exist.
CREATE INDEX ix_opportunities_one_on_one ON dbo.opportunities (vendor_id, created_at, id) WHERE owner_management_mode = 'one-on-one';
CREATE INDEX ix_invitations_one_on_one ON dbo.invitations (opportunity_id) WHERE invitee_management_mode = 'one-on-one';

-- One-on-one relationships: the named owner on each side of a (vendor program, partner) pair; each side names its own.
CREATE TABLE dbo.relationship_owners (
    vendor_id NVARCHAR(100) NOT NULL,
    partner_id UNIQUEIDENTIFIER NOT NULL,
    vendor_owner NVARCHAR(200) NULL,
    partner_owner NVARCHAR(200) NULL,
    updated_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_relationship_owners PRIMARY KEY (vendor_id, partner_id)
);
CREATE INDEX ix_relationship_owners_partner ON dbo.relationship_owners (partner_id);
