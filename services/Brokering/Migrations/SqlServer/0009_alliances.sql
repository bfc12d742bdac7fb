-- Alliances: partners who share pipeline within a scope (JSON: capabilities, regions, vendor programs) at a level.
-- Saved with optimistic concurrency, as opportunities are: members and shares change only with the alliance's version.
CREATE TABLE dbo.alliances (
    id UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    name NVARCHAR(120) NOT NULL,
    proposed_by UNIQUEIDENTIFIER NOT NULL,
    scope NVARCHAR(MAX) NOT NULL,
    sharing_level NVARCHAR(20) NOT NULL,
    state NVARCHAR(20) NOT NULL,
    created_at DATETIMEOFFSET NOT NULL,
    updated_at DATETIMEOFFSET NOT NULL,
    version BIGINT NOT NULL CONSTRAINT df_alliances_version DEFAULT 0
);

CREATE TABLE dbo.alliance_members (
    alliance_id UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.alliances (id),
    partner_id UNIQUEIDENTIFIER NOT NULL,
    status NVARCHAR(20) NOT NULL,
    answered_at DATETIMEOFFSET NULL,
    CONSTRAINT pk_alliance_members PRIMARY KEY (alliance_id, partner_id)
);
CREATE INDEX ix_alliance_members_partner ON dbo.alliance_members (partner_id, alliance_id);

CREATE TABLE dbo.alliance_shared_opportunities (
    alliance_id UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.alliances (id),
    opportunity_id UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.opportunities (id),
    owner_partner_id UNIQUEIDENTIFIER NOT NULL,
    shared_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_alliance_shared_opportunities PRIMARY KEY (alliance_id, opportunity_id)
);
CREATE INDEX ix_alliance_shared_opportunities_opportunity ON dbo.alliance_shared_opportunities (opportunity_id);
