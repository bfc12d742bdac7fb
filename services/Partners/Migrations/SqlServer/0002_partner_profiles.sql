-- The profile's lists move into one JSON document (profile); the side tables index what search filters on,
-- rewritten with the partner row in the same transaction.
ALTER TABLE dbo.partners ADD
    management_mode NVARCHAR(40) NULL,
    name_lower NVARCHAR(200) NOT NULL CONSTRAINT df_partners_name_lower DEFAULT N'',
    profile NVARCHAR(MAX) NOT NULL CONSTRAINT df_partners_profile DEFAULT N'{}';

CREATE TABLE dbo.partner_capabilities (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    code NVARCHAR(100) NOT NULL,
    CONSTRAINT pk_partner_capabilities PRIMARY KEY (partner_id, code)
);
CREATE INDEX ix_partner_capabilities_code ON dbo.partner_capabilities (code, partner_id);

CREATE TABLE dbo.partner_regions (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    region NCHAR(2) NOT NULL,
    CONSTRAINT pk_partner_regions PRIMARY KEY (partner_id, region)
);
CREATE INDEX ix_partner_regions_region ON dbo.partner_regions (region, partner_id);

CREATE TABLE dbo.partner_certifications (
    partner_id UNIQUEIDENTIFIER NOT NULL,
    position INT NOT NULL,
    vendor NVARCHAR(60) NOT NULL,
    issued_on DATE NOT NULL,
    expires_on DATE NULL,
    CONSTRAINT pk_partner_certifications PRIMARY KEY (partner_id, position)
);
CREATE INDEX ix_partner_certifications_vendor ON dbo.partner_certifications (vendor, partner_id) INCLUDE (issued_on, expires_on);

CREATE TABLE dbo.capability_codes (
    code NVARCHAR(100) NOT NULL CONSTRAINT pk_capability_codes PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    synonyms NVARCHAR(MAX) NOT NULL,
    added_by NVARCHAR(200) NOT NULL,
    added_at DATETIMEOFFSET NOT NULL
);

CREATE INDEX ix_partners_active_name ON dbo.partners (active, name, id);
GO

-- A new batch: SQL Server resolves the columns added above only in a batch compiled after they exist.
-- Partners registered before this version keep their regions, and their capabilities at 'intermediate'.
UPDATE p SET
    name_lower = LOWER(p.name),
    profile = (
        SELECT JSON_QUERY(p.regions) AS regions,
               JSON_QUERY(COALESCE(
                   (SELECT c.value AS code, N'intermediate' AS proficiency FROM OPENJSON(p.capabilities) AS c FOR JSON PATH),
                   N'[]')) AS capabilities
        FOR JSON PATH, WITHOUT_ARRAY_WRAPPER)
FROM dbo.partners AS p;
INSERT INTO dbo.partner_capabilities (partner_id, code) SELECT DISTINCT p.id, c.value FROM dbo.partners AS p CROSS APPLY OPENJSON(p.capabilities) AS c;
INSERT INTO dbo.partner_regions (partner_id, region) SELECT DISTINCT p.id, r.value FROM dbo.partners AS p CROSS APPLY OPENJSON(p.regions) AS r;
ALTER TABLE dbo.partners DROP COLUMN regions, capabilities;
